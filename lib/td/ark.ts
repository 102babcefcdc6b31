import { z } from "zod";
import { TdError } from "./errors";
import { isHttpUrl, type TdHttp, type TdResult } from "./http";
import { ARK_LIMITS, ARK_RATIOS, ARK_RESOLUTIONS } from "@/lib/catalog/limits";

// Volcengine-Ark-style content generation tasks (Seedance 2.0 fast, T0101007) and its asset library.
// Doc: shared/td-api/T0101007-yunzhu42-seedance-2.0-fast-and-assets.md

export const ARK_TASKS_PATH = "/model/openai/api/v3/contents/generations/tasks";
export const ARK_TASK_PATH = (id: string) => `${ARK_TASKS_PATH}/${encodeURIComponent(id)}`;
// "origin" here, "orgin" in the VOD family: both verbatim from the docs.
export const ARK_ASSET_CREATE_PATH = "/model/origin/assets/create";
export const ARK_ASSET_GET_PATH = "/model/origin/assets/get";

export const ARK_MODELS = ["T0101007"] as const;
export type ArkModel = (typeof ARK_MODELS)[number];

export const ARK_STATUSES = ["queued", "running", "cancelled", "succeeded", "failed", "expired"] as const;
export type ArkStatus = (typeof ARK_STATUSES)[number];
export const ARK_ASSET_TYPES = ["Image", "Video", "Audio"] as const;
export const ARK_ASSET_STATUSES = ["Processing", "Active", "Failed"] as const;

/** Zod issues may carry the documented Ark error to answer with; the emulator reads it. */
export interface ArkIssueParams {
  arkCode: string;
  httpStatus?: number;
}

type MediaKind = "image" | "video" | "audio";
const BASE64 = {
  // The doc: `data:image/<format>;base64,…`, format in lower case.
  image: /^data:image\/(jpeg|jpg|png|webp|bmp|tiff|gif);base64,[A-Za-z0-9+/=\r\n]+$/,
  // Audio base64 is accepted but its shape is not spelled out: the usual data URL of a wav/mp3.
  audio: /^data:audio\/(wav|x-wav|wave|mp3|mpeg);base64,[A-Za-z0-9+/=\r\n]+$/,
  video: undefined,
} as const;

/** `asset://<ID>` → ID. */
export function parseAssetUri(url: string): string | undefined {
  return /^asset:\/\/([^\s/]+)$/.exec(url)?.[1];
}

/** What is wrong with one media reference, as a documented Ark error; undefined when fine. */
export function checkMediaUrl(kind: MediaKind, url: string): (ArkIssueParams & { message: string }) | undefined {
  if (kind === "image" && !url) return { arkCode: "InvalidImageURL.EmptyURL", message: "Empty base64 image url" };
  if (!url) return { arkCode: "InvalidParameter", message: `${kind}_url.url must not be empty` };
  if (isHttpUrl(url) || parseAssetUri(url)) return undefined;
  if (url.startsWith("data:")) {
    const re = BASE64[kind];
    if (!re)
      return {
        arkCode: "InvalidParameter",
        message: "a video must be a URL or asset://ID (base64 is not accepted for videos)",
      };
    if (re.test(url)) return undefined;
    if (kind === "image") return { arkCode: "InvalidImageURL.InvalidFormat", message: "Invalid base64 image url" };
    return { arkCode: "InvalidParameter", message: "audio base64 must be data:audio/<wav|mp3>;base64,<data>" };
  }
  return {
    arkCode: "InvalidParameter",
    message: `${kind}_url.url must be a URL, ${kind === "video" ? "" : "a base64 data URL, "}or asset://ID`,
  };
}

const textItem = z.object({ type: z.literal("text"), text: z.string() });
const imageItem = z.object({
  type: z.literal("image_url"),
  image_url: z.object({ url: z.string() }),
  // Conditionally required: may be left out only for a single first frame.
  role: z.enum(["first_frame", "last_frame", "reference_image"]).optional(),
});
// Only one role exists for videos and audios; a missing one is read as that role (the doc says "conditionally required").
const videoItem = z.object({
  type: z.literal("video_url"),
  video_url: z.object({ url: z.string() }),
  role: z.literal("reference_video").optional(),
});
const audioItem = z.object({
  type: z.literal("audio_url"),
  audio_url: z.object({ url: z.string() }),
  role: z.literal("reference_audio").optional(),
});
const contentItem = z.discriminatedUnion("type", [textItem, imageItem, videoItem, audioItem]);
export type ArkContentItem = z.infer<typeof contentItem>;

