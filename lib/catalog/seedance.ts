import { z } from "zod";
import type { InputRole, InputSpec, ModeSpec, ModelEntry, PromptSpec } from "./types";
import { ARK_LIMITS, ARK_RATIOS, ARK_RESOLUTIONS } from "./limits";

// Seedance 2.0 fast (Ark family). Doc: shared/td-api/T0101007-yunzhu42-seedance-2.0-fast-and-assets.md

// "建议中文不超过500字，英文不超过1000词": a recommendation, so the studio only warns.
// 1000 English words are counted as about 6000 characters (the budget counts characters, not words).
const prompt = (required: boolean): PromptSpec => ({
  required,
  counting: "cjk-weighted",
  maxChinese: 500,
  maxOther: 6000,
  overLimit: "truncated",
});

const MB = 1024 * 1024;
// Images: the doc gives open intervals — width/height (300, 6000), ratio (0.4, 2.5), size < 30 MB.
// checkMedia lets a ratio pass within 1e-6 of its bounds, so the open ends sit just inside 0.4 and 2.5.
const OPEN_RATIO = 2e-6;
const imageLimits: InputSpec["limits"] = {
  maxBytes: 30 * MB - 1,
  mimes: ["image/jpeg", "image/png", "image/webp", "image/bmp", "image/tiff", "image/gif"],
  minWidth: 301,
  minHeight: 301,
  maxLongSide: 5999,
  minRatio: 0.4 + OPEN_RATIO,
  maxRatio: 2.5 - OPEN_RATIO,
};
// Videos: closed intervals — [2, 15] s, [300, 6000] px, ratio [0.4, 2.5], ≤ 50 MB, [24, 60] fps.
// "480p/720p only" is the pixel-count rule below (640×640 = 409600 to 834×1112 = 927408).
const videoLimits: InputSpec["limits"] = {
  maxBytes: 50 * MB,
  mimes: ["video/mp4", "video/quicktime"],
  minSeconds: ARK_LIMITS.minMediaSeconds,
  maxSeconds: ARK_LIMITS.maxMediaSeconds,
  minWidth: 300,
  minHeight: 300,
  maxLongSide: 6000,
  minRatio: 0.4,
  maxRatio: 2.5,
  // checkMedia asks for "above minFps"; 24 fps itself is allowed by the doc, 23.976 (NTSC film) is not.
  minFps: 23.999,
  maxFps: 60,
  minPixels: 409_600,
  maxPixels: 927_408,
};
const audioLimits: InputSpec["limits"] = {
  maxBytes: 15 * MB,
  mimes: ["audio/wav", "audio/x-wav", "audio/wave", "audio/mpeg", "audio/mp3"],
  minSeconds: ARK_LIMITS.minMediaSeconds,
  maxSeconds: ARK_LIMITS.maxMediaSeconds,
};

const image = (role: InputRole, min: number, max: number): InputSpec => ({
  role,
  kind: "image",
  min,
  max,
  transport: { inline: true, assetUri: true },
  limits: imageLimits,
});
const referenceVideo: InputSpec = {
  role: "reference_video",
  kind: "video",
  min: 0,
  max: ARK_LIMITS.maxVideos,
  transport: { inline: false, assetUri: true },
  limits: videoLimits,
};
const referenceAudio: InputSpec = {
  role: "reference_audio",
  kind: "audio",
  min: 0,
  max: ARK_LIMITS.maxAudios,
  transport: { inline: true, assetUri: true },
  limits: audioLimits,
};

