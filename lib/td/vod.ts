import { z } from "zod";
import { TdError } from "./errors";
import { isHttpUrl, type TdHttp, type TdResult } from "./http";
import type { GptImageBody } from "./vod-image";
import type { TtsBody } from "./vod-tts";
import type { GvBody } from "./vod-video";
import { VOD_LIMITS } from "@/lib/catalog/limits";

// Tencent-VOD-style "job" family: GPT Image-2 (T0302007), GV 3.1 (T0301004), MiniMax speech 2.8 HD (T0311001).
// Docs: shared/td-api/T0302007-*.md, T0301004-*.md, T0311001-*.md. Bodies live in vod-image / vod-video / vod-tts.

/** "orgin", verbatim from the docs (the Ark asset path says "origin"). Create, query and TTS all POST here. */
export const VOD_JOB_PATH = "/model/orgin/job";
export const VOD_ACTION_HEADER = "X-TC-Action";

export const VOD_JOB_MODELS = ["T0302007", "T0301004"] as const;
export type VodJobModel = (typeof VOD_JOB_MODELS)[number];
export const VOD_TTS_MODEL = "T0311001";
export const VOD_MODELS = [...VOD_JOB_MODELS, VOD_TTS_MODEL] as const;

export const VOD_SWITCH = ["Enabled", "Disabled"] as const;
export const VOD_PERSON_GENERATION = ["AllowAdult", "AllowAll"] as const;
export const VOD_STORAGE_MODES = ["Temporary", "Permanent"] as const;
export const VOD_INPUT_REGIONS = ["Mainland", "Oversea"] as const;
export const VOD_TASK_STATUSES = ["PROCESSING", "FINISH"] as const;

/** Zod issues may name the documented VOD error code to answer with; the emulator reads it. */
export interface VodIssueParams {
  vodCode: string;
}

export function vodIssue(
  ctx: z.RefinementCtx,
  message: string,
  path: (string | number)[],
  vodCode = "InvalidParameterValue",
) {
  ctx.addIssue({ code: "custom", message, path, params: { vodCode } satisfies VodIssueParams });
}

/** GPT Image-2 references and GV frames: a public URL only (the docs: 公网可访问 URL; no base64). */
export const publicUrl = z
  .string()
  .min(1)
  .refine(isHttpUrl, "must be a publicly reachable http(s) URL (base64 is not accepted)");

/** Fields both job bodies share, with their documented limits. */
export const jobCommonFields = {
  NegativePrompt: z.string().optional(),
  EnhancePrompt: z.enum(VOD_SWITCH).optional(),
  InputRegion: z.enum(VOD_INPUT_REGIONS).optional(),
  // Type Integer with no documented range.
  Seed: z.number().int().optional(),
  SessionId: z.string().min(1).max(VOD_LIMITS.sessionIdMax).optional(),
  SessionContext: z.string().max(VOD_LIMITS.sessionContextMax).optional(),
  TasksPriority: z.number().int().min(VOD_LIMITS.priorityMin).max(VOD_LIMITS.priorityMax).optional(),
  ExtInfo: z.string().optional(),
};

/** Set by the studio itself, not by the user's form. */
export interface VodJobExtras {
  /** Dedupe key (≤ 50 chars, 3 days): also what makes a create safe to retry. */
  sessionId?: string;
  sessionContext?: string;
  extInfo?: string;
  inputRegion?: (typeof VOD_INPUT_REGIONS)[number];
  /** Default Temporary: the studio copies every output to its own storage at once. */
  storageMode?: (typeof VOD_STORAGE_MODES)[number];
}

export const switchOf = (b: boolean | undefined): (typeof VOD_SWITCH)[number] | undefined =>
  b === undefined ? undefined : b ? "Enabled" : "Disabled";

/** Drop undefined values so that bodies hold only what was set. */
export function compact<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

// ---- answers -------------------------------------------------------------------------------

const createResponse = z.object({
  Response: z.object({ TaskId: z.string().min(1), RequestId: z.string().optional() }),
});

const metaData = z
  .object({
    Width: z.number().optional(),
    Height: z.number().optional(),
    Duration: z.number().optional(),
    VideoDuration: z.number().optional(),
    AudioDuration: z.number().optional(),
    Size: z.number().optional(),
    Bitrate: z.number().optional(),
    Container: z.string().optional(),
    Md5: z.string().optional(),
    Rotate: z.number().optional(),
  })
  .nullable()
  .optional();

const outputFileInfo = z.object({
  StorageMode: z.string().optional(),
  ExpireTime: z.string().optional(),
  FileType: z.string().optional(),
  FileId: z.string().optional(),
  FileUrl: z.string(),
  MetaData: metaData,
});

