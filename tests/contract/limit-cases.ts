import sharp from "sharp";
import { getModeSpec, type InputRole, type InputSpec, type Mode } from "@/lib/catalog";
import { MINIMAX_SYSTEM_VOICES, TTS_LANGUAGES } from "@/lib/catalog/minimax-tts";
import { checkInputCounts, checkMedia, checkPromptFor, parseParams, type MediaFacts } from "@/lib/catalog/validate";
import { arkCreateBody, buildArkBody, type ArkMode, type ArkRole } from "@/lib/td/ark";
import { buildChatBody, type StudioChatMessage } from "@/lib/catalog/chat-models";
import { buildDashScopeBody, type DashScopeMedia, type DashScopeModel } from "@/lib/td/dashscope";
import { buildGptImageBody, gptImageBody } from "@/lib/td/vod-image";
import { buildGvBody } from "@/lib/td/vod-video";
import { buildTtsBody } from "@/lib/td/vod-tts";
import { mediaProblem, type MediaFacts as EmuFacts, type MediaRules } from "@/emulator/spec/common";
import { HAPPYHORSE_MEDIA } from "@/emulator/spec/happyhorse";
import { SEEDANCE_MEDIA } from "@/emulator/spec/seedance";
import { GPT_IMAGE_REFERENCE, GV_MEDIA } from "@/emulator/spec/vod";
import { wavBytes } from "../helpers/wav";

// Each documented limit, with values just inside and just outside, as the studio sees them (catalog + lib/td
// builders) and as the wire carries them to the emulator. Line numbers are those of shared/td-api/<doc>.

export interface Call {
  path: string;
  body: unknown;
  action?: string;
}

export interface LimitCase {
  limit: string;
  /** file:line in shared/td-api/ */
  doc: string;
  inside: unknown[];
  outside: unknown[];
  /** Does the studio's validation accept the value? */
  studio: (v: unknown) => boolean | Promise<boolean>;
  /** The request carrying the value, sent to the emulator over HTTP… */
  call?: (v: unknown) => Call | Promise<Call>;
  /** …or, for files the emulator cannot see (public URLs, offline), the emulator's own rule for them. */
  rule?: (v: unknown) => boolean;
}

const DASH = "/model/openai/api/v3/video-generation/video-synthesis";
const ARK = "/model/openai/api/v3/contents/generations/tasks";
const JOB = "/model/orgin/job";
const CHAT = "/model/openai/api/v3/chat/completions";

const HH = (n: string) =>
  `T040100${n}-yunzhu5${n}-happyhorse-${{ 1: "text-to-video", 2: "image-to-video", 3: "reference-to-video", 4: "video-edit" }[n]}.md`;
const SD = "T0101007-yunzhu42-seedance-2.0-fast-and-assets.md";
const GPT = "T0302007-yunhui17-gpt-image-2.md";
const GV = "T0301004-yunzhu38-gv-3.1-video.md";
const TTS = "T0311001-yunyin1-minimax-speech-2.8-hd-tts.md";
const DS = "T0106004-yunlian9-deepseek-v3.2-chat.md";
const G54 = "T0310001-yunling11-gpt-5.4-chat.md";

// Unreachable at once (connection refused): the emulator lets unreachable URLs through, as it does the docs' own.
const IMG = "http://127.0.0.1:9/image.png";
const VID = "http://127.0.0.1:9/video.mp4";
const AUD = "http://127.0.0.1:9/audio.mp3";

const spec = (model: string, mode: Mode) => {
  const s = getModeSpec(model, mode);
  if (!s) throw new Error(`no catalog mode ${model} ${mode}`);
  return s;
};
const paramsOk = (model: string, mode: Mode, params: Record<string, unknown>) =>
  parseParams(spec(model, mode), params).ok;
const countsOk = (model: string, mode: Mode, roles: InputRole[]) => {
  const s = spec(model, mode);
  return checkInputCounts(s, roles).length === 0 && !s.check?.(roles.map((role) => ({ role })));
};
const roleSpec = (model: string, mode: Mode, role: InputRole): InputSpec =>
  spec(model, mode).inputs.find((i) => i.role === role)!;
const mediaOk = (model: string, mode: Mode, role: InputRole, f: MediaFacts) =>
  checkMedia(roleSpec(model, mode, role), f).length === 0;