/** The wire body with every documented rule. The emulator validates requests with this same schema. */
export const arkCreateBody = z
  .object({
    model: z.string().min(1),
    content: z.array(contentItem),
    callback_url: z.url({ protocol: /^https?$/ }).optional(),
    return_last_frame: z.boolean().optional(),
    service_tier: z.enum(["default", "flex"]).optional(),
    execution_expires_after: z
      .number()
      .int()
      .min(ARK_LIMITS.expiresAfterMin)
      .max(ARK_LIMITS.expiresAfterMax)
      .optional(),
    generate_audio: z.boolean().optional(),
    tools: z.array(z.object({ type: z.literal("web_search") })).optional(),
    safety_identifier: z.string().max(64).optional(),
    resolution: z.enum(ARK_RESOLUTIONS).optional(),
    ratio: z.enum(ARK_RATIOS).optional(),
    duration: z
      .number()
      .int()
      .min(-1)
      .max(ARK_LIMITS.durationMax)
      .refine(
        (d) => d === -1 || d >= ARK_LIMITS.durationMin,
        "duration must be an integer in [4, 15], or -1 to let the model choose",
      )
      .optional(),
    seed: z.number().int().min(-1).max(ARK_LIMITS.seedMax).optional(),
    watermark: z.boolean().optional(),
  })
  // "强校验": the doc says parameters are strictly checked, so unknown top-level names are refused.
  .strict()
  .superRefine((b, ctx) => {
    const issue = (message: string, path: (string | number)[], arkCode = "InvalidParameter", httpStatus = 400) =>
      ctx.addIssue({ code: "custom", message, path, params: { arkCode, httpStatus } satisfies ArkIssueParams });
    if (!(ARK_MODELS as readonly string[]).includes(b.model)) {
      issue(
        `The model or endpoint ${b.model} does not exist or you do not have access to it.`,
        ["model"],
        "InvalidEndpointOrModel.NotFound",
        404,
      );
    }
    if (b.service_tier === "flex")
      issue("service_tier flex (offline inference) is not supported by this model", ["service_tier"]);

    const at = (t: ArkContentItem["type"]) => b.content.map((c, i) => ({ c, i })).filter((x) => x.c.type === t);
    const texts = at("text");
    const images = at("image_url") as { c: z.infer<typeof imageItem>; i: number }[];
    const videos = at("video_url");
    const audios = at("audio_url");
    if (texts.length > 1) issue("content takes at most one text item", ["content"]);
    const text = texts[0]?.c.type === "text" ? texts[0].c.text : undefined;

    for (const { c, i } of b.content.map((c, i) => ({ c, i }))) {
      if (c.type === "text") continue;
      const kind = c.type === "image_url" ? "image" : c.type === "video_url" ? "video" : "audio";
      const url = c.type === "image_url" ? c.image_url.url : c.type === "video_url" ? c.video_url.url : c.audio_url.url;
      const bad = checkMediaUrl(kind, url);
      if (bad) issue(bad.message, ["content", i, c.type, "url"], bad.arkCode);
    }

    // The three image scenarios are mutually exclusive: frames, or references (with videos/audios).
    const frames = images.filter((x) => x.c.role !== "reference_image");
    const refs = images.filter((x) => x.c.role === "reference_image");
    if (frames.length) {
      if (refs.length || videos.length || audios.length) {
        issue(
          "first/last frame images cannot be mixed with reference images, videos or audios (the scenarios are mutually exclusive)",
          ["content"],
        );
      }
      if (frames.length === 1 && frames[0].c.role === "last_frame") {
        issue("a last_frame needs a first_frame (first + last frame takes exactly two images)", [
          "content",
          frames[0].i,
          "role",
        ]);
      } else if (frames.length === 2) {
        const roles = frames.map((f) => f.c.role).sort();
        if (roles[0] !== "first_frame" || roles[1] !== "last_frame") {
          issue("first + last frame needs exactly two images, one with role first_frame and one with role last_frame", [
            "content",
          ]);
        }
      } else if (frames.length > 2) {
        issue(`first + last frame takes exactly two images (got ${frames.length} frame images)`, ["content"]);
      }
    } else if (refs.length || videos.length || audios.length) {
      if (refs.length > ARK_LIMITS.maxImages)
        issue(`at most ${ARK_LIMITS.maxImages} reference images (got ${refs.length})`, ["content"]);
      if (videos.length > ARK_LIMITS.maxVideos)
        issue(`at most ${ARK_LIMITS.maxVideos} reference videos (got ${videos.length})`, ["content"]);
      if (audios.length > ARK_LIMITS.maxAudios)
        issue(`at most ${ARK_LIMITS.maxAudios} reference audios (got ${audios.length})`, ["content"]);
      if (audios.length && !refs.length && !videos.length) {
        issue("audio cannot be the only reference: add at least one reference image or video", ["content"]);
      }
    } else if (!text?.trim()) {
      issue("content needs a text prompt when it carries no image, video or audio", ["content"], "MissingParameter");
    }
  });