const jobDetail = z.object({
  TaskId: z.string().optional(),
  // Tolerant: Tencent also knows WAITING; anything but FINISH is read as still running.
  Status: z.string(),
  ErrCode: z.number().optional(),
  ErrCodeExt: z.string().optional(),
  Message: z.string().optional(),
  Progress: z.number().optional(),
  Input: z.record(z.string(), z.unknown()).nullable().optional(),
  Output: z
    .object({ FileInfos: z.array(outputFileInfo).nullable().optional() })
    .nullable()
    .optional(),
  SessionContext: z.string().optional(),
  SessionId: z.string().optional(),
});

const jobResponse = z.object({
  Response: z.object({
    TaskType: z.string(),
    Status: z.string(),
    CreateTime: z.string().optional(),
    BeginProcessTime: z.string().optional(),
    FinishTime: z.string().optional(),
    AigcImageTask: jobDetail.nullable().optional(),
    AigcVideoTask: jobDetail.nullable().optional(),
    RequestId: z.string().optional(),
  }),
});
export type VodJobAnswer = z.infer<typeof jobResponse>["Response"];
/** The query answer's schema (tolerant of the many sibling task fields). */
export const vodJobResponse = jobResponse;

const ttsResponse = z.object({
  Response: z.object({
    ErrorCode: z.number().optional(),
    Msg: z.string().optional(),
    AudioData: z.string().optional(),
    AudioUrl: z.string().optional(),
    VoiceId: z.string().optional(),
    ExtInfo: z.string().optional(),
    RequestId: z.string().optional(),
  }),
});
export type VodTtsAnswer = z.infer<typeof ttsResponse>["Response"];
export const vodTtsResponse = ttsResponse;

// ---- client --------------------------------------------------------------------------------

export interface VodCreateOptions {
  /** Dedupe key sent as SessionId (≤ 50 chars): makes the create safe to retry. */
  sessionId?: string;
  signal?: AbortSignal;
  /** Awaited with each attempt's requestId before it is sent. */
  beforeSend?: (requestId: string) => Promise<void>;
}
export type VodCreated = { TaskId: string; RequestId?: string };

export class VodClient {
  constructor(private readonly http: TdHttp) {}

  /**
   * Create an image or video job. Retried on transient faults only when the body carries a SessionId:
   * TD refuses a repeated SessionId for 3 days, so a retry cannot start a second (billed) job.
   * A retry whose first attempt had landed fails with that refusal — see `isDuplicateSession`.
   */
  createJob(model: "T0302007", body: GptImageBody, opts?: VodCreateOptions): Promise<TdResult<VodCreated>>;
  createJob(model: "T0301004", body: GvBody, opts?: VodCreateOptions): Promise<TdResult<VodCreated>>;
  async createJob(
    model: VodJobModel,
    body: GptImageBody | GvBody,
    opts: VodCreateOptions = {},
  ): Promise<TdResult<VodCreated>> {
    const wire = opts.sessionId ? { ...body, SessionId: opts.sessionId } : body;
    const r = await this.http.call({
      family: "vod",
      method: "POST",
      path: VOD_JOB_PATH,
      headers: { [VOD_ACTION_HEADER]: model },
      body: wire,
      schema: createResponse,
      retry: !!wire.SessionId,
      signal: opts.signal,
      beforeSend: opts.beforeSend,
    });
    return { ...r, data: r.data.Response };
  }

  /** Query: the same URL, no X-TC-Action, body {TaskId}. */
  /** `beforeSend` is awaited before each attempt (the engine's status-call limiter). */
  async getJob(
    taskId: string,
    signal?: AbortSignal,
    beforeSend?: (requestId: string) => Promise<void>,
  ): Promise<TdResult<VodJobAnswer>> {
    const r = await this.http.call({
      family: "vod",
      method: "POST",
      path: VOD_JOB_PATH,
      body: { TaskId: taskId },
      schema: jobResponse,
      retry: true,
      signal,
      beforeSend,
    });
    return { ...r, data: r.data.Response };
  }