const ruleOk = (rules: MediaRules) => (v: unknown) => !mediaProblem(rules, v as EmuFacts);
/** Emulator facts (format names) → studio facts (mime types). */
const MIME: Record<string, string> = {
  png: "image/png",
  jpeg: "image/jpeg",
  webp: "image/webp",
  mp4: "video/mp4",
  mov: "video/quicktime",
  wav: "audio/wav",
  mp3: "audio/mpeg",
};
const studioFacts = (f: EmuFacts): MediaFacts => ({
  mime: f.format ? MIME[f.format] : undefined,
  size: f.bytes,
  width: f.width,
  height: f.height,
  durationSeconds: f.seconds,
  fps: f.fps,
});
const MB = 1024 * 1024;

// ---- HappyHorse ----

const HH_MEDIA: Record<DashScopeModel, DashScopeMedia[]> = {
  T0401001: [],
  T0401002: [{ type: "first_frame", url: IMG }],
  T0401003: [{ type: "reference_image", url: IMG }],
  T0401004: [{ type: "video", url: VID }],
};
const HH_MODE: Record<DashScopeModel, Mode> = {
  T0401001: "text-to-video",
  T0401002: "first-frame",
  T0401003: "reference",
  T0401004: "video-edit",
};

function hhParam(
  model: DashScopeModel,
  name: string,
  limit: string,
  doc: string,
  inside: unknown[],
  outside: unknown[],
): LimitCase {
  return {
    limit: `HappyHorse ${model} ${limit}`,
    doc,
    inside,
    outside,
    studio: (v) => paramsOk(model, HH_MODE[model], { [name]: v }),
    call: (v) => ({
      path: DASH,
      body: buildDashScopeBody(model, "一只猫在草地上奔跑", { [name]: v } as never, HH_MEDIA[model]),
    }),
  };
}

function hhMedia(
  model: DashScopeModel,
  role: "first_frame" | "reference_image" | "video",
  limit: string,
  doc: string,
  inside: number[],
  outside: number[],
  base: DashScopeMedia[] = [],
): LimitCase {
  const roles = (n: number) => [
    ...base.map((m) => (m.type === "video" ? "video" : m.type) as InputRole),
    ...Array<InputRole>(n).fill(role),
  ];
  return {
    limit: `HappyHorse ${model} ${limit}`,
    doc,
    inside,
    outside,
    studio: (n) => countsOk(model, HH_MODE[model], roles(n as number)),
    call: (n) => ({
      path: DASH,
      body: buildDashScopeBody(model, "[Image 1] 一只猫", {}, [
        ...base,
        ...Array.from({ length: n as number }, () => ({ type: role, url: role === "video" ? VID : IMG })),
      ]),
    }),
  };
}

const hhRule = (
  model: DashScopeModel,
  role: InputRole,
  rules: MediaRules,
  limit: string,
  doc: string,
  inside: EmuFacts[],
  outside: EmuFacts[],
): LimitCase => ({
  limit: `HappyHorse ${model} ${limit}`,
  doc,
  inside,
  outside,
  studio: (f) => mediaOk(model, HH_MODE[model], role, studioFacts(f as EmuFacts)),
  rule: ruleOk(rules),
});

