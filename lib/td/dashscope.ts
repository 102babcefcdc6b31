import { z } from "zod";
import { TdHttp } from "./http";
import {
  HAPPYHORSE_AUDIO_SETTINGS,
  HAPPYHORSE_LIMITS as L,
  HAPPYHORSE_RATIOS,
  HAPPYHORSE_RESOLUTIONS,
} from "@/lib/catalog/limits";

// DashScope-style video synthesis (HappyHorse 1.0: T0401001..T0401004).

export const DASHSCOPE_CREATE_PATH = "/model/openai/api/v3/video-generation/video-synthesis";
export const DASHSCOPE_TASK_PATH = (taskId: string) => `/model/openai/api/v3/tasks/${encodeURIComponent(taskId)}`;

export const DASHSCOPE_MODELS = ["T0401001", "T0401002", "T0401003", "T0401004"] as const;
export type DashScopeModel = (typeof DASHSCOPE_MODELS)[number];

const mediaItem = z.object({
  type: z.enum(["first_frame", "reference_image", "video"]),
  url: z.string().min(1),
});
export type DashScopeMedia = z.infer<typeof mediaItem>;

/** The wire body, with the documented per-model rules. The emulator validates with this too. */
export const dashScopeCreateBody = z
  .object({
    model: z.enum(DASHSCOPE_MODELS),
    input: z.object({
      prompt: z.string().optional(),
      media: z.array(mediaItem).optional(),
    }),
    parameters: z
      .object({
        resolution: z.enum(HAPPYHORSE_RESOLUTIONS).optional(),
        ratio: z.enum(HAPPYHORSE_RATIOS).optional(),
        duration: z.number().int().min(L.durationMin).max(L.durationMax).optional(),
        watermark: z.boolean().optional(),
        seed: z.number().int().min(0).max(L.seedMax).optional(),
        audio_setting: z.enum(HAPPYHORSE_AUDIO_SETTINGS).optional(),
      })
      .optional(),
  })
  .superRefine((b, ctx) => {
    const media = b.input.media ?? [];
    const count = (t: DashScopeMedia["type"]) => media.filter((m) => m.type === t).length;
    const issue = (message: string, path: (string | number)[]) => ctx.addIssue({ code: "custom", message, path });
    const p = b.parameters ?? {};
    const promptRequired = b.model !== "T0401002";
    if (promptRequired && !b.input.prompt?.trim()) issue("input.prompt is required", ["input", "prompt"]);
    switch (b.model) {
      case "T0401001":
        if (media.length) issue("T0401001 takes no media", ["input", "media"]);
        if (p.audio_setting) issue("audio_setting is only for video edit", ["parameters", "audio_setting"]);
        break;
      case "T0401002":
        if (media.length !== 1 || count("first_frame") !== 1)
          issue("exactly one first_frame is required", ["input", "media"]);
        if (p.ratio) issue("ratio is not accepted for image-to-video", ["parameters", "ratio"]);
        if (p.audio_setting) issue("audio_setting is only for video edit", ["parameters", "audio_setting"]);
        break;
      case "T0401003": {
        const refs = count("reference_image");
        if (refs < L.referenceImagesMin || refs > L.referenceImagesMax || refs !== media.length) {
          issue(`${L.referenceImagesMin} to ${L.referenceImagesMax} reference_image items are required`, [
            "input",
            "media",
          ]);
        }
        if (p.audio_setting) issue("audio_setting is only for video edit", ["parameters", "audio_setting"]);
        break;
      }
      case "T0401004": {
        if (count("video") !== 1) issue("exactly one video is required", ["input", "media"]);
        const refs = count("reference_image");
        if (refs > L.editReferenceImagesMax)
          issue(`at most ${L.editReferenceImagesMax} reference_image items`, ["input", "media"]);
        if (count("first_frame")) issue("first_frame is not accepted for video edit", ["input", "media"]);
        if (p.ratio) issue("ratio is not accepted for video edit", ["parameters", "ratio"]);
        if (p.duration !== undefined) issue("duration is not accepted for video edit", ["parameters", "duration"]);
        const video = media.find((m) => m.type === "video");
        if (video && video.url.startsWith("data:")) issue("the video must be a public URL", ["input", "media"]);
        break;
      }
    }
  });
export type DashScopeCreateBody = z.infer<typeof dashScopeCreateBody>;

export const DASHSCOPE_STATUSES = ["PENDING", "RUNNING", "SUCCEEDED", "FAILED", "CANCELED", "UNKNOWN"] as const;

const createResponse = z.object({
  output: z.object({ task_id: z.string().min(1), task_status: z.string() }),
  request_id: z.string().optional(),
});

const taskResponse = z.object({
  output: z.object({
    task_id: z.string(),
    // Tolerant: a status the docs do not list is logged by the engine and read as still running.
    task_status: z.string(),
    submit_time: z.string().optional(),
    scheduled_time: z.string().optional(),
    end_time: z.string().optional(),
    orig_prompt: z.string().optional(),
    video_url: z.string().optional(),
    code: z.string().optional(),
    message: z.string().optional(),
  }),
  usage: z.record(z.string(), z.unknown()).optional(),
  request_id: z.string().optional(),
});
export type DashScopeTask = z.infer<typeof taskResponse>;

export class DashScopeClient {
  constructor(private readonly http: TdHttp) {}

  /** Sent once: a retried create could bill twice. */
  create(body: DashScopeCreateBody, signal?: AbortSignal, beforeSend?: (requestId: string) => Promise<void>) {
    return this.http.call({
      family: "dashscope",
      method: "POST",
      path: DASHSCOPE_CREATE_PATH,
      body,
      schema: createResponse,
      retry: false,
      signal,
      beforeSend,
    });
  }

  /** `beforeSend` is awaited before each attempt (the engine's status-call limiter). */
  get(taskId: string, signal?: AbortSignal, beforeSend?: (requestId: string) => Promise<void>) {
    return this.http.call({
      family: "dashscope",
      method: "GET",
      path: DASHSCOPE_TASK_PATH(taskId),
      schema: taskResponse,
      retry: true,
      signal,
      beforeSend,
    });
  }
}

/** Studio params (catalog names) + resolved media → the documented wire body. */
export function buildDashScopeBody(
  model: DashScopeModel,
  prompt: string | undefined,
  params: {
    resolution?: string;
    ratio?: string;
    duration?: number;
    watermark?: boolean;
    seed?: number;
    audioSetting?: string;
  },
  media: DashScopeMedia[] = [],
): DashScopeCreateBody {
  const parameters: Record<string, unknown> = {};
  if (params.resolution) parameters.resolution = params.resolution;
  if (params.ratio && (model === "T0401001" || model === "T0401003")) parameters.ratio = params.ratio;
  if (params.duration !== undefined && model !== "T0401004") parameters.duration = params.duration;
  if (params.watermark !== undefined) parameters.watermark = params.watermark;
  if (params.seed !== undefined) parameters.seed = params.seed;
  if (model === "T0401004" && params.audioSetting) parameters.audio_setting = params.audioSetting;
  const input: DashScopeCreateBody["input"] = {};
  if (prompt !== undefined && prompt !== "") input.prompt = prompt;
  if (media.length) input.media = media;
  return { model, input, parameters } as DashScopeCreateBody;
}