  /**
   * Synchronous TTS / voice cloning. Sent once (each call is billed), bounded by the caller's timeout.
   * ErrorCode ≠ 0 in the answer is thrown as a TdError.
   */
  async tts(
    body: TtsBody,
    opts: { timeoutMs: number; signal?: AbortSignal; beforeSend?: (requestId: string) => Promise<void> },
  ): Promise<TdResult<VodTtsAnswer>> {
    const r = await this.http.call({
      family: "vod",
      method: "POST",
      path: VOD_JOB_PATH,
      headers: { [VOD_ACTION_HEADER]: VOD_TTS_MODEL },
      body,
      schema: ttsResponse,
      retry: false,
      timeoutMs: opts.timeoutMs,
      signal: opts.signal,
      beforeSend: opts.beforeSend,
    });
    const a = r.data.Response;
    if (a.ErrorCode !== undefined && a.ErrorCode !== 0) {
      throw new TdError({
        family: "vod",
        kind: "upstream",
        httpStatus: r.httpStatus,
        code: "FailedOperation",
        message: `${a.Msg || "speech synthesis failed"} (ErrorCode ${a.ErrorCode})`,
        requestId: r.requestId,
        upstreamRequestId: a.RequestId,
        retryable: false,
      });
    }
    return { ...r, data: a };
  }
}

/**
 * True when TD refused a create because its SessionId was used in the last 3 days. After a retried
 * create this means the first attempt already landed (its TaskId is not returned again).
 */
export function isDuplicateSession(err: unknown): boolean {
  if (!(err instanceof TdError) || err.family !== "vod") return false;
  if (err.code === "InvalidParameterValue.SessionId") return true;
  // The docs name no code for it: also accept a generic code whose message speaks of a repeated SessionId.
  return (
    /^(InvalidParameter|FailedOperation)/.test(err.code) &&
    /SessionId/i.test(err.upstreamMessage) &&
    /(重复|去重|duplicat|already)/i.test(err.upstreamMessage)
  );
}

// ---- parsing a job answer -------------------------------------------------------------------

export interface VodJobOutput {
  url: string;
  /** Undefined when TD gives no expiry (Permanent storage, or the zero time). */
  expiresAt?: Date;
  width?: number;
  height?: number;
  durationSeconds?: number;
  size?: number;
  mime: string;
}

export interface VodJobView {
  status: "running" | "succeeded" | "failed";
  kind: "image" | "video";
  progress: number;
  outputs: VodJobOutput[];
  error?: { code: string; message: string };
}

/** `2026-05-18T03:21:34Z` → Date; the zero time and 9999-… (never) → undefined. */
export function parseVodTime(s: string | undefined): Date | undefined {
  if (!s || s.startsWith("0000") || s.startsWith("9999")) return undefined;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

const MIME: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  webp: "image/webp",
  mp4: "video/mp4",
  mov: "video/quicktime",
};

function mimeOf(f: z.infer<typeof outputFileInfo>, kind: "image" | "video"): string {
  const ext = (f.FileType || /\.(\w+)(?:\?|$)/.exec(f.FileUrl)?.[1] || "").toLowerCase();
  return MIME[ext] ?? (kind === "video" ? "video/mp4" : "image/png");
}

const positive = (n: number | undefined) => (n && n > 0 ? n : undefined);

/** A job answer in the studio's terms: FINISH with ErrCode 0 is success, FINISH with any other ErrCode a failure. */
export function parseVodJob(a: VodJobAnswer): VodJobView {
  const kind = a.TaskType === "AigcVideoTask" || a.AigcVideoTask ? "video" : "image";
  const task = kind === "video" ? a.AigcVideoTask : a.AigcImageTask;
  const status = task?.Status ?? a.Status;
  if (status !== "FINISH") {
    return {
      status: "running",
      kind,
      progress: Math.min(99, Math.max(0, Math.round(task?.Progress ?? 0))),
      outputs: [],
    };
  }
  if (!task)
    return {
      status: "failed",
      kind,
      progress: 100,
      outputs: [],
      error: { code: "UnexpectedResponse", message: `TD answered FINISH without a ${kind} task` },
    };
  if ((task.ErrCode ?? 0) !== 0) {
    return {
      status: "failed",
      kind,
      progress: Math.round(task.Progress ?? 100),
      outputs: [],
      error: {
        code: task.ErrCodeExt || String(task.ErrCode),
        message: task.Message || `The ${kind} job failed upstream (ErrCode ${task.ErrCode}).`,
      },
    };
  }
  const outputs = (task.Output?.FileInfos ?? []).map((f): VodJobOutput => ({
    url: f.FileUrl,
    expiresAt: parseVodTime(f.ExpireTime),
    width: positive(f.MetaData?.Width),
    height: positive(f.MetaData?.Height),
    durationSeconds: kind === "video" ? positive(f.MetaData?.Duration ?? f.MetaData?.VideoDuration) : undefined,
    size: positive(f.MetaData?.Size),
    mime: mimeOf(f, kind),
  }));
  if (!outputs.length)
    return {
      status: "failed",
      kind,
      progress: 100,
      outputs,
      error: { code: "NoOutput", message: "TD finished the job without an output file." },
    };
  return { status: "succeeded", kind, progress: 100, outputs };
}
