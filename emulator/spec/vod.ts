import { z } from "zod";
import { addIssue, isHttpUrl, MB, type MediaRules } from "./common";

// The Tencent-VOD-style "job" family on /model/orgin/job, as the docs describe it:
// shared/td-api/T0302007-yunhui17-gpt-image-2.md, T0301004-yunzhu38-gv-3.1-video.md (async jobs) and
// T0311001-yunyin1-minimax-speech-2.8-hd-tts.md (synchronous TTS). Line numbers are those files'.

export const GPT_IMAGE_MODEL = "T0302007";
export const GV_MODEL = "T0301004";
export const TTS_MODEL = "T0311001";
export const JOB_MODELS = [GPT_IMAGE_MODEL, GV_MODEL] as const;
export type JobModel = (typeof JOB_MODELS)[number];

const SWITCH = ["Enabled", "Disabled"] as const;
const PERSON = ["AllowAdult", "AllowAll"] as const;
const STORAGE = ["Temporary", "Permanent"] as const;
const REGION = ["Mainland", "Oversea"] as const;

export const JOB_LIMITS = {
  // T0302007 l.72 / T0301004 l.76: "去重识别码，最长50个字符。三天内使用相同值会返回错误"
  sessionIdMax: 50,
  sessionDedupeDays: 3,
  // l.73 / l.77: "透传用户信息，最长1000个字符"
  sessionContextMax: 1000,
  // l.74 / l.78: "任务优先级，范围 -10 到 10，默认值为 0"
  priorityMin: -10,
  priorityMax: 10,
} as const;

/** A public URL only: "文件的公网可访问 URL" (T0302007 l.84); GV's FileInfos are "文件URL" of the same job API. */
const publicUrl = z
  .string()
  .min(1)
  .refine(isHttpUrl, "must be a publicly reachable http(s) URL (base64 is not accepted)");

/** Rows both job tables share. */
const jobFields = {
  NegativePrompt: z.string().optional(),
  EnhancePrompt: z.enum(SWITCH).optional(),
  InputRegion: z.enum(REGION).optional(),
  // "Integer", no range given.
  Seed: z.number().int().optional(),
  SessionId: z.string().min(1).max(JOB_LIMITS.sessionIdMax).optional(),
  SessionContext: z.string().max(JOB_LIMITS.sessionContextMax).optional(),
  TasksPriority: z.number().int().min(JOB_LIMITS.priorityMin).max(JOB_LIMITS.priorityMax).optional(),
  ExtInfo: z.string().optional(),
};

// ---- GPT Image-2 (T0302007) ----

export const GPT_IMAGE = {
  // l.66: image2_low / image2_medium (default) / image2_high — the row says 是 (required)
  versions: ["image2_low", "image2_medium", "image2_high"],
  // l.93: 1K / 2K (default) / 4K
  resolutions: ["1K", "2K", "4K"],
  // l.94: 1:1 (default), 3:2, 2:3, 3:4, 4:3, 16:9, 9:16, 21:9, 9:21
  ratios: ["1:1", "3:2", "2:3", "3:4", "4:3", "16:9", "9:16", "21:9", "9:21"],
  // l.65 / l.79: "最多支持 3 张参考图"
  maxReferences: 3,
  defaults: { ModelVersion: "image2_medium", Resolution: "2K", AspectRatio: "1:1" },
} as const;

/** l.84: "图片大小不超过 10M，格式支持：jpeg、jpg、png". */
export const GPT_IMAGE_REFERENCE: MediaRules = { formats: ["jpeg", "jpg", "png"], maxBytes: 10 * MB };

// Not strict: the doc's own request example adds a "Text" to its FileInfos item (l.123).
const gptFileInfo = z.object({ Type: z.literal("Url"), Url: publicUrl });

