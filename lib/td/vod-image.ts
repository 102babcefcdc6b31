import { z } from "zod";
import {
  compact,
  jobCommonFields,
  publicUrl,
  switchOf,
  VOD_PERSON_GENERATION,
  VOD_STORAGE_MODES,
  VOD_SWITCH,
  vodIssue,
  type VodJobExtras,
} from "./vod";
import { GPT_IMAGE_LIMITS, GPT_IMAGE_QUALITIES, GPT_IMAGE_RATIOS, GPT_IMAGE_RESOLUTIONS } from "@/lib/catalog/limits";

// 云绘17 · GPT Image-2 (T0302007): async image job. Doc: shared/td-api/T0302007-yunhui17-gpt-image-2.md

export const GPT_IMAGE_MODEL = "T0302007";
export const GPT_IMAGE_VERSIONS = ["image2_low", "image2_medium", "image2_high"] as const;

/** The documented defaults, for what the API does when a field is left out. */
export const GPT_IMAGE_DEFAULTS = {
  ModelVersion: "image2_medium",
  EnhancePrompt: "Disabled",
  Resolution: "2K",
  AspectRatio: "1:1",
  PersonGeneration: "AllowAdult",
  StorageMode: "Temporary",
  ComplianceCheck: "Disabled",
} as const;

// Not strict: the doc's own request example adds an undocumented "Text" to a FileInfos item.
const fileInfo = z.object({ Type: z.literal("Url"), Url: publicUrl });

export const gptImageOutputConfig = z.object({
  StorageMode: z.enum(VOD_STORAGE_MODES).optional(),
  Resolution: z.enum(GPT_IMAGE_RESOLUTIONS).optional(),
  AspectRatio: z.enum(GPT_IMAGE_RATIOS).optional(),
  PersonGeneration: z.enum(VOD_PERSON_GENERATION).optional(),
  InputComplianceCheck: z.enum(VOD_SWITCH).optional(),
  OutputComplianceCheck: z.enum(VOD_SWITCH).optional(),
});

/** The wire body with every documented rule. The emulator validates requests with this same schema. */
export const gptImageBody = z
  .object({
    Prompt: z.string().optional(),
    FileInfos: z.array(fileInfo).max(GPT_IMAGE_LIMITS.maxReferences).optional(),
    // The table marks it required (是) while naming image2_medium the default: we follow the table.
    ModelVersion: z.enum(GPT_IMAGE_VERSIONS),
    OutputConfig: gptImageOutputConfig.optional(),
    ...jobCommonFields,
  })
  .superRefine((b, ctx) => {
    // Prompt: required for text-to-image; image-to-image needs FileInfos instead.
    if (!b.FileInfos?.length && !b.Prompt?.trim()) {
      vodIssue(
        ctx,
        "Prompt is required for text-to-image (image-to-image needs 1–3 FileInfos)",
        ["Prompt"],
        "MissingParameter",
      );
    }
  });
export type GptImageBody = z.infer<typeof gptImageBody>;

/** The studio's parameter names (lib/catalog/gpt-image.ts). */
export interface GptImageParams {
  quality?: (typeof GPT_IMAGE_QUALITIES)[number];
  resolution?: (typeof GPT_IMAGE_RESOLUTIONS)[number];
  aspectRatio?: (typeof GPT_IMAGE_RATIOS)[number];
  negativePrompt?: string;
  enhancePrompt?: boolean;
  seed?: number;
  personGeneration?: (typeof VOD_PERSON_GENERATION)[number];
  inputComplianceCheck?: boolean;
  outputComplianceCheck?: boolean;
  priority?: number;
}

/** Studio params + reference URLs (image-to-image) → the documented PascalCase body. */
export function buildGptImageBody(
  prompt: string | undefined,
  params: GptImageParams,
  references: string[] = [],
  extras: VodJobExtras = {},
): GptImageBody {
  const outputConfig = compact({
    StorageMode: extras.storageMode ?? "Temporary",
    Resolution: params.resolution,
    AspectRatio: params.aspectRatio,
    PersonGeneration: params.personGeneration,
    InputComplianceCheck: switchOf(params.inputComplianceCheck),
    OutputComplianceCheck: switchOf(params.outputComplianceCheck),
  });
  return compact({
    FileInfos: references.length ? references.map((Url) => ({ Type: "Url" as const, Url })) : undefined,
    Prompt: prompt?.trim() ? prompt : undefined,
    NegativePrompt: params.negativePrompt?.trim() ? params.negativePrompt : undefined,
    EnhancePrompt: switchOf(params.enhancePrompt),
    OutputConfig: outputConfig,
    InputRegion: extras.inputRegion,
    Seed: params.seed,
    SessionId: extras.sessionId,
    SessionContext: extras.sessionContext,
    TasksPriority: params.priority,
    ExtInfo: extras.extInfo,
    ModelVersion: `image2_${params.quality ?? "medium"}` as GptImageBody["ModelVersion"],
  });
}