export type ArkCreateBody = z.infer<typeof arkCreateBody>;

const createResponse = z.object({ id: z.string().min(1) });

const taskResponse = z.object({
  id: z.string(),
  model: z.string().optional(),
  // Tolerant: a status the docs do not list is logged by the engine and read as still running.
  status: z.string(),
  error: z.object({ code: z.string(), message: z.string() }).nullable().optional(),
  created_at: z.number().optional(),
  updated_at: z.number().optional(),
  content: z.object({ video_url: z.string().optional(), last_frame_url: z.string().optional() }).optional(),
  seed: z.number().optional(),
  resolution: z.string().optional(),
  ratio: z.string().optional(),
  duration: z.number().optional(),
  framespersecond: z.number().optional(),
  generate_audio: z.boolean().optional(),
  tools: z.array(z.object({ type: z.string() })).optional(),
  safety_identifier: z.string().optional(),
  service_tier: z.string().optional(),
  execution_expires_after: z.number().optional(),
  usage: z
    .object({
      completion_tokens: z.number().optional(),
      total_tokens: z.number().optional(),
      tool_usage: z.record(z.string(), z.number()).optional(),
    })
    .optional(),
});
export type ArkTask = z.infer<typeof taskResponse>;

const cancelResponse = z.object({ message: z.string().optional() });

/** CreateAsset body (PascalCase, Volcengine OpenAPI style). URL only: the doc refuses base64 here. */
export const arkAssetCreateBody = z
  .object({
    GroupId: z.string().min(1),
    URL: z.string().min(1).refine(isHttpUrl, "URL must be a publicly reachable http(s) URL (base64 is not accepted)"),
    Name: z.string().max(64).optional(),
    AssetType: z.enum(ARK_ASSET_TYPES),
    ProjectName: z.string().min(1).optional(),
  })
  .strict();
export type ArkAssetCreateBody = z.infer<typeof arkAssetCreateBody>;

// OpenAPI answers may carry ResponseMetadata.Error inside a 2xx body; the client turns that into a TdError.
const responseMetadata = z
  .object({
    RequestId: z.string().optional(),
    Action: z.string().optional(),
    Error: z.object({ Code: z.string(), CodeN: z.number().optional(), Message: z.string().optional() }).optional(),
  })
  .optional();

const assetCreateResponse = z.object({
  ResponseMetadata: responseMetadata,
  Result: z.object({ Id: z.string().min(1) }).optional(),
});

const assetResult = z.object({
  Id: z.string(),
  Name: z.string().optional(),
  /** Valid 12 h. */
  URL: z.string().optional(),
  AssetType: z.enum(ARK_ASSET_TYPES).optional(),
  GroupId: z.string().optional(),
  Status: z.enum(ARK_ASSET_STATUSES),
  Error: z.object({ Code: z.string().optional(), Message: z.string().optional() }).nullable().optional(),
  CreateTime: z.string().optional(),
  UpdateTime: z.string().optional(),
  ProjectName: z.string().optional(),
});
export type ArkAsset = z.infer<typeof assetResult>;
const assetGetResponse = z.object({ ResponseMetadata: responseMetadata, Result: assetResult.optional() });

function openApiResult<T>(
  r: TdResult<{ ResponseMetadata?: z.infer<typeof responseMetadata>; Result?: T }>,
): TdResult<T> {
  const meta = r.data.ResponseMetadata;
  if (meta?.Error || r.data.Result === undefined) {
    throw new TdError({
      family: "ark",
      kind: "upstream",
      httpStatus: r.httpStatus,
      code: meta?.Error?.Code ?? "UnexpectedResponse",
      message: meta?.Error?.Message ?? "TD's answer carried no Result",
      requestId: r.requestId,
      upstreamRequestId: meta?.RequestId,
    });
  }
  return { ...r, data: r.data.Result };
}

export class ArkClient {
  constructor(private readonly http: TdHttp) {}

  /** Sent once: a retried create could bill twice. */
  createTask(body: ArkCreateBody, signal?: AbortSignal, beforeSend?: (requestId: string) => Promise<void>) {
    return this.http.call({
      family: "ark",
      method: "POST",
      path: ARK_TASKS_PATH,
      body,
      schema: createResponse,
      retry: false,
      signal,
      beforeSend,
    });
  }

  /** `beforeSend` is awaited before each attempt (the engine's status-call limiter). */
  getTask(id: string, signal?: AbortSignal, beforeSend?: (requestId: string) => Promise<void>) {
    return this.http.call({
      family: "ark",
      method: "GET",
      path: ARK_TASK_PATH(id),
      schema: taskResponse,
      retry: true,
      signal,
      beforeSend,
    });
  }

