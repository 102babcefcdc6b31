// Every documented limit of the ten models: counts, ranges, sizes and the values an enum accepts.
// The one home of these numbers (issue #10 §2): lib/catalog builds the forms and the validation from them, and
// lib/td's wire schemas import them from here. Plain data, importing nothing, so that lib/td may read it
// without depending on the domain. The emulator keeps its own copy (emulator/spec), written from the docs.

/** A 32-bit signed seed: HappyHorse, GV 3.1 and GPT Image-2 take 0..2147483647. */
export const SEED_MAX = 2_147_483_647;

// ---- HappyHorse 1.0 (T0401001..T0401004) ----
export const HAPPYHORSE_RESOLUTIONS = ["720P", "1080P"] as const;
export const HAPPYHORSE_RATIOS = ["16:9", "9:16", "1:1", "4:3", "3:4", "4:5", "5:4"] as const;
export const HAPPYHORSE_AUDIO_SETTINGS = ["auto", "origin"] as const;
export const HAPPYHORSE_LIMITS = {
  /** "≤ 2500 Chinese characters or 5000 other characters" (the prompt, truncated upstream past it). */
  promptMaxChinese: 2500,
  promptMaxOther: 5000,
  durationMin: 3,
  durationMax: 15,
  durationDefault: 5,
  seedMax: SEED_MAX,
  /** Reference fusion (T0401003): 1 to 9 images, `[Image 1]` … `[Image 9]` in the prompt. */
  referenceImagesMin: 1,
  referenceImagesMax: 9,
  /** Video edit (T0401004): up to 5 reference images beside the video. */
  editReferenceImagesMax: 5,
} as const;

// ---- Seedance 2.0 fast (T0101007, Ark family) ----
export const ARK_RATIOS = ["16:9", "4:3", "1:1", "3:4", "9:16", "21:9", "adaptive"] as const;
export const ARK_RESOLUTIONS = ["480p", "720p"] as const;

/** Output pixel sizes per resolution and ratio (the doc's table). */
export const ARK_OUTPUT_SIZES: Record<
  (typeof ARK_RESOLUTIONS)[number],
  Record<Exclude<(typeof ARK_RATIOS)[number], "adaptive">, [number, number]>
> = {
  "480p": {
    "16:9": [864, 496],
    "4:3": [752, 560],
    "1:1": [640, 640],
    "3:4": [560, 752],
    "9:16": [496, 864],
    "21:9": [992, 432],
  },
  "720p": {
    "16:9": [1280, 720],
    "4:3": [1112, 834],
    "1:1": [960, 960],
    "3:4": [834, 1112],
    "9:16": [720, 1280],
    "21:9": [1470, 630],
  },
};

/** Documented counts and durations of the multimodal-reference mode. */
export const ARK_LIMITS = {
  maxImages: 9,
  maxVideos: 3,
  maxAudios: 3,
  minMediaSeconds: 2,
  maxMediaSeconds: 15,
  /** Videos together, and audios together, last at most this long. */
  maxTotalSeconds: 15,
  durationMin: 4,
  durationMax: 15,
  seedMax: 2 ** 32 - 1,
  expiresAfterMin: 3600,
  expiresAfterMax: 259_200,
} as const;

// ---- GV 3.1 (T0301004) ----
/** The doc lists "16:9、9:16、1:1等" — an open list; these three are the ones it names. */
export const GV_RATIOS = ["16:9", "9:16", "1:1"] as const;

const MB = 1024 * 1024;
export const GV_LIMITS = {
  /** The doc gives no count; Tencent's CreateAigcVideoTask (which TD wraps) says "最多包含三张". */
  maxFiles: 3,
  maxFileBytes: 10 * MB,
  fileFormats: ["jpeg", "jpg", "png"],
  maxLastFrameUrlBytes: 5 * MB,
  lastFrameFormats: ["jpeg", "jpg", "png", "webp"],
} as const;

// ---- GPT Image-2 (T0302007) ----
export const GPT_IMAGE_QUALITIES = ["low", "medium", "high"] as const;
export const GPT_IMAGE_RESOLUTIONS = ["1K", "2K", "4K"] as const;
export const GPT_IMAGE_RATIOS = ["1:1", "3:2", "2:3", "3:4", "4:3", "16:9", "9:16", "21:9", "9:21"] as const;

export const GPT_IMAGE_LIMITS = {
  maxReferences: 3,
  /** "图片大小不超过 10M". */
  maxReferenceBytes: 10 * 1024 * 1024,
  referenceFormats: ["jpeg", "jpg", "png"],
} as const;

// ---- VOD job family (GPT Image-2, GV 3.1) ----
export const VOD_LIMITS = {
  sessionIdMax: 50,
  sessionContextMax: 1000,
  priorityMin: -10,
  priorityMax: 10,
  /** A SessionId reused within this many days is refused. */
  sessionDedupeDays: 3,
} as const;

// ---- MiniMax speech 2.8 HD (T0311001) ----
/** The doc's "支持的语言列表", in its order (note `hun`, not `hu`). Names: lib/catalog/minimax-tts.ts. */
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
export type TtsLang = (typeof TTS_LANGS)[number];

export const TTS_SAMPLE_RATES = [8000, 16000, 22050, 32000, 44100] as const;
export type TtsSampleRate = (typeof TTS_SAMPLE_RATES)[number];

/** Characters as the TTS doc counts them: code points (an emoji is one). */
export const textLength = (s: string) => [...s].length;

export const TTS_LIMITS = {
  /** "文本长度不超过2000字符": counted in characters (code points). */
  maxTextChars: 2000,
  pitchMin: -12,
  pitchMax: 12,
  defaultSampleRate: 16000,
  defaultLang: "zh",
  defaultTimeRanges: [[0, 20]] as [number, number][],
  /** AudioUrl answers live 24 h. */
  urlLifetimeHours: 24,
} as const;

// ---- Chat: GPT-5.4 (T0310001) and DeepSeek-v3.2 (T0106004) ----
export const GPT54_REASONING_EFFORTS = ["none", "minimal", "low", "medium", "high", "xhigh"] as const;
export const DEEPSEEK_REASONING_EFFORTS = ["minimal", "low", "medium", "high"] as const;
export const DEEPSEEK_THINKING_TYPES = ["enabled", "disabled", "auto"] as const;
export const IMAGE_DETAILS = ["low", "high", "xhigh"] as const;

/** DeepSeek-v3.2's documented numbers. */
export const DEEPSEEK_LIMITS = {
  contextTokens: 128_000,
  maxInputTokens: 96_000,
  /** max_tokens: the answer only (reasoning excluded); default 4k, at most 32k. */
  maxTokensDefault: 4096,
  maxTokensMax: 32_768,
  maxReasoningTokens: 32_768,
  /** max_completion_tokens: answer + reasoning, [0, 65536]. */
  maxCompletionTokensMax: 65_536,
  fpsMin: 0.2,
  fpsMax: 5,
  fpsDefault: 1,
  /** image_pixel_limit must lie in [196, 36,000,000] pixels. */
  pixelsMin: 196,
  pixelsMax: 36_000_000,
  temperatureDefault: 1,
  topPDefault: 0.7,
} as const;
