import { z } from "zod";
import { TTS_AGES, TTS_GENDERS, TTS_OUTPUT_TYPES } from "@/lib/td/vod-tts";
import type { InputSpec, ModelEntry, PromptSpec } from "./types";
import { TTS_LANGS, TTS_LIMITS, TTS_SAMPLE_RATES, type TtsLang } from "./limits";

// 云音1 · MiniMax speech 2.8 HD (VOD family, synchronous). Doc: shared/td-api/T0311001-yunyin1-minimax-speech-2.8-hd-tts.md

const NAMES: Record<TtsLang, { zh: string; en: string }> = {
  zh: { zh: "中文", en: "Chinese" },
  en: { zh: "英语", en: "English" },
  ja: { zh: "日语", en: "Japanese" },
  de: { zh: "德语", en: "German" },
  fr: { zh: "法语", en: "French" },
  ko: { zh: "韩语", en: "Korean" },
  ru: { zh: "俄语", en: "Russian" },
  uk: { zh: "乌克兰语", en: "Ukrainian" },
  pt: { zh: "葡萄牙语", en: "Portuguese" },
  it: { zh: "意大利语", en: "Italian" },
  es: { zh: "西班牙语", en: "Spanish" },
  id: { zh: "印度尼西亚语", en: "Indonesian" },
  nl: { zh: "荷兰语", en: "Dutch" },
  tr: { zh: "土耳其语", en: "Turkish" },
  fil: { zh: "菲律宾语", en: "Filipino" },
  ms: { zh: "马来语", en: "Malay" },
  el: { zh: "希腊语", en: "Greek" },
  fi: { zh: "芬兰语", en: "Finnish" },
  hr: { zh: "克罗地亚语", en: "Croatian" },
  sk: { zh: "斯洛伐克语", en: "Slovak" },
  pl: { zh: "波兰语", en: "Polish" },
  sv: { zh: "瑞典语", en: "Swedish" },
  hi: { zh: "印地语", en: "Hindi" },
  bg: { zh: "保加利亚语", en: "Bulgarian" },
  ro: { zh: "罗马尼亚语", en: "Romanian" },
  ar: { zh: "阿拉伯语", en: "Arabic" },
  cs: { zh: "捷克语", en: "Czech" },
  da: { zh: "丹麦语", en: "Danish" },
  ta: { zh: "泰米尔语", en: "Tamil" },
  hun: { zh: "匈牙利语", en: "Hungarian" },
  vi: { zh: "越南语", en: "Vietnamese" },
  no: { zh: "挪威语", en: "Norwegian" },
  yue: { zh: "粤语", en: "Cantonese" },
  th: { zh: "泰语", en: "Thai" },
  he: { zh: "希伯来语", en: "Hebrew" },
  ca: { zh: "加泰罗尼亚语", en: "Catalan" },
  nn: { zh: "尼诺斯克语", en: "Norwegian Nynorsk" },
  af: { zh: "阿非利卡语", en: "Afrikaans" },
  fa: { zh: "波斯语", en: "Persian" },
  sl: { zh: "斯洛文尼亚语", en: "Slovenian" },
};

/** The 40 documented languages, in the doc's order, with display names for the UI. */
export const TTS_LANGUAGES: { code: TtsLang; zh: string; en: string }[] = TTS_LANGS.map((code) => ({
  code,
  ...NAMES[code],
}));

/**
 * System voices the studio offers (and the emulator accepts). The doc lists none: these are MiniMax's
 * public system voice ids plus the voice of the doc's own example — unverified against TD.
 */
export const MINIMAX_SYSTEM_VOICES: { id: string; zh: string; en: string; gender: (typeof TTS_GENDERS)[number] }[] = [
  { id: "male-qn-qingse", zh: "青涩青年", en: "Young man (fresh)", gender: "male" },
  { id: "male-qn-jingying", zh: "精英青年", en: "Young man (professional)", gender: "male" },
  { id: "female-shaonv", zh: "少女", en: "Young woman", gender: "female" },
  { id: "female-yujie", zh: "御姐", en: "Mature woman", gender: "female" },
  { id: "presenter_male", zh: "男性主持人", en: "Male presenter", gender: "male" },
  { id: "presenter_female", zh: "女性主持人", en: "Female presenter", gender: "female" },
  { id: "audiobook_male_1", zh: "男性有声书", en: "Audiobook narrator (male)", gender: "male" },
  { id: "audiobook_female_1", zh: "女性有声书", en: "Audiobook narrator (female)", gender: "female" },
  {
    id: "s1_2GSzVAf00hl7+A+LJTNvVI6nFJB0qliIvR8wntPeaniVSstd7Z4E4UL8Hky3azMHVlDSps1zWW4nJ7ll9w==",
    zh: "文档示例音色",
    en: "Doc example voice",
    gender: "unknown",
  },
];

