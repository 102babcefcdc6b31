import { z } from "zod";
import { VOD_PERSON_GENERATION } from "@/lib/td/vod";
import type { InputRole, InputSpec, ModelEntry, PromptSpec } from "./types";
import { GV_LIMITS, GV_RATIOS, SEED_MAX, VOD_LIMITS } from "./limits";

// 云筑38 · GV 3.1 (VOD job family). Doc: shared/td-api/T0301004-yunzhu38-gv-3.1-video.md

// No prompt length limit is documented.
const prompt = (required: boolean): PromptSpec => ({ required, counting: "chars", overLimit: "rejected" });

// FileInfos: URL only, ≤ 10 MB, jpeg/jpg/png.
const image = (role: InputRole, min: number, max: number): InputSpec => ({
  role,
  kind: "image",
  min,
  max,
  transport: { inline: false },
  limits: { maxBytes: GV_LIMITS.maxFileBytes, mimes: ["image/jpeg", "image/png"] },
});
// The last frame is sent as LastFrameUrl: ≤ 5 MB, jpeg/jpg/png/webp.
const lastFrame: InputSpec = {
  role: "last_frame",
  kind: "image",
  min: 1,
  max: 1,
  transport: { inline: false },
  limits: { maxBytes: GV_LIMITS.maxLastFrameUrlBytes, mimes: ["image/jpeg", "image/png", "image/webp"] },
};

// The doc names no defaults for GV: the studio always sends explicit values (those of the doc's example).
export const gvParams = z.object({
  aspectRatio: z.enum(GV_RATIOS).default("16:9").describe("Aspect ratio (the doc names 16:9, 9:16, 1:1)"),
  audioGeneration: z.boolean().default(true).describe("Generate sound with the video"),
  negativePrompt: z.string().optional().describe("What the video should not contain"),
  enhancePrompt: z.boolean().default(false).describe("Let the service rewrite the prompt"),
  personGeneration: z
    .enum(VOD_PERSON_GENERATION)
    .default("AllowAdult")
    .describe("AllowAdult: adults only; AllowAll: people of any age"),
  seed: z
    .number()
    .int()
    .min(0)
    .max(SEED_MAX)
    .optional()
    .describe("Random seed for reproducible results; omit for random"),
  inputComplianceCheck: z.boolean().default(false).describe("Check the input for compliance"),
  outputComplianceCheck: z.boolean().default(false).describe("Check the result for compliance"),
  priority: z
    .number()
    .int()
    .min(VOD_LIMITS.priorityMin)
    .max(VOD_LIMITS.priorityMax)
    .default(0)
    .describe("TasksPriority, −10..10; higher runs first"),
});

export const gv: ModelEntry[] = [
  {
    id: "T0301004",
    family: "vod",
    kind: "video",
    name: { zh: "云筑38 · GV 3.1", en: "GV 3.1" },
    vendorName: "GV 3.1",
    doc: "T0301004-yunzhu38-gv-3.1-video.md",
    // The doc's example ran 92 s (05:52:01 → 05:53:33).
    typicalSeconds: 92,
    taskLifetimeHours: 24,
    cancel: "never",
    modes: [
      { mode: "text-to-video", prompt: prompt(true), inputs: [], params: gvParams },
      // With FileInfos the prompt is optional ("若未传入参考文件且ExtInfo为空，也为必填").
      { mode: "first-frame", prompt: prompt(false), inputs: [image("first_frame", 1, 1)], params: gvParams },
      {
        mode: "first-last-frame",
        prompt: prompt(false),
        inputs: [image("first_frame", 1, 1), lastFrame],
        params: gvParams,
      },
      {
        mode: "reference",
        prompt: prompt(false),
        inputs: [image("reference_image", 1, GV_LIMITS.maxFiles)],
        params: gvParams,
      },
    ],
  },
];
