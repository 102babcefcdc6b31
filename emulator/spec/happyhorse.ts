import { z } from "zod";
import { MB, type MediaRules } from "./common";

// HappyHorse 1.0, DashScope-style video synthesis, as the docs describe it:
// shared/td-api/T0401001-yunzhu51-happyhorse-text-to-video.md (t2v), T0401002-… (first frame),
// T0401003-… (reference fusion), T0401004-… (video edit). Line numbers below are those files'.

export const HAPPYHORSE_MODELS = ["T0401001", "T0401002", "T0401003", "T0401004"] as const;
export type HappyHorseModel = (typeof HAPPYHORSE_MODELS)[number];

export const HAPPYHORSE = {
  // T0401001 l.57: "可选值：720P、1080P。默认值为 1080P"
  resolutions: ["720P", "1080P"],
  // T0401001 l.58 / T0401003 l.61: the seven ratios (t2v and r2v only; i2v and edit have no ratio row)
  ratios: ["16:9", "9:16", "1:1", "4:3", "3:4", "4:5", "5:4"],
  // l.59: "取值范围 [3, 15]，默认值为 5" (no duration row in the edit doc)
  durationMin: 3,
  durationMax: 15,
  durationDefault: 5,
  // l.61: "取值范围 [0, 2147483647]"
  seedMin: 0,
  seedMax: 2147483647,
  // T0401004 l.62: auto (default) / origin — edit only
  audioSettings: ["auto", "origin"],
  // T0401003 l.57: "参考图像数量限制为 1～9张"
  referenceMin: 1,
  referenceMax: 9,
  // T0401004 l.56: "必须包含1个 video 类型元素，可选包含 0~5个 reference_image 类型元素"
  editReferenceMax: 5,
  // l.55: "长度不超过2500个中文字符或5000个非中文字符，超出部分将自动截断"
  promptMaxChinese: 2500,
  promptMaxOther: 5000,
} as const;

const IMAGE_FORMATS = ["jpeg", "jpg", "png", "webp"] as const;

/** The documented media limits per model and media type (the emulator cannot fetch public URLs offline, so these are what it would apply). */
export const HAPPYHORSE_MEDIA: Record<
  "firstFrame" | "referenceImage" | "editVideo" | "editReferenceImage",
  MediaRules
> = {
  // T0401002 l.58: JPEG/JPG/PNG/WEBP, width and height ≥ 300, ratio 1:2.5–2.5:1, ≤ 20 MB
  firstFrame: { formats: IMAGE_FORMATS, maxBytes: 20 * MB, side: { min: 300 }, ratio: { min: 1 / 2.5, max: 2.5 } },
  // T0401003 l.58: short side ≥ 400, ≤ 20 MB
  referenceImage: { formats: IMAGE_FORMATS, maxBytes: 20 * MB, shortSide: { min: 400 } },
  // T0401004 l.58: MP4/MOV, 3–60 s, long side ≤ 2160, short side ≥ 320, ratio 1:2.5–2.5:1, ≤ 100 MB, > 8 fps
  editVideo: {
    formats: ["mp4", "mov"],
    maxBytes: 100 * MB,
    seconds: { min: 3, max: 60 },
    longSide: { max: 2160 },
    shortSide: { min: 320 },
    ratio: { min: 1 / 2.5, max: 2.5 },
    fps: { min: 8, openMin: true },
  },
  // T0401004 l.58: width and height ≥ 300, ratio 1:2.5–2.5:1, ≤ 20 MB
  editReferenceImage: {
    formats: IMAGE_FORMATS,
    maxBytes: 20 * MB,
    side: { min: 300 },
    ratio: { min: 1 / 2.5, max: 2.5 },
  },
};

const HAN = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/**
 * "不超过2500个中文字符或5000个非中文字符": one budget of 5000 where a Chinese character costs two.
 * Past it the service truncates (it does not refuse): true means the prompt would be cut.
 */