const happyHorse: LimitCase[] = [
  hhParam("T0401001", "duration", "duration [3, 15]", `${HH("1")}:59`, [3, 15], [2, 16, 5.5]),
  hhParam("T0401002", "duration", "duration [3, 15]", `${HH("2")}:61`, [3, 15], [2, 16]),
  hhParam("T0401003", "duration", "duration [3, 15]", `${HH("3")}:62`, [3, 15], [2, 16]),
  hhParam("T0401001", "seed", "seed [0, 2147483647]", `${HH("1")}:61`, [0, 2147483647], [-1, 2147483648]),
  hhParam("T0401004", "seed", "seed [0, 2147483647]", `${HH("4")}:63`, [0, 2147483647], [-1, 2147483648]),
  hhParam("T0401001", "resolution", "resolution 720P/1080P", `${HH("1")}:57`, ["720P", "1080P"], ["480P", "1080p"]),
  hhParam("T0401004", "resolution", "resolution 720P/1080P", `${HH("4")}:60`, ["720P", "1080P"], ["2160P"]),
  hhParam(
    "T0401001",
    "ratio",
    "ratio (seven values)",
    `${HH("1")}:58`,
    ["16:9", "9:16", "1:1", "4:3", "3:4", "4:5", "5:4"],
    ["21:9", "2:1"],
  ),
  hhParam(
    "T0401003",
    "ratio",
    "ratio (seven values)",
    `${HH("3")}:61`,
    ["16:9", "9:16", "1:1", "4:3", "3:4", "4:5", "5:4"],
    ["21:9"],
  ),
  hhParam("T0401004", "audioSetting", "audio_setting auto/origin", `${HH("4")}:62`, ["auto", "origin"], ["mute"]),
  {
    limit: "HappyHorse T0401002 takes no ratio",
    doc: `${HH("2")}:59`,
    inside: [undefined],
    outside: ["16:9"],
    studio: (v) => paramsOk("T0401002", "first-frame", v === undefined ? {} : { ratio: v }),
    call: (v) => ({
      path: DASH,
      body: { model: "T0401002", input: { media: HH_MEDIA.T0401002 }, parameters: v === undefined ? {} : { ratio: v } },
    }),
  },
  {
    limit: "HappyHorse T0401004 takes no duration",
    doc: `${HH("4")}:59`,
    inside: [undefined],
    outside: [5],
    studio: (v) => paramsOk("T0401004", "video-edit", v === undefined ? {} : { duration: v }),
    call: (v) => ({
      path: DASH,
      body: {
        model: "T0401004",
        input: { prompt: "x", media: HH_MEDIA.T0401004 },
        parameters: v === undefined ? {} : { duration: v },
      },
    }),
  },
  {
    limit: "HappyHorse prompt required (t2v, r2v, edit), optional (first frame)",
    doc: `${HH("1")}:55`,
    inside: ["T0401001:x", "T0401002:", "T0401003:x", "T0401004:x"],
    outside: ["T0401001:", "T0401003:", "T0401004:"],
    studio: (v) => {
      const [model, prompt] = (v as string).split(":") as [DashScopeModel, string];
      return !checkPromptFor(spec(model, HH_MODE[model]), prompt);
    },
    call: (v) => {
      const [model, prompt] = (v as string).split(":") as [DashScopeModel, string];
      return {
        path: DASH,
        body: buildDashScopeBody(model, prompt, {}, model === "T0401003" ? HH_MEDIA.T0401003 : HH_MEDIA[model]),
      };
    },
  },
  hhMedia("T0401002", "first_frame", "exactly 1 first_frame", `${HH("2")}:56`, [1], [0, 2]),
  hhMedia("T0401003", "reference_image", "reference_image 1–9", `${HH("3")}:57`, [1, 9], [0, 10]),
  hhMedia("T0401004", "video", "exactly 1 video", `${HH("4")}:56`, [1], [0, 2]),
  hhMedia(
    "T0401004",
    "reference_image",
    "reference_image 0–5 beside the video",
    `${HH("4")}:56`,
    [0, 5],
    [6],
    HH_MEDIA.T0401004,
  ),
  hhRule(
    "T0401002",
    "first_frame",
    HAPPYHORSE_MEDIA.firstFrame,
    "first frame ≥ 300 px, ratio 1:2.5–2.5:1, ≤ 20 MB, JPEG/PNG/WEBP",
    `${HH("2")}:58`,
    [
      { format: "png", width: 300, height: 300 },
      { format: "jpeg", width: 300, height: 750 },
      { format: "webp", width: 750, height: 300, bytes: 20 * MB },
    ],
    [
      { format: "png", width: 299, height: 400 },
      { format: "png", width: 300, height: 751 },
      { format: "png", width: 400, height: 400, bytes: 20 * MB + 1 },
      { format: "mp4" },
    ],
  ),
  hhRule(
    "T0401003",
    "reference_image",
    HAPPYHORSE_MEDIA.referenceImage,
    "reference short side ≥ 400, ≤ 20 MB",
    `${HH("3")}:58`,
    [
      { format: "png", width: 400, height: 2000 },
      { format: "jpeg", width: 400, height: 400, bytes: 20 * MB },
    ],
    [
      { format: "png", width: 399, height: 2000 },
      { format: "png", width: 400, height: 400, bytes: 20 * MB + 1 },
    ],
  ),
  hhRule(
    "T0401004",
    "video",
    HAPPYHORSE_MEDIA.editVideo,
    "edit video MP4/MOV, 3–60 s, long ≤ 2160, short ≥ 320, ratio 1:2.5–2.5:1, ≤ 100 MB, > 8 fps",
    `${HH("4")}:58`,
    [
      { format: "mp4", seconds: 3, width: 2160, height: 1215, fps: 24, bytes: 100 * MB },
      { format: "mov", seconds: 60, width: 320, height: 800, fps: 8.5 },
    ],
    [
      { format: "mp4", seconds: 2.9 },
      { format: "mp4", seconds: 60.1 },
      { format: "mp4", width: 2161, height: 1216 },
      { format: "mp4", width: 319, height: 600 },
      { format: "mp4", fps: 8 },
      { format: "mp4", bytes: 100 * MB + 1 },
      { format: "mp4", width: 320, height: 801 },
    ],
  ),
  hhRule(
    "T0401004",
    "reference_image",
    HAPPYHORSE_MEDIA.editReferenceImage,
    "edit reference ≥ 300 px, ratio 1:2.5–2.5:1",
    `${HH("4")}:58`,
    [
      { format: "png", width: 300, height: 300 },
      { format: "png", width: 750, height: 300 },
    ],
    [
      { format: "png", width: 299, height: 300 },
      { format: "png", width: 751, height: 300 },
    ],
  ),
];

