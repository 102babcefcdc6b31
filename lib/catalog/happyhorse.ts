import { z } from "zod";
import { HAPPYHORSE_AUDIO_SETTINGS, HAPPYHORSE_LIMITS as L, HAPPYHORSE_RATIOS, HAPPYHORSE_RESOLUTIONS } from "./limits";
import type { InputSpec, ModelEntry, PromptSpec } from "./types";

// HappyHorse 1.0 (DashScope family). Docs: shared/td-api/T04010{01..04}-*.md

const prompt = (required: boolean): PromptSpec => ({
  required,
  counting: "cjk-weighted",
  maxChinese: L.promptMaxChinese,
  maxOther: L.promptMaxOther,
  overLimit: "truncated",
});

const IMAGE_MIMES = ["image/jpeg", "image/png", "image/webp"];
const image = (role: InputSpec["role"], min: number, max: number, extra: InputSpec["limits"] = {}): InputSpec => ({
  role,
  kind: "image",
  min,
  max,
  transport: { inline: true },
  limits: { maxBytes: 20 * 1024 * 1024, mimes: IMAGE_MIMES, ...extra },
});

const resolution = z.enum(HAPPYHORSE_RESOLUTIONS).default("1080P").describe("Output resolution tier");
const ratio = z.enum(HAPPYHORSE_RATIOS).default("16:9").describe("Aspect ratio");
const duration = z.number().int().min(L.durationMin).max(L.durationMax).default(L.durationDefault).describe("Seconds");
// The API defaults watermark to true; the studio defaults it to false and says so in the UI.
const watermark = z
  .boolean()
  .default(false)
  .describe("Add the “Happy Horse” watermark (API default true; studio default false)");
const seed = z.number().int().min(0).max(L.seedMax).optional().describe("Random seed; omit for random");

export const happyHorseTextToVideoParams = z.object({ resolution, ratio, duration, watermark, seed });
export const happyHorseFirstFrameParams = z.object({ resolution, duration, watermark, seed });
export const happyHorseReferenceParams = z.object({ resolution, ratio, duration, watermark, seed });
export const happyHorseEditParams = z.object({
  resolution,
  watermark,
  seed,
  audioSetting: z
    .enum(HAPPYHORSE_AUDIO_SETTINGS)
    .default("auto")
    .describe("auto: the model decides; origin: keep the original audio"),
});

const frameLimits = { minWidth: 300, minHeight: 300, minRatio: 1 / 2.5, maxRatio: 2.5 };

export const happyHorse: ModelEntry[] = [
  {
    id: "T0401001",
    family: "dashscope",
    kind: "video",
    name: { zh: "云筑51 · HappyHorse 文生视频", en: "HappyHorse 1.0 · text to video" },
    vendorName: "HappyHorse 1.0",
    doc: "T0401001-yunzhu51-happyhorse-text-to-video.md",
    typicalSeconds: 75,
    taskLifetimeHours: 24,
    cancel: "never",
    modes: [{ mode: "text-to-video", prompt: prompt(true), inputs: [], params: happyHorseTextToVideoParams }],
  },
  {
    id: "T0401002",
    family: "dashscope",
    kind: "video",
    name: { zh: "云筑52 · HappyHorse 图生视频", en: "HappyHorse 1.0 · first frame to video" },
    vendorName: "HappyHorse 1.0",
    doc: "T0401002-yunzhu52-happyhorse-image-to-video.md",
    typicalSeconds: 75,
    taskLifetimeHours: 24,
    cancel: "never",
    modes: [
      {
        mode: "first-frame",
        prompt: prompt(false),
        inputs: [image("first_frame", 1, 1, frameLimits)],
        params: happyHorseFirstFrameParams,
      },
    ],
  },
  {
    id: "T0401003",
    family: "dashscope",
    kind: "video",
    name: { zh: "云筑53 · HappyHorse 参考生视频", en: "HappyHorse 1.0 · reference fusion" },
    vendorName: "HappyHorse 1.0",
    doc: "T0401003-yunzhu53-happyhorse-reference-to-video.md",
    typicalSeconds: 90,
    taskLifetimeHours: 24,
    cancel: "never",
    modes: [
      {
        mode: "reference",
        prompt: prompt(true),
        inputs: [image("reference_image", L.referenceImagesMin, L.referenceImagesMax, { minShortSide: 400 })],
        params: happyHorseReferenceParams,
      },
    ],
  },
  {
    id: "T0401004",
    family: "dashscope",
    kind: "video",
    name: { zh: "云筑54 · HappyHorse 视频编辑", en: "HappyHorse 1.0 · video edit" },
    vendorName: "HappyHorse 1.0",
    doc: "T0401004-yunzhu54-happyhorse-video-edit.md",
    typicalSeconds: 120,
    taskLifetimeHours: 24,
    cancel: "never",
    modes: [
      {
        mode: "video-edit",
        prompt: prompt(true),
        inputs: [
          {
            role: "video",
            kind: "video",
            min: 1,
            max: 1,
            transport: { inline: false },
            limits: {
              maxBytes: 100 * 1024 * 1024,
              mimes: ["video/mp4", "video/quicktime"],
              minSeconds: 3,
              maxSeconds: 60,
              maxLongSide: 2160,
              minShortSide: 320,
              minRatio: 1 / 2.5,
              maxRatio: 2.5,
              minFps: 8,
            },
          },
          image("reference_image", 0, L.editReferenceImagesMax, frameLimits),
        ],
        params: happyHorseEditParams,
      },
    ],
  },
];