  /** Only a queued task can be cancelled; other states answer an error. Not retried: a lost answer would turn into that error. */
  cancelTask(id: string, signal?: AbortSignal) {
    return this.http.call({
      family: "ark",
      method: "DELETE",
      path: ARK_TASK_PATH(id),
      schema: cancelResponse,
      retry: false,
      signal,
    });
  }

  /** Not retried: a second call would make a second asset. */
  async createAsset(body: ArkAssetCreateBody, signal?: AbortSignal) {
    return openApiResult(
      await this.http.call({
        family: "ark",
        method: "POST",
        path: ARK_ASSET_CREATE_PATH,
        body,
        schema: assetCreateResponse,
        retry: false,
        signal,
      }),
    );
  }

  async getAsset(id: string, opts: { projectName?: string; signal?: AbortSignal } = {}) {
    const body = opts.projectName ? { ProjectName: opts.projectName } : undefined;
    return openApiResult(
      await this.http.call({
        family: "ark",
        method: "POST",
        path: ARK_ASSET_GET_PATH,
        query: { id },
        body,
        schema: assetGetResponse,
        retry: true,
        signal: opts.signal,
      }),
    );
  }
}

export type ArkMode = "text-to-video" | "first-frame" | "first-last-frame" | "reference" | "multimodal-reference";
export type ArkRole = "first_frame" | "last_frame" | "reference_image" | "reference_video" | "reference_audio";

const ROLES_BY_MODE: Record<ArkMode, ArkRole[]> = {
  "text-to-video": [],
  "first-frame": ["first_frame"],
  "first-last-frame": ["first_frame", "last_frame"],
  reference: ["reference_image"],
  "multimodal-reference": ["reference_image", "reference_video", "reference_audio"],
};
// Content order: text, frames (first before last), images, videos, audios — as in the doc's examples.
const ORDER: ArkRole[] = ["first_frame", "last_frame", "reference_image", "reference_video", "reference_audio"];

export interface ArkStudioParams {
  ratio?: string;
  resolution?: string;
  duration?: number;
  seed?: number;
  watermark?: boolean;
  generateAudio?: boolean;
  returnLastFrame?: boolean;
  webSearch?: boolean;
}

/** Set by the studio itself, not by the user's form. */
export interface ArkExtras {
  callbackUrl?: string;
  safetyIdentifier?: string;
  executionExpiresAfter?: number;
}

/** Studio params (catalog names) + role-tagged inputs (URL, data: URL or asset://ID) → the documented wire body. */
export function buildArkBody(
  mode: ArkMode,
  prompt: string | undefined,
  params: ArkStudioParams,
  inputs: { role: ArkRole; url: string }[] = [],
  extras: ArkExtras = {},
): ArkCreateBody {
  const allowed = ROLES_BY_MODE[mode];
  const stray = inputs.find((i) => !allowed.includes(i.role));
  if (stray) throw new Error(`buildArkBody: role ${stray.role} does not belong to ${mode} mode`);
  const content: ArkContentItem[] = [];
  if (prompt?.trim()) content.push({ type: "text", text: prompt });
  const sorted = [...inputs].sort((a, b) => ORDER.indexOf(a.role) - ORDER.indexOf(b.role));
  for (const i of sorted) {
    if (i.role === "reference_video")
      content.push({ type: "video_url", video_url: { url: i.url }, role: "reference_video" });
    else if (i.role === "reference_audio")
      content.push({ type: "audio_url", audio_url: { url: i.url }, role: "reference_audio" });
    else content.push({ type: "image_url", image_url: { url: i.url }, role: i.role });
  }
  const body: Record<string, unknown> = { model: "T0101007", content };
  if (params.generateAudio !== undefined) body.generate_audio = params.generateAudio;
  if (params.ratio) body.ratio = params.ratio;
  if (params.resolution) body.resolution = params.resolution;
  if (params.duration !== undefined) body.duration = params.duration;
  if (params.seed !== undefined) body.seed = params.seed;
  if (params.watermark !== undefined) body.watermark = params.watermark;
  if (params.returnLastFrame) body.return_last_frame = true;
  if (params.webSearch) body.tools = [{ type: "web_search" }];
  if (extras.callbackUrl) body.callback_url = extras.callbackUrl;
  if (extras.safetyIdentifier) body.safety_identifier = extras.safetyIdentifier;
  if (extras.executionExpiresAfter !== undefined) body.execution_expires_after = extras.executionExpiresAfter;
  return body as ArkCreateBody;
}