// ---- Seedance ----

const SD_URL: Record<ArkRole, string> = {
  first_frame: IMG,
  last_frame: IMG,
  reference_image: IMG,
  reference_video: VID,
  reference_audio: AUD,
};

const sdParam = (name: string, limit: string, doc: string, inside: unknown[], outside: unknown[]): LimitCase => ({
  limit: `Seedance ${limit}`,
  doc,
  inside,
  outside,
  studio: (v) => paramsOk("T0101007", "text-to-video", { [name]: v }),
  call: (v) => ({ path: ARK, body: buildArkBody("text-to-video", "一只猫在草地上奔跑", { [name]: v } as never) }),
});

const sdExtra = (
  name: "executionExpiresAfter" | "safetyIdentifier",
  limit: string,
  doc: string,
  inside: unknown[],
  outside: unknown[],
): LimitCase => {
  const body = (v: unknown) => buildArkBody("text-to-video", "一只猫", {}, [], { [name]: v });
  return {
    limit: `Seedance ${limit}`,
    doc,
    inside,
    outside,
    studio: (v) => arkCreateBody.safeParse(body(v)).success,
    call: (v) => ({ path: ARK, body: body(v) }),
  };
};

const sdCounts = (
  mode: ArkMode & Mode,
  limit: string,
  doc: string,
  inside: ArkRole[][],
  outside: ArkRole[][],
): LimitCase => ({
  limit: `Seedance ${mode} ${limit}`,
  doc,
  inside,
  outside,
  studio: (roles) => countsOk("T0101007", mode, roles as InputRole[]),
  call: (roles) => ({
    path: ARK,
    body: buildArkBody(
      mode,
      "一只猫",
      {},
      (roles as ArkRole[]).map((role) => ({ role, url: SD_URL[role] })),
    ),
  }),
});

const pngs = new Map<string, Buffer>();
async function png(width: number, height: number): Promise<Buffer> {
  const key = `${width}x${height}`;
  if (!pngs.has(key))
    pngs.set(
      key,
      await sharp({ create: { width, height, channels: 3, background: "#3366aa" } })
        .png({ compressionLevel: 9 })
        .toBuffer(),
    );
  return pngs.get(key)!;
}

const sdInline = (limit: string, doc: string, inside: [number, number][], outside: [number, number][]): LimitCase => ({
  limit: `Seedance inline image ${limit}`,
  doc,
  inside,
  outside,
  studio: async (v) => {
    const [width, height] = v as [number, number];
    return mediaOk("T0101007", "reference", "reference_image", {
      mime: "image/png",
      size: (await png(width, height)).length,
      width,
      height,
    });
  },
  call: async (v) => {
    const [w, h] = v as [number, number];
    const url = `data:image/png;base64,${(await png(w, h)).toString("base64")}`;
    return { path: ARK, body: buildArkBody("reference", "[图1] 一只猫", {}, [{ role: "reference_image", url }]) };
  },
});

const sdRule = (
  role: InputRole,
  rules: MediaRules,
  limit: string,
  doc: string,
  inside: EmuFacts[],
  outside: EmuFacts[],
): LimitCase => ({
  limit: `Seedance ${limit}`,
  doc,
  inside,
  outside,
  studio: (f) => mediaOk("T0101007", "multimodal-reference", role, studioFacts(f as EmuFacts)),
  rule: ruleOk(rules),
});