const text = (required: boolean): PromptSpec => ({
  required,
  counting: "chars",
  maxChars: TTS_LIMITS.maxTextChars,
  overLimit: "rejected",
});

const cloneAudio: InputSpec = {
  role: "clone_audio",
  kind: "audio",
  min: 1,
  max: 1,
  // Sent inline as AudioData (or as AudioUrl when only a URL is at hand).
  transport: { inline: true },
  // Formats and size are not documented: MiniMax's mp3/m4a/wav, and ≤ 7 MB so that the base64 body stays
  // under Tencent Cloud API's 10 MB request cap (RequestSizeLimitExceeded in the doc's table).
  limits: {
    maxBytes: 7 * 1024 * 1024,
    mimes: ["audio/wav", "audio/x-wav", "audio/wave", "audio/mpeg", "audio/mp3", "audio/mp4", "audio/x-m4a"],
  },
};

const language = z.enum(TTS_LANGS).default("zh").describe("TextLang: the language of the text (API default zh)");
const synthesis = {
  sampleRate: z
    .literal(TTS_SAMPLE_RATES)
    .default(TTS_LIMITS.defaultSampleRate)
    .describe("synExt.sampleRate in Hz (API default 16000)"),
  pitch: z
    .number()
    .int()
    .min(TTS_LIMITS.pitchMin)
    .max(TTS_LIMITS.pitchMax)
    .default(0)
    .describe("synExt.pitch in semitones, −12..12 (0 = the voice's own)"),
  durationSeconds: z
    .number()
    .positive()
    .optional()
    .describe("synExt.duration: the length of the audio in seconds; omit for natural speed"),
  outputType: z.enum(TTS_OUTPUT_TYPES).default("data").describe("data: WAV inline (base64); url: a link valid 24 h"),
};

export const ttsSpeechParams = z.object({
  language,
  // Optional: TD picks its default voice when none is given.
  voiceId: z.string().min(1).optional().describe("A system voice id or a cloned VoiceId"),
  ...synthesis,
});

const timeRange = z
  .tuple([z.number().min(0), z.number().min(0)])
  .refine(([a, b]) => b > a, "each time range is [start, end] in seconds with end > start");

export const ttsCloneParams = z.object({
  language,
  cloneLanguage: z
    .enum(TTS_LANGS)
    .default("zh")
    .describe("AudioLang: the language spoken in the clone audio (API default zh)"),
  timeRanges: z
    .array(timeRange)
    .min(1)
    .default(TTS_LIMITS.defaultTimeRanges)
    .describe("cloneExt.timeRanges: which seconds of the audio to clone from (API default [[0, 20]])"),
  voiceName: z.string().optional().describe("VoiceProfile.Name"),
  voiceDescription: z.string().optional().describe("VoiceProfile.Description"),
  voiceGender: z.enum(TTS_GENDERS).optional().describe("VoiceProfile.Gender"),
  voiceAge: z.enum(TTS_AGES).optional().describe("VoiceProfile.Age"),
  voiceLabels: z.array(z.string().min(1)).optional().describe("VoiceProfile.Labels, e.g. 磁性"),
  voiceScenes: z.array(z.string().min(1)).optional().describe("VoiceProfile.Scenes, e.g. 解说"),
  ...synthesis,
});

export const minimaxTts: ModelEntry[] = [
  {
    id: "T0311001",
    family: "vod",
    kind: "speech",
    name: { zh: "云音1 · MiniMax speech 2.8 HD", en: "MiniMax speech 2.8 HD" },
    vendorName: "MiniMax speech-2.8-hd",
    doc: "T0311001-yunyin1-minimax-speech-2.8-hd-tts.md",
    // Synchronous: the answer carries the audio.
    typicalSeconds: 5,
    cancel: "never",
    modes: [
      { mode: "speech", prompt: text(true), inputs: [], params: ttsSpeechParams },
      // Without text the call only clones and returns the new VoiceId; with text it also speaks it.
      { mode: "voice-clone", prompt: text(false), inputs: [cloneAudio], params: ttsCloneParams },
    ],
  },
];
