import { z } from "zod";
import { compact, publicUrl, vodIssue, type VodTtsAnswer } from "./vod";
import {
  textLength,
  TTS_LANGS,
  TTS_LIMITS,
  TTS_SAMPLE_RATES,
  type TtsLang,
  type TtsSampleRate,
} from "@/lib/catalog/limits";

// 云音1 · MiniMax speech 2.8 HD (T0311001): synchronous TTS and voice cloning on the VOD job URL.
// Doc: shared/td-api/T0311001-yunyin1-minimax-speech-2.8-hd-tts.md

export const TTS_MODEL = "T0311001";

export const TTS_GENDERS = ["male", "female", "unknown"] as const;
export const TTS_AGES = ["child", "teenager", "youth", "middle_aged", "senior", "unknown"] as const;
export const TTS_OUTPUT_TYPES = ["data", "url"] as const;

const timeRange = z
  .tuple([z.number().min(0), z.number().min(0)])
  .refine(([a, b]) => b > a, "each time range is [start, end] in seconds with end > start");

/** ExtParam once parsed. Tolerant of other keys: the doc's own example sends {"engine": ""}. */
export const ttsExtParam = z.object({
  synExt: z
    .object({
      duration: z.number().positive().optional(),
      sampleRate: z.literal(TTS_SAMPLE_RATES).optional(),
      pitch: z.number().int().min(TTS_LIMITS.pitchMin).max(TTS_LIMITS.pitchMax).optional(),
    })
    .optional(),
  cloneExt: z.object({ timeRanges: z.array(timeRange).min(1).optional() }).optional(),
});
export type TtsExtParam = z.infer<typeof ttsExtParam>;

/**
 * ExtParam is a JSON *string*. The doc names its keys `synExt.sampleRate` etc.: read as nested objects
 * ({"synExt":{"sampleRate":…}}), which the builder sends; dotted top-level keys are accepted too.
 */
export function parseExtParam(
  s: string,
): { ok: true; value: TtsExtParam } | { ok: false; message: string; path: (string | number)[]; vodCode: string } {
  let json: unknown;
  try {
    json = JSON.parse(s);
  } catch {
    return { ok: false, message: "ExtParam must be a JSON string", path: [], vodCode: "InvalidParameter" };
  }
  if (!json || typeof json !== "object" || Array.isArray(json))
    return { ok: false, message: "ExtParam must be a JSON object string", path: [], vodCode: "InvalidParameter" };
  const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
  const nested: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(json)) {
    const dot = k.indexOf(".");
    const head = dot < 0 ? k : k.slice(0, dot);
    const value = dot < 0 ? v : { [k.slice(dot + 1)]: v };
    nested[head] = isObj(value) && isObj(nested[head]) ? { ...nested[head], ...value } : value;
  }
  const r = ttsExtParam.safeParse(nested);
  if (r.success) return { ok: true, value: r.data };
  const i = r.error.issues[0];
  return {
    ok: false,
    message: `${i.path.join(".")}: ${i.message}`,
    path: i.path as (string | number)[],
    vodCode: "InvalidParameterValue",
  };
}

export const ttsVoiceProfile = z.object({
  Name: z.string().optional(),
  Description: z.string().optional(),
  Gender: z.enum(TTS_GENDERS).optional(),
  Age: z.enum(TTS_AGES).optional(),
  Labels: z.array(z.string()).optional(),
  Scenes: z.array(z.string()).optional(),
});

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** The wire body with every documented rule. The emulator validates requests with this same schema. */
export const ttsBody = z
  .object({
    Text: z
      .string()
      .refine(
        (s) => textLength(s) <= TTS_LIMITS.maxTextChars,
        `Text must be at most ${TTS_LIMITS.maxTextChars} characters`,
      )
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
    VoiceProfile: ttsVoiceProfile.optional(),
    Output: z.object({ Type: z.enum(TTS_OUTPUT_TYPES).optional() }).optional(),
    ExtParam: z.string().optional(),
  })
  // The doc's error table: UnknownParameter — "用户多传未定义的参数会导致错误".
  .strict()
  .superRefine((b, ctx) => {
    if (!b.Text?.trim() && !b.AudioData && !b.AudioUrl) {
      vodIssue(
        ctx,
        "Text is required for speech synthesis (or give AudioData/AudioUrl to clone a voice)",
        ["Text"],
        "MissingParameter",
      );
    }
    if (b.ExtParam !== undefined) {
      const p = parseExtParam(b.ExtParam);
      if (!p.ok) vodIssue(ctx, `ExtParam ${p.message}`, ["ExtParam", ...p.path], p.vodCode);
    }
  });