const seedance: LimitCase[] = [
  sdParam("duration", "duration [4, 15] or -1", `${SD}:365`, [4, 15, -1], [3, 16, 0, -2]),
  sdParam("seed", "seed [-1, 2^32-1]", `${SD}:373`, [-1, 0, 2 ** 32 - 1], [-2, 2 ** 32]),
  sdParam(
    "ratio",
    "ratio (six + adaptive)",
    `${SD}:316`,
    ["16:9", "4:3", "1:1", "3:4", "9:16", "21:9", "adaptive"],
    ["9:21", "2:1"],
  ),
  sdParam("resolution", "resolution 480p/720p", `${SD}:306`, ["480p", "720p"], ["1080p", "720P"]),
  sdExtra(
    "executionExpiresAfter",
    "execution_expires_after [3600, 259200]",
    `${SD}:273`,
    [3600, 259_200],
    [3599, 259_201],
  ),
  sdExtra("safetyIdentifier", "safety_identifier ≤ 64 characters", `${SD}:302`, ["u".repeat(64)], ["u".repeat(65)]),
  sdCounts(
    "reference",
    "reference images ≤ 9",
    `${SD}:133`,
    [["reference_image"], Array(9).fill("reference_image")],
    [Array(10).fill("reference_image")],
  ),
  sdCounts(
    "multimodal-reference",
    "reference videos ≤ 3",
    `${SD}:186`,
    [["reference_image", "reference_video", "reference_video", "reference_video"]],
    [["reference_image", "reference_video", "reference_video", "reference_video", "reference_video"]],
  ),
  sdCounts(
    "multimodal-reference",
    "reference audios ≤ 3, never alone",
    `${SD}:205`,
    [
      ["reference_video", "reference_audio", "reference_audio", "reference_audio"],
      ["reference_image", "reference_audio"],
    ],
    [
      ["reference_image", "reference_audio", "reference_audio", "reference_audio", "reference_audio"],
      ["reference_audio"],
    ],
  ),
  sdCounts(
    "first-last-frame",
    "first + last frame: both",
    `${SD}:148`,
    [["first_frame", "last_frame"]],
    [["last_frame"]],
  ),
  sdInline(
    "ratio (0.4, 2.5), open",
    `${SD}:127`,
    [
      [402, 1000],
      [1000, 402],
    ],
    [
      [400, 1000],
      [1000, 400],
    ],
  ),
  sdInline(
    "width and height (300, 6000), open",
    `${SD}:129`,
    [
      [301, 301],
      [5999, 3000],
    ],
    [
      [300, 300],
      [6000, 3000],
    ],
  ),
  sdRule(
    "reference_image",
    SEEDANCE_MEDIA.image,
    "image < 30 MB, jpeg/png/webp/bmp/tiff/gif",
    `${SD}:131`,
    [{ format: "png", bytes: 30 * MB - 1 }],
    [{ format: "png", bytes: 30 * MB }, { format: "mp4" }],
  ),
  sdRule(
    "reference_video",
    SEEDANCE_MEDIA.video,
    "video [2, 15] s, ≤ 50 MB",
    `${SD}:186`,
    [
      { format: "mp4", seconds: 2 },
      { format: "mov", seconds: 15, bytes: 50 * MB },
    ],
    [
      { format: "mp4", seconds: 1.9 },
      { format: "mp4", seconds: 15.1 },
      { format: "mp4", bytes: 50 * MB + 1 },
    ],
  ),
  sdRule(
    "reference_video",
    SEEDANCE_MEDIA.video,
    "video pixels [409600, 927408], sides [300, 6000], ratio [0.4, 2.5]",
    `${SD}:188`,
    [
      { format: "mp4", width: 640, height: 640 },
      { format: "mp4", width: 834, height: 1112 },
      { format: "mp4", width: 1280, height: 720 },
    ],
    [
      { format: "mp4", width: 639, height: 640 },
      { format: "mp4", width: 835, height: 1112 },
    ],
  ),
  sdRule(
    "reference_video",
    SEEDANCE_MEDIA.video,
    "video fps [24, 60]",
    `${SD}:196`,
    [
      { format: "mp4", fps: 24 },
      { format: "mp4", fps: 60 },
    ],
    [
      { format: "mp4", fps: 23.976 },
      { format: "mp4", fps: 60.5 },
    ],
  ),
  sdRule(
    "reference_audio",
    SEEDANCE_MEDIA.audio,
    "audio wav/mp3, [2, 15] s, ≤ 15 MB",
    `${SD}:221`,
    [
      { format: "wav", seconds: 2 },
      { format: "mp3", seconds: 15, bytes: 15 * MB },
    ],
    [
      { format: "wav", seconds: 1.9 },
      { format: "mp3", seconds: 15.1 },
      { format: "mp3", bytes: 15 * MB + 1 },
    ],
  ),
];

// ---- VOD: GPT Image-2, GV 3.1 ----

const gptParam = (name: string, limit: string, doc: string, inside: unknown[], outside: unknown[]): LimitCase => ({
  limit: `GPT Image-2 ${limit}`,
  doc,
  inside,
  outside,
  studio: (v) => paramsOk("T0302007", "text-to-image", { [name]: v }),
  call: (v) => ({ path: JOB, action: "T0302007", body: buildGptImageBody("a red car", { [name]: v } as never) }),
});

