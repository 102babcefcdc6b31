import { randomBytes, randomUUID } from "node:crypto";
import { mediaProblem, type MediaRules } from "../spec/common";
import {
  GPT_IMAGE,
  GPT_IMAGE_REFERENCE,
  gptImageBody,
  GV_MEDIA,
  gvBody,
  JOB_LIMITS,
  type GptImageBody,
  type GvBody,
  type JobModel as VodJobModel,
} from "../spec/vod";
import { faultsInPrompt } from "../faults";
import { promptImage, sampleVideo, sizeFor } from "../media/generate";
import type { EmuContext } from "../server";
import { finishTime, phaseOf, progressOf, type EmuTask } from "../tasks";
import type { EmuRequest } from "../types";
import { fetchCapped, sniffImage, vodInvalid } from "./vod-common";

// The async image (GPT Image-2) and video (GV 3.1) jobs: create, and query by TaskId.

/** The doc's task ids: `1395528311-AigcImageTask-<32 hex>t`. */
const SUB_APP_ID = "1395528311";
const TASK_TYPE: Record<VodJobModel, "AigcImageTask" | "AigcVideoTask"> = {
  T0302007: "AigcImageTask",
  T0301004: "AigcVideoTask",
};
// The emulator's reading of the tiers: the long side in pixels. (The doc's example shows 1808×1024 for 16:9 at the default.)
const LONG_SIDE = { "1K": 1024, "2K": 2048, "4K": 4096 } as const;
const SAMPLE_VIDEO_SECONDS = 3;
const DEDUPE_MS = JOB_LIMITS.sessionDedupeDays * 24 * 3600_000;
const ZERO_TIME = "0000-00-00T00:00:00Z";
/** Tencent's "never expires" (Permanent storage). */
const NEVER = "9999-12-31T23:59:59Z";
const NEVER_MS = Date.UTC(2099, 0, 1);

/** The sibling task fields of the doc's query examples, all null but the one of the task's type. */
const SIBLINGS = [
  "ProcedureTask",
  "EditMediaTask",
  "SplitMediaTask",
  "ComposeMediaTask",
  "WechatPublishTask",
  "PullUploadTask",
  "WechatMiniProgramPublishTask",
  "DescribeFileAttributesTask",
  "RemoveWatermarkTask",
  "RebuildMediaTask",
  "FastClipMediaTask",
  "ExtractTraceWatermarkTask",
  "ExtractCopyRightWatermarkTask",
  "ExtractBlindWatermarkTask",
  "ReviewAudioVideoTask",
  "QualityInspectTask",
  "QualityEnhanceTask",
  "ComplexAdaptiveDynamicStreamingTask",
  "ProcessMediaByMPSTask",
  "ProcessImageAsyncTask",
  "AigcImageTask",
  "SceneAigcImageTask",
  "AigcVideoTask",
  "SceneAigcVideoTask",
  "ImportMediaKnowledge",
  "CreateAigcAdvancedCustomElementTask",
  "CreateAigcCustomVoiceTask",
  "CreateAigcSubjectTask",
  "AigcVideoRedrawTask",
  "AigcAudioTask",
  "TranscodeTask",
  "SnapshotByTimeOffsetTask",
  "ConcatTask",
  "ClipTask",
  "CreateImageSpriteTask",
  "ReduceMediaBitrateTask",
];

interface VodExtra {
  taskType: "AigcImageTask" | "AigcVideoTask";
  /** The task's ErrCode when it fails (Tencent: 40000 bad input, 70000 internal error). */
  errCode: number;
  outputs?: Promise<void>;
}

/** `2026-05-11T03:19:57Z`, as in the examples (no milliseconds). */
export const vodTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

