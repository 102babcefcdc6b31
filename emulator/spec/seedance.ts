import { z } from "zod";
import { addIssue, isHttpUrl, MB, type MediaRules } from "./common";

// Seedance 2.0 fast (T0101007), Volcengine-Ark-style content generation tasks, and its asset library, as
// shared/td-api/T0101007-yunzhu42-seedance-2.0-fast-and-assets.md describes them (line numbers are that file's).

export const SEEDANCE_MODEL = "T0101007";

export const SEEDANCE = {
  // l.316–332 (default adaptive)
  ratios: ["16:9", "4:3", "1:1", "3:4", "9:16", "21:9", "adaptive"],
  // l.306–312 (default 720p)
  resolutions: ["480p", "720p"],
  // l.361–367: an integer in [4, 15], or -1 (the model picks within [4, 15]); default 5
  durationMin: 4,
  durationMax: 15,
  durationAuto: -1,
  // l.373: [-1, 2^32-1]
  seedMin: -1,
  seedMax: 2 ** 32 - 1,
  // l.273: [3600, 259200], default 172800
  expiresAfterMin: 3600,
  expiresAfterMax: 259_200,
  expiresAfterDefault: 172_800,
  // l.302: "长度不超过64个字符"
  safetyIdentifierMax: 64,
  // l.259–267: default | flex (flex: "本模型不支持")
  serviceTiers: ["default", "flex"],
  // l.133: images "数量：1~9张"; l.186 / l.223: videos and audios "最多3个，总时长不超过15秒", each [2, 15] s
  maxImages: 9,
  maxVideos: 3,
  maxAudios: 3,
  mediaSecondsMin: 2,
  mediaSecondsMax: 15,
  totalSecondsMax: 15,
  // l.98: "建议中文不超过500字，英文不超过1000词" — a recommendation, not a refusal
  promptAdviceChinese: 500,
  promptAdviceEnglishWords: 1000,
  // l.396: task records kept 7 days
  recordDays: 7,
} as const;

/** The output sizes table (l.344–357). */
export const SEEDANCE_OUTPUT_SIZES: Record<
  "480p" | "720p",
  Record<"16:9" | "4:3" | "1:1" | "3:4" | "9:16" | "21:9", [number, number]>
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

/** Media rules (l.123–131 images, l.180–196 videos, l.219–225 audios). Open intervals where the doc writes "( , )". */
export const SEEDANCE_MEDIA: Record<"image" | "video" | "audio", MediaRules> = {
  image: {
    formats: ["jpeg", "jpg", "png", "webp", "bmp", "tiff", "gif"],
    maxBytes: 30 * MB,
    maxBytesExclusive: true,
    side: { min: 300, max: 6000, open: true },
    ratio: { min: 0.4, max: 2.5, open: true },
  },
  video: {
    formats: ["mp4", "mov"],
    maxBytes: 50 * MB,
    seconds: { min: 2, max: 15 },
    side: { min: 300, max: 6000 },
    ratio: { min: 0.4, max: 2.5 },
    pixels: { min: 409_600, max: 927_408 },
    fps: { min: 24, max: 60 },
  },
  audio: { formats: ["wav", "mp3"], maxBytes: 15 * MB, seconds: { min: 2, max: 15 } },
};

/** `asset://<ASSET_ID>` (l.121) → the id. */
export function assetIdOf(url: string): string | undefined {
  return /^asset:\/\/([^\s/]+)$/.exec(url)?.[1];
}

// l.119: "data:image/<图片格式>;base64,<Base64编码>，注意 <图片格式> 需小写". Audio base64 is allowed (l.217) without a spelled-out shape.
const DATA_IMAGE = /^data:image\/(jpeg|jpg|png|webp|bmp|tiff|gif);base64,[A-Za-z0-9+/=\r\n]+$/;
const DATA_AUDIO = /^data:audio\/(wav|x-wav|wave|mp3|mpeg);base64,[A-Za-z0-9+/=\r\n]+$/;