/** A fresh string of this length: SessionIds are refused when reused within 3 days. */
const unique = (n: number) => (crypto.randomUUID().replace(/-/g, "") + "s".repeat(n)).slice(0, n);

const vod: LimitCase[] = [
  gptParam("priority", "TasksPriority [-10, 10]", `${GPT}:74`, [-10, 10], [-11, 11]),
  gptParam("resolution", "Resolution 1K/2K/4K", `${GPT}:93`, ["1K", "2K", "4K"], ["8K", "2k"]),
  gptParam(
    "aspectRatio",
    "AspectRatio (nine values)",
    `${GPT}:94`,
    ["1:1", "3:2", "2:3", "3:4", "4:3", "16:9", "9:16", "21:9", "9:21"],
    ["5:4"],
  ),
  gptParam("quality", "ModelVersion image2_low/medium/high", `${GPT}:66`, ["low", "medium", "high"], ["ultra"]),
  gptParam(
    "personGeneration",
    "PersonGeneration AllowAdult/AllowAll",
    `${GPT}:95`,
    ["AllowAdult", "AllowAll"],
    ["AllowNone"],
  ),
  {
    limit: "GPT Image-2 FileInfos ≤ 3",
    doc: `${GPT}:65`,
    inside: [1, 3],
    outside: [4],
    studio: (n) => countsOk("T0302007", "image-to-image", Array(n as number).fill("reference_image")),
    call: (n) => ({
      path: JOB,
      action: "T0302007",
      body: buildGptImageBody("a red car", {}, Array(n as number).fill(IMG)),
    }),
  },
  {
    limit: "GPT Image-2 Prompt required for text-to-image",
    doc: `${GPT}:64`,
    inside: ["a red car"],
    outside: ["", "  "],
    studio: (p) => !checkPromptFor(spec("T0302007", "text-to-image"), p as string),
    call: (p) => ({ path: JOB, action: "T0302007", body: buildGptImageBody(p as string, {}) }),
  },
  {
    limit: "GPT Image-2 SessionId ≤ 50 characters",
    doc: `${GPT}:72`,
    inside: [50],
    outside: [51],
    studio: (n) => gptImageBody.safeParse(buildGptImageBody("x", {}, [], { sessionId: unique(n as number) })).success,
    call: (n) => ({
      path: JOB,
      action: "T0302007",
      body: buildGptImageBody("x", {}, [], { sessionId: unique(n as number) }),
    }),
  },
  {
    limit: "GPT Image-2 SessionContext ≤ 1000 characters",
    doc: `${GPT}:73`,
    inside: [1000],
    outside: [1001],
    studio: (n) =>
      gptImageBody.safeParse(buildGptImageBody("x", {}, [], { sessionContext: "c".repeat(n as number) })).success,
    call: (n) => ({
      path: JOB,
      action: "T0302007",
      body: buildGptImageBody("x", {}, [], { sessionContext: "c".repeat(n as number) }),
    }),
  },
  {
    limit: "GPT Image-2 reference ≤ 10 MB, jpeg/jpg/png",
    doc: `${GPT}:84`,
    inside: [{ format: "png", bytes: 10 * MB }, { format: "jpeg" }],
    outside: [{ format: "png", bytes: 10 * MB + 1 }, { format: "webp" }],
    studio: (f) => mediaOk("T0302007", "image-to-image", "reference_image", studioFacts(f as EmuFacts)),
    rule: ruleOk(GPT_IMAGE_REFERENCE),
  },
  {
    limit: "GV 3.1 TasksPriority [-10, 10]",
    doc: `${GV}:78`,
    inside: [-10, 10],
    outside: [-11, 11],
    studio: (v) => paramsOk("T0301004", "text-to-video", { priority: v }),
    call: (v) => ({
      path: JOB,
      action: "T0301004",
      body: buildGvBody("text-to-video", "旋转视频", { priority: v as number }),
    }),
  },
  {
    limit: "GV 3.1 last frame needs a first frame",
    doc: `${GV}:62`,
    inside: [["first_frame", "last_frame"]],
    outside: [["last_frame"]],
    studio: (roles) => countsOk("T0301004", "first-last-frame", roles as InputRole[]),
    call: (roles) => ({
      path: JOB,
      action: "T0301004",
      body: buildGvBody(
        "first-last-frame",
        "x",
        {},
        (roles as ("first_frame" | "last_frame")[]).map((role) => ({ role, url: IMG })),
      ),
    }),
  },
  {
    limit: "GV 3.1 FileInfos image ≤ 10 MB, jpeg/jpg/png",
    doc: `${GV}:59`,
    inside: [{ format: "png", bytes: 10 * MB }, { format: "jpeg" }],
    outside: [{ format: "png", bytes: 10 * MB + 1 }, { format: "webp" }],
    studio: (f) => mediaOk("T0301004", "first-frame", "first_frame", studioFacts(f as EmuFacts)),
    rule: ruleOk(GV_MEDIA.file),
  },
  {
    limit: "GV 3.1 LastFrameUrl ≤ 5 MB, jpeg/jpg/png/webp",
    doc: `${GV}:62`,
    inside: [{ format: "webp", bytes: 5 * MB }],
    outside: [{ format: "png", bytes: 5 * MB + 1 }],
    studio: (f) => mediaOk("T0301004", "first-last-frame", "last_frame", studioFacts(f as EmuFacts)),
    rule: ruleOk(GV_MEDIA.lastFrameUrl),
  },
];