export const gptImageBody = z
  .object({
    Prompt: z.string().optional(),
    FileInfos: z.array(gptFileInfo).max(GPT_IMAGE.maxReferences).optional(),
    ModelVersion: z.enum(GPT_IMAGE.versions),
    OutputConfig: z
      .object({
        StorageMode: z.enum(STORAGE).optional(),
        Resolution: z.enum(GPT_IMAGE.resolutions).optional(),
        AspectRatio: z.enum(GPT_IMAGE.ratios).optional(),
        PersonGeneration: z.enum(PERSON).optional(),
        InputComplianceCheck: z.enum(SWITCH).optional(),
        OutputComplianceCheck: z.enum(SWITCH).optional(),
      })
      .optional(),
    ...jobFields,
  })
  .superRefine((b, ctx) => {
    // l.64–65: Prompt "文生图必填", FileInfos "图生图必填".
    if (!b.FileInfos?.length && !b.Prompt?.trim())
      addIssue(
        ctx,
        "Prompt is required for text-to-image (image-to-image needs 1–3 FileInfos)",
        ["Prompt"],
        "MissingParameter",
      );
  });
export type GptImageBody = z.infer<typeof gptImageBody>;

// ---- GV 3.1 (T0301004) ----

export const GV = {
  // l.60
  usages: ["FirstFrame", "LastFrame", "Reference"],
  // The doc gives no count for FileInfos; Tencent's CreateAigcVideoTask (which this wraps) takes at most three.
  maxFiles: 3,
} as const;

/** l.59, l.61, l.62. */
export const GV_MEDIA: Record<"file" | "lastFrameFile" | "lastFrameUrl", MediaRules> = {
  file: { formats: ["jpeg", "jpg", "png"], maxBytes: 10 * MB },
  lastFrameFile: { formats: ["jpeg", "jpg", "png", "webp"], maxBytes: 10 * MB },
  lastFrameUrl: { formats: ["jpeg", "jpg", "png", "webp"], maxBytes: 5 * MB },
};

export const gvBody = z
  .object({
    Prompt: z.string().optional(),
    FileInfos: z
      .array(z.object({ Type: z.literal("Url"), Url: publicUrl, Usage: z.enum(GV.usages) }))
      .max(GV.maxFiles)
      .optional(),
    LastFrameFileId: z.string().min(1).optional(),
    LastFrameUrl: publicUrl.optional(),
    // "固定主体输入信息": no structure given.
    SubjectInfos: z.array(z.record(z.string(), z.unknown())).optional(),
    OutputConfig: z
      .object({
        StorageMode: z.enum(STORAGE).optional(),
        // l.68: "16:9、9:16、1:1等" — an open list: any W:H.
        AspectRatio: z
          .string()
          .regex(/^\d{1,2}:\d{1,2}$/, "must be a ratio such as 16:9, 9:16 or 1:1")
          .optional(),
        AudioGeneration: z.enum(SWITCH).optional(),
        PersonGeneration: z.enum(PERSON).optional(),
        InputComplianceCheck: z.enum(SWITCH).optional(),
        OutputComplianceCheck: z.enum(SWITCH).optional(),
      })
      .optional(),
    SceneType: z.string().optional(),
    ...jobFields,
  })
  .superRefine((b, ctx) => {
    const bad = (message: string, path: (string | number)[], code = "InvalidParameterValue") =>
      addIssue(ctx, message, path, code);
    const files = b.FileInfos ?? [];
    const n = (u: (typeof GV.usages)[number]) => files.filter((f) => f.Usage === u).length;
    // l.56: "文生视频必填。图生视频时若未传入参考文件且ExtInfo为空，也为必填"
    if (!files.length && !b.ExtInfo?.trim() && !b.Prompt?.trim())
      bad("Prompt is required when no FileInfos (and no ExtInfo) are given", ["Prompt"], "MissingParameter");
    if (n("FirstFrame") > 1) bad("at most one FileInfos item may have Usage FirstFrame", ["FileInfos"]);
    if (n("LastFrame") > 1) bad("at most one FileInfos item may have Usage LastFrame", ["FileInfos"]);
    // l.57: "支持首尾帧模式、参考图模式" — one or the other.
    if (n("Reference") && (n("FirstFrame") || n("LastFrame")))
      bad("first/last-frame mode and reference mode cannot be mixed in FileInfos", ["FileInfos"]);
    if (n("LastFrame") && !n("FirstFrame")) bad("a LastFrame needs a FirstFrame in FileInfos", ["FileInfos"]);
    if (b.LastFrameUrl && b.LastFrameFileId) bad("give LastFrameUrl or LastFrameFileId, not both", ["LastFrameUrl"]);
    // l.61–62: "须同时通过FileInfos指定首帧"
    const last = b.LastFrameUrl ? "LastFrameUrl" : b.LastFrameFileId ? "LastFrameFileId" : undefined;
    if (last && !n("FirstFrame")) bad(`${last} needs a first frame in FileInfos (Usage FirstFrame)`, [last]);
    if (last && n("LastFrame")) bad(`${last} and a FileInfos LastFrame both give the last frame`, [last]);
  });