export function jobHandlers(ctx: EmuContext) {
  /** SessionId → when it was used. */
  const sessions = new Map<string, number>();
  /** SessionIds whose create fault already fired. */
  const faulted = new Set<string>();

  return {
    async create(r: EmuRequest, model: VodJobModel) {
      r.log.op = "create";
      r.log.model = model;
      const parsed = (model === "T0302007" ? gptImageBody : gvBody).safeParse(r.body);
      if (!parsed.success) return vodInvalid(ctx, r, parsed.error.issues);
      const body = parsed.data as GptImageBody | GvBody;
      const sid = body.SessionId;
      const used = sid ? sessions.get(sid) : undefined;
      if (used !== undefined && Date.now() - used < DEDUPE_MS) {
        // The doc: "三天内使用相同值会返回错误" without a code; Tencent VOD's code for it.
        return ctx.error(
          r,
          400,
          "InvalidParameterValue.SessionId",
          `SessionId ${sid} was already used within the last ${JOB_LIMITS.sessionDedupeDays} days: the request is deduplicated (去重识别码重复).`,
        );
      }
      const prompt = body.Prompt ?? "";
      const f = faultsInPrompt(prompt);
      // A create fault fires once per SessionId, so that a retried create (same SessionId) can get through.
      let fault = f.create;
      if (fault && sid) {
        if (faulted.has(sid)) fault = undefined;
        else faulted.add(sid);
      }
      if (ctx.fault(r, fault)) return;
      const bad = await inputProblem(model, body);
      const failure = bad
        ? { code: "InvalidInput", message: bad }
        : f.failed
          ? {
              code: "InternalError",
              message: `AIGC ${model === "T0302007" ? "image" : "video"} generation failed: the model could not produce a result for this input.`,
            }
          : undefined;
      const taskType = TASK_TYPE[model];
      const extra: VodExtra = { taskType, errCode: bad ? 40000 : 70000 };
      const task = ctx.tasks.add({
        id: `${SUB_APP_ID}-${taskType}-${randomBytes(16).toString("hex")}t`,
        family: "vod",
        model,
        body,
        prompt,
        ...ctx.timing(prompt),
        failure,
        pollFault: f.poll,
        downloadFault: f.download,
        extra: extra as unknown as Record<string, unknown>,
      });
      if (sid) sessions.set(sid, task.createdAt);
      r.log.taskId = task.id;
      ctx.json(r, 200, { Response: { TaskId: task.id, RequestId: randomUUID() } });
    },

    async query(r: EmuRequest, id: string) {
      r.log.op = "get";
      r.log.taskId = id;
      const task = ctx.tasks.get(id);
      if (task?.pollFault) {
        const fault = task.pollFault;
        task.pollFault = undefined;
        if (ctx.fault(r, fault)) return;
      }
      // Task records are not given a documented lifetime: they stay queryable while the emulator runs.
      if (!task || task.family !== "vod")
        return ctx.error(r, 400, "InvalidParameterValue.TaskId", `The task ${id} does not exist (任务 ID 不存在).`);
      r.log.model = task.model;
      await ensureOutputs(ctx, task);
      ctx.json(r, 200, { Response: view(task) });
    },
  };
}

/**
 * The inputs the emulator can reach are checked against the documented size and format limits; a bad one
 * fails the job (the download happens in the job). Unreachable URLs (the doc's examples) are let through.
 */
async function inputProblem(model: VodJobModel, body: GptImageBody | GvBody): Promise<string | undefined> {
  const checks: { url: string; rules: MediaRules; what: string }[] = (body.FileInfos ?? []).map((f, i) => ({
    url: f.Url,
    rules: model === "T0302007" ? GPT_IMAGE_REFERENCE : GV_MEDIA.file,
    what: `FileInfos.${i}.Url`,
  }));
  const last = (body as GvBody).LastFrameUrl;
  if (last) checks.push({ url: last, rules: GV_MEDIA.lastFrameUrl, what: "LastFrameUrl" });
  const problems = await Promise.all(
    checks.map(async (c) => {
      const cap = c.rules.maxBytes ?? Infinity;
      const got = await fetchCapped(c.url, cap);
      if (!got) return undefined;
      if (got.status < 200 || got.status >= 300)
        return `${c.what}: the file could not be downloaded (HTTP ${got.status}).`;
      if (got.bytes.length > cap) return `${c.what}: the image is larger than ${cap / 1024 / 1024} MB.`;
      const format = sniffImage(got.bytes);
      const formats = c.rules.formats ?? [];
      if (!format || !formats.includes(format))
        return `${c.what}: format ${format ?? "unknown"} is not supported (${formats.join(", ")}).`;
      const problem = mediaProblem(c.rules, { format, bytes: got.bytes.length });
      return problem ? `${c.what}: ${problem}.` : undefined;
    }),
  );
  return problems.find(Boolean);
}

function storageOf(task: EmuTask): string {
  return (task.body as GptImageBody | GvBody).OutputConfig?.StorageMode ?? "Temporary";
}