// ---- MiniMax TTS ----

/** A tiny valid WAV (RIFF/WAVE header + 0.1 s of silence), as a data: URL for voice cloning. */
export const wavDataUrl = (): string => `data:audio/wav;base64,${wavBytes(0.1).toString("base64")}`;

const ttsParam = (
  name: string,
  limit: string,
  doc: string,
  inside: unknown[],
  outside: unknown[],
  mode: "speech" | "voice-clone" = "speech",
): LimitCase => ({
  limit: `MiniMax TTS ${limit}`,
  doc,
  inside,
  outside,
  studio: (v) => paramsOk("T0311001", mode, { [name]: v }),
  call: (v) => ({
    path: JOB,
    action: "T0311001",
    body: buildTtsBody(
      mode,
      mode === "speech" ? "你好" : undefined,
      { [name]: v } as never,
      mode === "voice-clone" ? wavDataUrl() : undefined,
    ),
  }),
});

const tts: LimitCase[] = [
  {
    limit: "MiniMax TTS Text ≤ 2000 characters",
    doc: `${TTS}:54`,
    inside: [2000, 1],
    outside: [2001, 0],
    studio: (n) => !checkPromptFor(spec("T0311001", "speech"), "语".repeat(n as number)),
    call: (n) => ({
      path: JOB,
      action: "T0311001",
      body: { ...buildTtsBody("speech", "x", {}), Text: "语".repeat(n as number) },
    }),
  },
  ttsParam(
    "sampleRate",
    "synExt.sampleRate 8000/16000/22050/32000/44100",
    `${TTS}:62`,
    [8000, 16000, 22050, 32000, 44100],
    [48000, 24000],
  ),
  ttsParam("pitch", "synExt.pitch [-12, 12]", `${TTS}:62`, [-12, 0, 12], [-13, 13]),
  ttsParam(
    "language",
    "TextLang (the 40 listed codes)",
    `${TTS}:130`,
    TTS_LANGUAGES.map((l) => l.code),
    ["hu", "zh-CN", "jp"],
  ),
  ttsParam(
    "voiceId",
    "VoiceId: the studio's system voices",
    `${TTS}:56`,
    MINIMAX_SYSTEM_VOICES.map((v) => v.id),
    [],
  ),
  ttsParam("outputType", "Output.Type data/url", `${TTS}:79`, ["data", "url"], ["file"]),
  ttsParam(
    "cloneLanguage",
    "AudioLang (same list as TextLang)",
    `${TTS}:59`,
    ["zh", "hun", "sl"],
    ["hu"],
    "voice-clone",
  ),
  ttsParam(
    "voiceGender",
    "VoiceProfile.Gender male/female/unknown",
    `${TTS}:70`,
    ["male", "female", "unknown"],
    ["other"],
    "voice-clone",
  ),
  ttsParam(
    "voiceAge",
    "VoiceProfile.Age (six values)",
    `${TTS}:71`,
    ["child", "teenager", "youth", "middle_aged", "senior", "unknown"],
    ["adult"],
    "voice-clone",
  ),
];

// ---- Chat ----

type ChatModel = "T0310001" | "T0106004";
const CHAT_MSGS: Record<"text" | "image" | "video", StudioChatMessage[]> = {
  text: [{ role: "user", content: "你好" }],
  image: [{ role: "user", content: "图片主要讲了什么?", images: ["https://example.com/a.png"] }],
  video: [{ role: "user", content: "What is in the video?", videos: ["https://example.com/v.mp4"] }],
};

/**
 * The studio builds the wire body from its params; when it refuses a value, the same body is built without it and
 * the value is put where the wire carries it (`wire`), so that the emulator is asked about exactly that value.
 */