export function happyHorsePromptTruncated(prompt: string): boolean {
  let units = 0;
  for (const ch of prompt) units += HAN.test(ch) ? HAPPYHORSE.promptMaxOther / HAPPYHORSE.promptMaxChinese : 1;
  return units > HAPPYHORSE.promptMaxOther;
}

const media = z.object({
  // T0401002 l.57, T0401003 l.57, T0401004 l.57
  type: z.enum(["first_frame", "reference_image", "video"]),
  url: z.string().min(1),
});
export type HappyHorseMedia = z.infer<typeof media>;

/** The create body (all four models share the URL; `model` picks the rules). */
export const happyHorseCreateBody = z
  .object({
    model: z.enum(HAPPYHORSE_MODELS),
    input: z.object({ prompt: z.string().optional(), media: z.array(media).optional() }),
    parameters: z
      .object({
        resolution: z.enum(HAPPYHORSE.resolutions).optional(),
        ratio: z.enum(HAPPYHORSE.ratios).optional(),
        duration: z.number().int().min(HAPPYHORSE.durationMin).max(HAPPYHORSE.durationMax).optional(),
        watermark: z.boolean().optional(),
        seed: z.number().int().min(HAPPYHORSE.seedMin).max(HAPPYHORSE.seedMax).optional(),
        audio_setting: z.enum(HAPPYHORSE.audioSettings).optional(),
      })
      .optional(),
  })
  .superRefine((b, ctx) => {
    const items = b.input.media ?? [];
    const n = (t: HappyHorseMedia["type"]) => items.filter((m) => m.type === t).length;
    const bad = (message: string, path: (string | number)[]) => ctx.addIssue({ code: "custom", message, path });
    const p = b.parameters ?? {};
    const isEdit = b.model === "T0401004";
    // prompt: 是 for t2v, r2v and edit; 否 for first frame (T0401002 l.55).
    if (b.model !== "T0401002" && !b.input.prompt?.trim()) bad("input.prompt is required", ["input", "prompt"]);
    if (!isEdit && p.audio_setting) bad("audio_setting is only for video edit", ["parameters", "audio_setting"]);
    // The i2v and edit tables have no ratio row; the edit table has no duration row.
    if ((b.model === "T0401002" || isEdit) && p.ratio)
      bad(`ratio is not accepted for ${isEdit ? "video edit" : "image-to-video"}`, ["parameters", "ratio"]);
    if (isEdit && p.duration !== undefined) bad("duration is not accepted for video edit", ["parameters", "duration"]);
    if (b.model === "T0401001" && items.length) bad("T0401001 takes no media", ["input", "media"]);
    if (b.model === "T0401002" && (items.length !== 1 || n("first_frame") !== 1))
      bad("exactly one first_frame is required", ["input", "media"]);
    if (b.model === "T0401003") {
      const refs = n("reference_image");
      if (refs !== items.length || refs < HAPPYHORSE.referenceMin || refs > HAPPYHORSE.referenceMax) {
        bad(`${HAPPYHORSE.referenceMin} to ${HAPPYHORSE.referenceMax} reference_image items are required`, [
          "input",
          "media",
        ]);
      }
    }
    if (isEdit) {
      if (n("video") !== 1) bad("exactly one video is required", ["input", "media"]);
      if (n("reference_image") > HAPPYHORSE.editReferenceMax)
        bad(`at most ${HAPPYHORSE.editReferenceMax} reference_image items`, ["input", "media"]);
      if (n("first_frame")) bad("first_frame is not accepted for video edit", ["input", "media"]);
      // l.58: the video is "仅支持公网HTTP/HTTPS"; only reference images may be Base64.
      if (items.some((m) => m.type === "video" && m.url.startsWith("data:")))
        bad("the video must be a public URL", ["input", "media"]);
    }
  });
export type HappyHorseCreateBody = z.infer<typeof happyHorseCreateBody>;