export type TtsBody = z.infer<typeof ttsBody>;

export type TtsMode = "speech" | "voice-clone";

/** The studio's parameter names (lib/catalog/minimax-tts.ts). */
export interface TtsParams {
  language?: TtsLang;
  voiceId?: string;
  sampleRate?: TtsSampleRate;
  pitch?: number;
  durationSeconds?: number;
  outputType?: (typeof TTS_OUTPUT_TYPES)[number];
  cloneLanguage?: TtsLang;
  timeRanges?: [number, number][];
  voiceName?: string;
  voiceDescription?: string;
  voiceGender?: (typeof TTS_GENDERS)[number];
  voiceAge?: (typeof TTS_AGES)[number];
  voiceLabels?: string[];
  voiceScenes?: string[];
}

/**
 * Studio params → the documented body. `cloneAudio` (voice-clone only) is a data: URL, sent inline as
 * AudioData (bare base64), or a public URL, sent as AudioUrl. ExtParam is serialised as a JSON string.
 */
export function buildTtsBody(mode: TtsMode, text: string | undefined, params: TtsParams, cloneAudio?: string): TtsBody {
  const clone = mode === "voice-clone";
  if (clone && !cloneAudio) throw new Error("buildTtsBody: voice-clone needs the clone audio");
  const data = clone ? /^data:[^;,]+;base64,(.*)$/s.exec(cloneAudio!)?.[1] : undefined;
  const synExt = compact({ duration: params.durationSeconds, sampleRate: params.sampleRate, pitch: params.pitch });
  const cloneExt = clone && params.timeRanges ? { timeRanges: params.timeRanges } : undefined;
  const ext = compact({ synExt: Object.keys(synExt).length ? synExt : undefined, cloneExt });
  const profile = compact({
    Name: params.voiceName?.trim() || undefined,
    Description: params.voiceDescription?.trim() || undefined,
    Gender: params.voiceGender,
    Age: params.voiceAge,
    Labels: params.voiceLabels?.length ? params.voiceLabels : undefined,
    Scenes: params.voiceScenes?.length ? params.voiceScenes : undefined,
  });
  return compact({
    Text: text?.trim() ? text : undefined,
    TextLang: params.language,
    VoiceId: clone ? undefined : params.voiceId,
    AudioData: data,
    AudioUrl: clone && !data ? cloneAudio : undefined,
    AudioLang: clone ? params.cloneLanguage : undefined,
    VoiceProfile: clone && Object.keys(profile).length ? profile : undefined,
    Output: params.outputType ? { Type: params.outputType } : undefined,
    ExtParam: Object.keys(ext).length ? JSON.stringify(ext) : undefined,
  });
}

export interface TtsResult {
  /** The voice used — for a clone, the new VoiceId to keep and reuse. */
  voiceId?: string;
  audio?: { data?: Buffer; url?: string; expiresAt?: Date; mime: "audio/wav"; durationSeconds?: number };
}

/** A TTS answer in the studio's terms: WAV bytes or a 24 h URL, its duration from ExtInfo, the voice id. */
export function parseTtsAnswer(a: VodTtsAnswer, now = Date.now()): TtsResult {
  let durationSeconds: number | undefined;
  try {
    const d = Number((JSON.parse(a.ExtInfo ?? "{}") as { duration?: unknown }).duration);
    durationSeconds = Number.isFinite(d) && d > 0 ? d : undefined;
  } catch {
    /* ExtInfo is informative only */
  }
  const audio = a.AudioData
    ? { data: Buffer.from(a.AudioData, "base64"), mime: "audio/wav" as const, durationSeconds }
    : a.AudioUrl
      ? {
          url: a.AudioUrl,
          expiresAt: new Date(now + TTS_LIMITS.urlLifetimeHours * 3600_000),
          mime: "audio/wav" as const,
          durationSeconds,
        }
      : undefined;
  return { voiceId: a.VoiceId || undefined, audio };
}