function chatParam(
  model: ChatModel,
  name: string,
  limit: string,
  doc: string,
  inside: unknown[],
  outside: unknown[],
  wire: (body: Record<string, unknown>, v: unknown) => void,
  opts: { msgs?: keyof typeof CHAT_MSGS; with?: Record<string, unknown> } = {},
): LimitCase {
  const msgs = CHAT_MSGS[opts.msgs ?? "text"];
  const params = (v: unknown) => ({ ...opts.with, [name]: v });
  return {
    limit: `${model === "T0310001" ? "GPT-5.4" : "DeepSeek-v3.2"} ${limit}`,
    doc,
    inside,
    outside,
    studio: (v) => paramsOk(model, "chat", params(v)),
    call: (v) => {
      let body: Record<string, unknown>;
      try {
        body = buildChatBody(model, msgs, params(v)) as unknown as Record<string, unknown>;
      } catch {
        body = buildChatBody(model, msgs, opts.with ?? {}) as unknown as Record<string, unknown>;
      }
      wire(body, v);
      return { path: CHAT, body };
    },
  };
}

const top = (key: string) => (b: Record<string, unknown>, v: unknown) => void (b[key] = v);
const part = (kind: "image_url" | "video_url", key: string) => (b: Record<string, unknown>, v: unknown) => {
  const content = (b.messages as { content: Record<string, Record<string, unknown>>[] }[])[0].content;
  content.find((p) => p.type === (kind as unknown))![kind][key] = v;
};

const chat: LimitCase[] = [
  chatParam("T0106004", "temperature", "temperature [0, 2]", `${DS}:394`, [0, 2], [-0.1, 2.1], top("temperature")),
  chatParam("T0106004", "topP", "top_p [0, 1]", `${DS}:401`, [0, 1], [-0.01, 1.01], top("top_p")),
  chatParam(
    "T0106004",
    "frequencyPenalty",
    "frequency_penalty [-2, 2]",
    `${DS}:385`,
    [-2, 2],
    [-2.1, 2.1],
    top("frequency_penalty"),
  ),
  chatParam(
    "T0106004",
    "presencePenalty",
    "presence_penalty [-2, 2]",
    `${DS}:391`,
    [-2, 2],
    [-2.1, 2.1],
    top("presence_penalty"),
  ),
  chatParam("T0106004", "maxTokens", "max_tokens ≤ 32k", `${DS}:306`, [1, 32_768], [32_769], top("max_tokens")),
  chatParam(
    "T0106004",
    "maxCompletionTokens",
    "max_completion_tokens [0, 65536]",
    `${DS}:314`,
    [0, 65_536],
    [-1, 65_537],
    top("max_completion_tokens"),
  ),
  chatParam(
    "T0106004",
    "maxCompletionTokens",
    "max_completion_tokens not with max_tokens",
    `${DS}:314`,
    [undefined],
    [1000],
    top("max_completion_tokens"),
    { with: { maxTokens: 100 } },
  ),
  chatParam(
    "T0106004",
    "thinking",
    "thinking.type enabled/disabled/auto",
    `${DS}:265`,
    ["enabled", "disabled", "auto"],
    ["on"],
    (b, v) => void (b.thinking = { type: v }),
  ),
  chatParam(
    "T0106004",
    "reasoningEffort",
    "reasoning_effort minimal/low/medium/high",
    `${DS}:329`,
    ["minimal", "low", "medium", "high"],
    ["xhigh", "none"],
    top("reasoning_effort"),
  ),
  chatParam(
    "T0106004",
    "videoFps",
    "video_url.fps [0.2, 5]",
    `${DS}:198`,
    [0.2, 5],
    [0.1, 5.1],
    part("video_url", "fps"),
    { msgs: "video" },
  ),
  chatParam(
    "T0106004",
    "imageDetail",
    "image_url.detail low/high/xhigh",
    `${DS}:164`,
    ["low", "high", "xhigh"],
    ["auto", "medium"],
    part("image_url", "detail"),
    { msgs: "image" },
  ),
  chatParam("T0310001", "temperature", "temperature [0, 2]", `${G54}:57`, [0, 2], [-0.1, 2.1], top("temperature")),
  chatParam(
    "T0310001",
    "reasoningEffort",
    "reasoning_effort none…xhigh",
    `${G54}:59`,
    ["none", "minimal", "low", "medium", "high", "xhigh"],
    ["max"],
    top("reasoning_effort"),
    { with: { thinkingEnabled: true } },
  ),
];

export const LIMIT_CASES: LimitCase[] = [...happyHorse, ...seedance, ...vod, ...tts, ...chat];