export type GvBody = z.infer<typeof gvBody>;

// ---- MiniMax speech 2.8 HD (T0311001) ----

/** "支持的语言列表" (l.130–171), in its order — `hun`, not `hu`. */
export const TTS_LANGS = [
  "zh",
  "en",
  "ja",
  "de",
  "fr",
  "ko",
  "ru",
  "uk",
  "pt",
  "it",
  "es",
  "id",
  "nl",
  "tr",
  "fil",
  "ms",
  "el",
  "fi",
  "hr",
  "sk",
  "pl",
  "sv",
  "hi",
  "bg",
  "ro",
  "ar",
  "cs",
  "da",
  "ta",
  "hun",
  "vi",
  "no",
  "yue",
  "th",
  "he",
  "ca",
  "nn",
  "af",
  "fa",
  "sl",
] as const;

export const TTS = {
  // l.15 / l.54: "文本长度不超过2000字符"
  maxTextChars: 2000,
  // l.62: synExt.sampleRate "默认16000，支持8000/16000/22050/32000/44100"
  sampleRates: [8000, 16000, 22050, 32000, 44100],
  defaultSampleRate: 16000,
  // l.62: synExt.pitch "默认0（原音色），取值[-12, 12]"
  pitchMin: -12,
  pitchMax: 12,
  // l.55 / l.59: "不填默认中文（zh）"
  defaultLang: "zh",
  // l.70–71
  genders: ["male", "female", "unknown"],
  ages: ["child", "teenager", "youth", "middle_aged", "senior", "unknown"],
  // l.79
  outputTypes: ["data", "url"],
} as const;

/**
 * Voices a VoiceId may name besides cloned ones. The doc lists none: MiniMax's published system voice ids
 * (speech-2.8 T2A "系统音色"), plus the VoiceId of the doc's own example (l.107).
 */
export const TTS_SYSTEM_VOICES = [
  "male-qn-qingse",
  "male-qn-jingying",
  "male-qn-badao",
  "male-qn-daxuesheng",
  "female-shaonv",
  "female-yujie",
  "female-chengshu",
  "female-tianmei",
  "presenter_male",
  "presenter_female",
  "audiobook_male_1",
  "audiobook_male_2",
  "audiobook_female_1",
  "audiobook_female_2",
  "clever_boy",
  "cute_boy",
  "lovely_girl",
  "cartoon_pig",
  "Wise_Woman",
  "Friendly_Person",
  "Inspirational_girl",
  "Deep_Voice_Man",
  "Calm_Woman",
  "Casual_Guy",
  "Lively_Girl",
  "Patient_Man",
  "Young_Knight",
  "Determined_Man",
  "Lovely_Girl",
  "Decent_Boy",
  "Imposing_Manner",
  "Elegant_Man",
  "Abbess",
  "Sweet_Girl_2",
  "Exuberant_Girl",
  "s1_2GSzVAf00hl7+A+LJTNvVI6nFJB0qliIvR8wntPeaniVSstd7Z4E4UL8Hky3azMHVlDSps1zWW4nJ7ll9w==",
] as const;
/** What a call without VoiceId speaks with. */
export const TTS_DEFAULT_VOICE = "male-qn-qingse";