type Kind = "image" | "video" | "audio";

/** What is wrong with one media URL, as the doc's error table names it; undefined when fine. */
function urlProblem(kind: Kind, url: string): { code: string; message: string } | undefined {
  // Error table l.862–863: the two image URL errors have fixed messages.
  if (!url)
    return kind === "image"
      ? { code: "InvalidImageURL.EmptyURL", message: "Empty base64 image url" }
      : { code: "InvalidParameter", message: `${kind}_url.url must not be empty` };
  if (isHttpUrl(url) || assetIdOf(url)) return undefined;
  if (url.startsWith("data:")) {
    // l.178: a video is "视频URL或素材ID" — no base64.
    if (kind === "video")
      return {
        code: "InvalidParameter",
        message: "a video must be a URL or asset://ID (base64 is not accepted for videos)",
      };
    if (kind === "image")
      return DATA_IMAGE.test(url)
        ? undefined
        : { code: "InvalidImageURL.InvalidFormat", message: "Invalid base64 image url" };
    return DATA_AUDIO.test(url)
      ? undefined
      : { code: "InvalidParameter", message: "audio base64 must be data:audio/<wav|mp3>;base64,<data>" };
  }
  return {
    code: "InvalidParameter",
    message: `${kind}_url.url must be a URL, ${kind === "video" ? "" : "a base64 data URL, "}or asset://ID`,
  };
}

const text = z.object({ type: z.literal("text"), text: z.string() });
// l.136: role "条件必填" — may be left out for a single first frame (l.143).
const image = z.object({
  type: z.literal("image_url"),
  image_url: z.object({ url: z.string() }),
  role: z.enum(["first_frame", "last_frame", "reference_image"]).optional(),
});
// l.199 / l.228: one role each ("当前仅支持"); "条件必填", so a missing role reads as that one.
const video = z.object({
  type: z.literal("video_url"),
  video_url: z.object({ url: z.string() }),
  role: z.literal("reference_video").optional(),
});
const audio = z.object({
  type: z.literal("audio_url"),
  audio_url: z.object({ url: z.string() }),
  role: z.literal("reference_audio").optional(),
});
const item = z.discriminatedUnion("type", [text, image, video, audio]);
export type SeedanceContentItem = z.infer<typeof item>;