export const seedanceParams = z.object({
  ratio: z
    .enum(ARK_RATIOS)
    .default("adaptive")
    .describe("Aspect ratio; adaptive picks it from the prompt, the first frame or the first reference"),
  resolution: z.enum(ARK_RESOLUTIONS).default("720p").describe("Output resolution tier"),
  duration: z
    .number()
    .int()
    .min(-1)
    .max(ARK_LIMITS.durationMax)
    .refine(
      (d) => d === -1 || d >= ARK_LIMITS.durationMin,
      "duration must be 4–15 seconds, or -1 to let the model choose",
    )
    .default(5)
    // -1 is the "model decides" value; a fixed duration starts at 4 (the refine above, which JSON Schema cannot carry).
    .meta({ auto: -1, autoMin: ARK_LIMITS.durationMin })
    .describe("Seconds, 4–15; -1 lets the model choose within 4–15"),
  seed: z
    .number()
    .int()
    .min(-1)
    .max(ARK_LIMITS.seedMax)
    .default(-1)
    .meta({ auto: -1, autoMin: 0 })
    .describe("Random seed, 0–4294967295; -1 = random"),
  watermark: z.boolean().default(false).describe("Add a watermark to the video"),
  generateAudio: z.boolean().default(true).describe("Generate sound synchronised with the picture (mono)"),
  returnLastFrame: z
    .boolean()
    .default(false)
    .describe("Also return the last frame as a PNG (no watermark), e.g. to chain videos"),
  // The doc shows web search with text-to-video only but does not restrict it: offered in every mode.
  webSearch: z.boolean().default(false).describe("Let the model search the web to make the video timely"),
});

function total(inputs: { role: InputRole; durationSeconds?: number }[], role: InputRole): number {
  return inputs.filter((i) => i.role === role).reduce((s, i) => s + (i.durationSeconds ?? 0), 0);
}

/** Cross-input rules of the multimodal-reference mode, each message naming the limit. */
export function checkMultimodal(inputs: { role: InputRole; durationSeconds?: number }[]): string | undefined {
  const has = (role: InputRole) => inputs.some((i) => i.role === role);
  if (!has("reference_image") && !has("reference_video")) {
    return has("reference_audio")
      ? "reference audio cannot be used alone: add at least one reference image or video"
      : "multimodal reference needs at least one reference image or video";
  }
  const max = ARK_LIMITS.maxTotalSeconds;
  const videos = total(inputs, "reference_video");
  if (videos > max) return `reference videos last ${videos.toFixed(1)} s together; the limit is ${max} s in total`;
  const audios = total(inputs, "reference_audio");
  if (audios > max) return `reference audios last ${audios.toFixed(1)} s together; the limit is ${max} s in total`;
  return undefined;
}

const modes: ModeSpec[] = [
  { mode: "text-to-video", prompt: prompt(true), inputs: [], params: seedanceParams },
  { mode: "first-frame", prompt: prompt(false), inputs: [image("first_frame", 1, 1)], params: seedanceParams },
  {
    mode: "first-last-frame",
    prompt: prompt(false),
    inputs: [image("first_frame", 1, 1), image("last_frame", 1, 1)],
    params: seedanceParams,
  },
  // The studio's "reference fusion": reference images only.
  {
    mode: "reference",
    prompt: prompt(false),
    inputs: [image("reference_image", 1, ARK_LIMITS.maxImages)],
    params: seedanceParams,
  },
  {
    mode: "multimodal-reference",
    prompt: prompt(false),
    inputs: [image("reference_image", 0, ARK_LIMITS.maxImages), referenceVideo, referenceAudio],
    params: seedanceParams,
    check: checkMultimodal,
  },
];

export const seedance: ModelEntry[] = [
  {
    id: "T0101007",
    family: "ark",
    kind: "video",
    name: { zh: "云筑42 · Seedance 2.0 fast", en: "Seedance 2.0 fast" },
    vendorName: "Doubao Seedance 2.0 fast",
    doc: "T0101007-yunzhu42-seedance-2.0-fast-and-assets.md",
    typicalSeconds: 90,
    // Task records are kept 7 days (video URLs 24 h).
    taskLifetimeHours: 24 * 7,
    cancel: "queued-only",
    modes,
  },
];