const textLength = (s: string) => [...s].length;

const ttsExt = z.object({
  synExt: z
    .object({
      duration: z.number().positive().optional(),
      sampleRate: z.literal(TTS.sampleRates).optional(),
      pitch: z.number().int().min(TTS.pitchMin).max(TTS.pitchMax).optional(),
    })
    .optional(),
  cloneExt: z
    .object({
      timeRanges: z
        .array(
          z
            .tuple([z.number().min(0), z.number().min(0)])
            .refine(([a, b]) => b > a, "each time range is [start, end] in seconds with end > start"),
        )
        .min(1)
        .optional(),
    })
    .optional(),
});
export type TtsExt = z.infer<typeof ttsExt>;

/**
 * ExtParam is a JSON *string* (l.62) naming `synExt.sampleRate` etc.: nested objects and dotted top-level keys
 * both read. Other keys pass: the doc's example sends {"engine": ""} (l.108).
 */
export function readExtParam(
  s: string,
): { ok: true; value: TtsExt } | { ok: false; message: string; path: (string | number)[]; code: string } {
  let json: unknown;
  try {
    json = JSON.parse(s);
  } catch {
    return { ok: false, message: "ExtParam must be a JSON string", path: [], code: "InvalidParameter" };
  }
  const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
  if (!isObj(json))
    return { ok: false, message: "ExtParam must be a JSON object string", path: [], code: "InvalidParameter" };
  const nested: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(json)) {
    const dot = k.indexOf(".");
    const head = dot < 0 ? k : k.slice(0, dot);
    const value = dot < 0 ? v : { [k.slice(dot + 1)]: v };
    nested[head] = isObj(value) && isObj(nested[head]) ? { ...nested[head], ...value } : value;
  }
  const r = ttsExt.safeParse(nested);
  if (r.success) return { ok: true, value: r.data };
  const i = r.error.issues[0];
  return {
    ok: false,
    message: `${i.path.join(".")}: ${i.message}`,
    path: i.path as (string | number)[],
    code: "InvalidParameterValue",
  };
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** The TTS body (l.52–79). l.206 UnknownParameter: "用户多传未定义的参数会导致错误" — strict. */
export const ttsBody = z
  .object({
    Text: z
      .string()
      .refine((s) => textLength(s) <= TTS.maxTextChars, `Text must be at most ${TTS.maxTextChars} characters`)
      .optional(),
    TextLang: z.enum(TTS_LANGS).optional(),
    VoiceId: z.string().min(1).optional(),
    AudioData: z
      .string()
      .min(1)
      .refine((s) => BASE64.test(s.replace(/\s+/g, "")), "AudioData must be base64 (no data: prefix)")
      .optional(),
    AudioUrl: publicUrl.optional(),
    AudioLang: z.enum(TTS_LANGS).optional(),
    VoiceProfile: z
      .object({
        Name: z.string().optional(),
        Description: z.string().optional(),
        Gender: z.enum(TTS.genders).optional(),
        Age: z.enum(TTS.ages).optional(),
        Labels: z.array(z.string()).optional(),
        Scenes: z.array(z.string()).optional(),
      })
      .optional(),
    Output: z.object({ Type: z.enum(TTS.outputTypes).optional() }).optional(),
    ExtParam: z.string().optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    // l.54: Text "语音合成时必填"; a clone (AudioData/AudioUrl) may come without text.
    if (!b.Text?.trim() && !b.AudioData && !b.AudioUrl)
      addIssue(
        ctx,
        "Text is required for speech synthesis (or give AudioData/AudioUrl to clone a voice)",
        ["Text"],
        "MissingParameter",
      );
    if (b.ExtParam !== undefined) {
      const p = readExtParam(b.ExtParam);
      if (!p.ok) addIssue(ctx, `ExtParam ${p.message}`, ["ExtParam", ...p.path], p.code);
    }
  });
export type TtsBody = z.infer<typeof ttsBody>;
