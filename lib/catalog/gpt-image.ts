import { z } from "zod";
import { VOD_PERSON_GENERATION } from "@/lib/td/vod";
import type { InputSpec, ModelEntry, PromptSpec } from "./types";
import {
  GPT_IMAGE_LIMITS,
  GPT_IMAGE_QUALITIES,
  GPT_IMAGE_RATIOS,
  GPT_IMAGE_RESOLUTIONS,
  SEED_MAX,
  VOD_LIMITS,
} from "./limits";

// 云绘17 · GPT Image-2 (VOD job family). Doc: shared/td-api/T0302007-yunhui17-gpt-image-2.md

// The doc gives no prompt length limit; counted in characters so the UI can still show the length.
const prompt = (required: boolean): PromptSpec => ({ required, counting: "chars", overLimit: "rejected" });

const reference: InputSpec = {
  role: "reference_image",
  kind: "image",
  min: 1,
  max: GPT_IMAGE_LIMITS.maxReferences,
  // URL only ("公网可访问 URL"): the studio needs a public URL for an upload.
  transport: { inline: false },
  limits: { maxBytes: GPT_IMAGE_LIMITS.maxReferenceBytes, mimes: ["image/jpeg", "image/png"] },
};

export const gptImageParams = z.object({
  quality: z
    .enum(GPT_IMAGE_QUALITIES)
    .default("medium")
    .describe("ModelVersion: low (fastest, drafts), medium (balanced, API default), high (best, slowest)"),
  resolution: z.enum(GPT_IMAGE_RESOLUTIONS).default("2K").describe("Output resolution tier (API default 2K)"),
  aspectRatio: z.enum(GPT_IMAGE_RATIOS).default("1:1").describe("Aspect ratio (API default 1:1)"),
  negativePrompt: z.string().optional().describe("What the image should not contain"),
  enhancePrompt: z.boolean().default(false).describe("Let the service rewrite the prompt (API default Disabled)"),
  seed: z
    .number()
    .int()
    .min(0)
    .max(SEED_MAX)
    .optional()
    .describe("Random seed for reproducible results; omit for random"),
  personGeneration: z
    .enum(VOD_PERSON_GENERATION)
    .default("AllowAdult")
    .describe("AllowAdult: adults only (API default); AllowAll: people of any age"),
  inputComplianceCheck: z.boolean().default(false).describe("Check the input for compliance (API default Disabled)"),
  outputComplianceCheck: z.boolean().default(false).describe("Check the result for compliance (API default Disabled)"),
  priority: z
    .number()
    .int()
    .min(VOD_LIMITS.priorityMin)
    .max(VOD_LIMITS.priorityMax)
    .default(0)
    .describe("TasksPriority, −10..10; higher runs first"),
});

export const gptImage: ModelEntry[] = [
  {
    id: "T0302007",
    family: "vod",
    kind: "image",
    name: { zh: "云绘17 · GPT Image-2", en: "GPT Image-2" },
    vendorName: "GPT Image-2",
    doc: "T0302007-yunhui17-gpt-image-2.md",
    // The doc's example ran 95 s (03:19:57 → 03:21:32) at image2_medium.
    typicalSeconds: 95,
    // No task lifetime is documented: the README's 24 h rule.
    taskLifetimeHours: 24,
    cancel: "never",
    modes: [
      { mode: "text-to-image", prompt: prompt(true), inputs: [], params: gptImageParams },
      // "图生图必填" is FileInfos; the prompt is only required for text-to-image.
      { mode: "image-to-image", prompt: prompt(false), inputs: [reference], params: gptImageParams },
    ],
  },
];