/** Outputs are made when the task finishes; here lazily on the first read after that. */
function ensureOutputs(ctx: EmuContext, task: EmuTask): Promise<void> {
  const extra = task.extra as unknown as VodExtra;
  if (phaseOf(task) !== "succeeded") return Promise.resolve();
  extra.outputs ??= (async () => {
    const expiresAt = storageOf(task) === "Permanent" ? NEVER_MS : finishTime(task) + ctx.opts.outputTtlSeconds * 1000;
    if (task.model === "T0302007") {
      const b = task.body as GptImageBody;
      const ratio = b.OutputConfig?.AspectRatio ?? GPT_IMAGE.defaults.AspectRatio;
      const { width, height } = sizeFor(ratio, LONG_SIDE[b.OutputConfig?.Resolution ?? GPT_IMAGE.defaults.Resolution]);
      const png = await promptImage({
        width,
        height,
        prompt: task.prompt,
        seed: b.Seed,
        label: `GPT Image-2 · ${b.ModelVersion}`,
      });
      const id = ctx.files.put(png, "image/png", task.downloadFault);
      task.outputs = [
        {
          fileId: id,
          url: ctx.publicUrl() + ctx.files.signedPath(id, "png", expiresAt),
          expiresAt,
          mime: "image/png",
          width,
          height,
          size: png.length,
          role: "image",
        },
      ];
      return;
    }
    const b = task.body as GvBody;
    const v = sampleVideo(b.OutputConfig?.AspectRatio ?? "16:9");
    const id = ctx.files.put(v.bytes, "video/mp4", task.downloadFault);
    task.outputs = [
      {
        fileId: id,
        url: ctx.publicUrl() + ctx.files.signedPath(id, "mp4", expiresAt),
        expiresAt,
        mime: "video/mp4",
        width: v.width,
        height: v.height,
        durationSeconds: SAMPLE_VIDEO_SECONDS,
        size: v.bytes.length,
        role: "video",
      },
    ];
  })();
  return extra.outputs;
}

function view(task: EmuTask) {
  const extra = task.extra as unknown as VodExtra;
  const body = task.body as GptImageBody | GvBody;
  const phase = phaseOf(task);
  const done = phase === "succeeded" || phase === "failed";
  const status = done ? "FINISH" : "PROCESSING";
  const detail = {
    TaskId: task.id,
    Status: status,
    ErrCode: phase === "failed" ? extra.errCode : 0,
    ErrCodeExt: phase === "failed" ? task.failure!.code : "",
    Message: phase === "failed" ? task.failure!.message : "",
    Progress: progressOf(task),
    Input: task.model === "T0302007" ? imageInput(body as GptImageBody) : videoInput(body as GvBody),
    Output: { FileInfos: phase === "succeeded" ? (task.outputs ?? []).map((o) => outputFile(task, o)) : [] },
    SessionContext: body.SessionContext ?? "",
    SessionId: body.SessionId ?? "",
  };
  const out: Record<string, unknown> = {
    TaskType: extra.taskType,
    Status: status,
    CreateTime: vodTime(task.createdAt),
    BeginProcessTime: phase === "queued" ? "" : vodTime(task.createdAt + task.queuedMs),
    FinishTime: done ? vodTime(finishTime(task)) : "",
  };
  for (const k of SIBLINGS) out[k] = null;
  out[extra.taskType] = detail;
  out.RequestId = randomUUID();
  return out;
}

const orEmpty = (s: string | undefined) => s ?? "";

function imageInput(b: GptImageBody) {
  const oc = b.OutputConfig ?? {};
  return {
    ModelName: "OG",
    ModelVersion: b.ModelVersion,
    FileInfos: (b.FileInfos ?? []).map((f) => ({ Type: f.Type, FileId: "", Url: f.Url })),
    Prompt: orEmpty(b.Prompt),
    NegativePrompt: orEmpty(b.NegativePrompt),
    EnhancePrompt: orEmpty(b.EnhancePrompt),
    GenerationMode: "",
    SceneType: "",
    OutputConfig: {
      StorageMode: oc.StorageMode ?? "Temporary",
      MediaName: "",
      ClassId: 0,
      ExpireTime: ZERO_TIME,
      Resolution: orEmpty(oc.Resolution),
      AspectRatio: orEmpty(oc.AspectRatio),
      PersonGeneration: orEmpty(oc.PersonGeneration),
      InputComplianceCheck: orEmpty(oc.InputComplianceCheck),
      OutputComplianceCheck: orEmpty(oc.OutputComplianceCheck),
    },
  };
}