/** The create body. l.388: "此为强校验，参数错误会返回提示" — unknown top-level names are refused too. */
export const seedanceCreateBody = z
  .object({
    model: z.string().min(1),
    content: z.array(item),
    callback_url: z.url({ protocol: /^https?$/ }).optional(),
    return_last_frame: z.boolean().optional(),
    service_tier: z.enum(SEEDANCE.serviceTiers).optional(),
    execution_expires_after: z.number().int().min(SEEDANCE.expiresAfterMin).max(SEEDANCE.expiresAfterMax).optional(),
    generate_audio: z.boolean().optional(),
    tools: z.array(z.object({ type: z.literal("web_search") })).optional(),
    safety_identifier: z.string().max(SEEDANCE.safetyIdentifierMax).optional(),
    resolution: z.enum(SEEDANCE.resolutions).optional(),
    ratio: z.enum(SEEDANCE.ratios).optional(),
    duration: z
      .number()
      .int()
      .refine(
        (d) => d === SEEDANCE.durationAuto || (d >= SEEDANCE.durationMin && d <= SEEDANCE.durationMax),
        "duration must be an integer in [4, 15], or -1 to let the model choose",
      )
      .optional(),
    seed: z.number().int().min(SEEDANCE.seedMin).max(SEEDANCE.seedMax).optional(),
    watermark: z.boolean().optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    const bad = (message: string, path: (string | number)[], code = "InvalidParameter", status?: number) =>
      addIssue(ctx, message, path, code, status);
    if (b.model !== SEEDANCE_MODEL)
      bad(
        `The model or endpoint ${b.model} does not exist or you do not have access to it.`,
        ["model"],
        "InvalidEndpointOrModel.NotFound",
        404,
      );
    if (b.service_tier === "flex")
      bad("service_tier flex (offline inference) is not supported by this model", ["service_tier"]);

    const indexed = b.content.map((c, i) => ({ c, i }));
    const texts = indexed.filter((x) => x.c.type === "text");
    if (texts.length > 1) bad("content takes at most one text item", ["content"]);
    const prompt = texts[0]?.c.type === "text" ? texts[0].c.text : undefined;
    for (const { c, i } of indexed) {
      if (c.type === "text") continue;
      const kind: Kind = c.type === "image_url" ? "image" : c.type === "video_url" ? "video" : "audio";
      const url = c.type === "image_url" ? c.image_url.url : c.type === "video_url" ? c.video_url.url : c.audio_url.url;
      const p = urlProblem(kind, url);
      if (p) bad(p.message, ["content", i, c.type, "url"], p.code);
    }

    // l.139: first frame, first + last frame and multimodal reference are mutually exclusive.
    const images = indexed.flatMap((x) => (x.c.type === "image_url" ? [{ role: x.c.role, i: x.i }] : []));
    const frames = images.filter((x) => x.role !== "reference_image");
    const refs = images.length - frames.length;
    const videos = b.content.filter((c) => c.type === "video_url").length;
    const audios = b.content.filter((c) => c.type === "audio_url").length;
    if (frames.length) {
      if (refs || videos || audios)
        bad(
          "first/last frame images cannot be mixed with reference images, videos or audios (the scenarios are mutually exclusive)",
          ["content"],
        );
      if (frames.length === 1 && frames[0].role === "last_frame")
        bad("a last_frame needs a first_frame (first + last frame takes exactly two images)", [
          "content",
          frames[0].i,
          "role",
        ]);
      else if (
        frames.length === 2 &&
        !(frames.some((f) => f.role === "first_frame") && frames.some((f) => f.role === "last_frame"))
      ) {
        // l.148: "需要传入2个image_url对象，且role必填"
        bad("first + last frame needs exactly two images, one with role first_frame and one with role last_frame", [
          "content",
        ]);
      } else if (frames.length > 2)
        bad(`first + last frame takes exactly two images (got ${frames.length} frame images)`, ["content"]);
    } else if (refs || videos || audios) {
      if (refs > SEEDANCE.maxImages) bad(`at most ${SEEDANCE.maxImages} reference images (got ${refs})`, ["content"]);
      if (videos > SEEDANCE.maxVideos)
        bad(`at most ${SEEDANCE.maxVideos} reference videos (got ${videos})`, ["content"]);
      if (audios > SEEDANCE.maxAudios)
        bad(`at most ${SEEDANCE.maxAudios} reference audios (got ${audios})`, ["content"]);
      // l.205: "注意不可单独输入音频，应至少包含 1 个参考视频或图片"
      if (audios && !refs && !videos)
        bad("audio cannot be the only reference: add at least one reference image or video", ["content"]);
    } else if (!prompt?.trim()) {
      bad("content needs a text prompt when it carries no image, video or audio", ["content"], "MissingParameter");
    }
  });
export type SeedanceCreateBody = z.infer<typeof seedanceCreateBody>;

export const ASSET_TYPES = ["Image", "Video", "Audio"] as const;

/** CreateAsset (l.985–1071): URL only ("仅支持上传 URL ，不支持 base64"), Name ≤ 64 characters. */
export const assetCreateBody = z
  .object({
    GroupId: z.string().min(1),
    URL: z.string().min(1).refine(isHttpUrl, "URL must be a publicly reachable http(s) URL (base64 is not accepted)"),
    Name: z.string().max(64).optional(),
    AssetType: z.enum(ASSET_TYPES),
    ProjectName: z.string().min(1).optional(),
  })
  .strict();
export type AssetCreateBody = z.infer<typeof assetCreateBody>;