function videoInput(b: GvBody) {
  const oc = b.OutputConfig ?? {};
  return {
    FileInfos: (b.FileInfos ?? []).map((f) => ({ Type: f.Type, FileId: "", Url: f.Url, Usage: f.Usage })),
    SubjectInfos: b.SubjectInfos ?? [],
    LastFrameFileId: orEmpty(b.LastFrameFileId),
    LastFrameUrl: orEmpty(b.LastFrameUrl),
    Prompt: orEmpty(b.Prompt),
    NegativePrompt: orEmpty(b.NegativePrompt),
    ModelName: "GV",
    ModelVersion: "3.1",
    EnhancePrompt: orEmpty(b.EnhancePrompt),
    GenerationMode: "",
    OutputConfig: {
      StorageMode: oc.StorageMode ?? "Temporary",
      MediaName: "",
      ClassId: 0,
      ExpireTime: ZERO_TIME,
      Duration: 0,
      Resolution: "",
      AspectRatio: orEmpty(oc.AspectRatio),
      AudioGeneration: orEmpty(oc.AudioGeneration),
      EnableBGM: "",
      PersonGeneration: orEmpty(oc.PersonGeneration),
      InputComplianceCheck: orEmpty(oc.InputComplianceCheck),
      OutputComplianceCheck: orEmpty(oc.OutputComplianceCheck),
      EnhanceSwitch: "",
      OffPeak: "",
      FrameInterpolate: "",
      LogoAdd: "",
    },
    InputRegion: b.InputRegion ?? "Mainland",
    SceneType: orEmpty(b.SceneType),
    Seed: b.Seed ?? 0,
  };
}

const dynamicRange = { HDRType: "", Type: "Unknown" };

function outputFile(task: EmuTask, o: NonNullable<EmuTask["outputs"]>[number]) {
  const storage = storageOf(task);
  const base = {
    StorageMode: storage,
    MediaName: "",
    ClassId: 0,
    // The link's own expiry (Temporary storage); Permanent files never expire.
    ExpireTime: storage === "Permanent" ? NEVER : vodTime(o.expiresAt),
    FileType: "",
    FileId: "",
    FileUrl: o.url,
  };
  const w = o.width ?? 0;
  const h = o.height ?? 0;
  if (o.mime === "image/png") {
    return {
      ...base,
      MetaData: {
        AudioDuration: 0,
        AudioStreamSet: [],
        Bitrate: 0,
        Container: "png_pipe",
        Duration: 0,
        Height: h,
        Md5: "",
        Rotate: 0,
        Size: o.size,
        VideoDuration: 0,
        VideoStreamSet: [
          {
            Bitrate: 0,
            Codec: "png",
            CodecTag: "",
            Codecs: "",
            DynamicRangeInfo: dynamicRange,
            Fps: 25,
            Height: h,
            Width: w,
          },
        ],
        Width: w,
      },
    };
  }
  const seconds = o.durationSeconds ?? SAMPLE_VIDEO_SECONDS;
  const bitrate = Math.round((o.size * 8) / seconds);
  const audio = (task.body as GvBody).OutputConfig?.AudioGeneration !== "Disabled";
  return {
    ...base,
    MetaData: {
      AudioDuration: audio ? seconds : 0,
      AudioStreamSet: audio
        ? [
            {
              Bitrate: Math.round(bitrate * 0.1),
              Channel: 0,
              Codec: "aac",
              Codecs: "",
              Loudness: 0,
              SamplingRate: 48000,
            },
          ]
        : [],
      Bitrate: bitrate,
      Container: "mov,mp4,m4a,3gp,3g2,mj2",
      Duration: seconds,
      Height: h,
      Md5: "",
      Rotate: 0,
      Size: o.size,
      VideoDuration: seconds,
      VideoStreamSet: [
        {
          Bitrate: Math.round(bitrate * 0.9),
          Codec: "h264",
          CodecTag: "",
          Codecs: "",
          DynamicRangeInfo: dynamicRange,
          Fps: 24,
          Height: h,
          Width: w,
        },
      ],
      Width: w,
    },
  };
}
