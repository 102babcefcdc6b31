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
import { GV_LIMITS } from "@/lib/catalog/limits";

// 云筑38 · GV 3.1 (T0301004): async video job. Doc: shared/td-api/T0301004-yunzhu38-gv-3.1-video.md

export const GV_MODEL = "T0301004";
export const GV_USAGES = ["FirstFrame", "LastFrame", "Reference"] as const;

const fileInfo = z.object({ Type: z.literal("Url"), Url: publicUrl, Usage: z.enum(GV_USAGES) });

export const gvOutputConfig = z.object({
  StorageMode: z.enum(VOD_STORAGE_MODES).optional(),
  // Open list in the doc ("等"): any W:H is let through; the studio offers the three named ones.
  AspectRatio: z
    .string()
    .regex(/^\d{1,2}:\d{1,2}$/, "must be a ratio such as 16:9, 9:16 or 1:1")
    .optional(),
  AudioGeneration: z.enum(VOD_SWITCH).optional(),
  PersonGeneration: z.enum(VOD_PERSON_GENERATION).optional(),
  InputComplianceCheck: z.enum(VOD_SWITCH).optional(),
  OutputComplianceCheck: z.enum(VOD_SWITCH).optional(),
});

/** The wire body with every documented rule. The emulator validates requests with this same schema. */
export const gvBody = z
  .object({
    Prompt: z.string().optional(),
    FileInfos: z.array(fileInfo).max(GV_LIMITS.maxFiles).optional(),
    LastFrameFileId: z.string().min(1).optional(),
    LastFrameUrl: publicUrl.optional(),
    // "固定主体输入信息": the structure is not documented.
    SubjectInfos: z.array(z.record(z.string(), z.unknown())).optional(),
    OutputConfig: gvOutputConfig.optional(),
    SceneType: z.string().optional(),
    ...jobCommonFields,
  })
  .superRefine((b, ctx) => {
    const files = b.FileInfos ?? [];
    const count = (u: (typeof GV_USAGES)[number]) => files.filter((f) => f.Usage === u).length;
    const first = count("FirstFrame");
    const last = count("LastFrame");
    const refs = count("Reference");
    // "图生视频时若未传入参考文件且ExtInfo为空，也为必填".
    if (!files.length && !b.ExtInfo?.trim() && !b.Prompt?.trim()) {
      vodIssue(ctx, "Prompt is required when no FileInfos (and no ExtInfo) are given", ["Prompt"], "MissingParameter");
    }
    if (first > 1) vodIssue(ctx, "at most one FileInfos item may have Usage FirstFrame", ["FileInfos"]);
    if (last > 1) vodIssue(ctx, "at most one FileInfos item may have Usage LastFrame", ["FileInfos"]);
    if (refs && (first || last))
      vodIssue(ctx, "first/last-frame mode and reference mode cannot be mixed in FileInfos", ["FileInfos"]);
    if (last && !first) vodIssue(ctx, "a LastFrame needs a FirstFrame in FileInfos", ["FileInfos"]);
    if (b.LastFrameUrl && b.LastFrameFileId)
      vodIssue(ctx, "give LastFrameUrl or LastFrameFileId, not both", ["LastFrameUrl"]);
    const lastRef = b.LastFrameUrl ? "LastFrameUrl" : b.LastFrameFileId ? "LastFrameFileId" : undefined;
    if (lastRef && !first) vodIssue(ctx, `${lastRef} needs a first frame in FileInfos (Usage FirstFrame)`, [lastRef]);
    if (lastRef && last) vodIssue(ctx, `${lastRef} and a FileInfos LastFrame both give the last frame`, [lastRef]);
  });
export type GvBody = z.infer<typeof gvBody>;

export type GvMode = "text-to-video" | "first-frame" | "first-last-frame" | "reference";
export type GvRole = "first_frame" | "last_frame" | "reference_image";

const ROLES_BY_MODE: Record<GvMode, GvRole[]> = {
  "text-to-video": [],
  "first-frame": ["first_frame"],
  "first-last-frame": ["first_frame", "last_frame"],
  reference: ["reference_image"],
};

/** The studio's parameter names (lib/catalog/gv.ts). */
export interface GvParams {
  negativePrompt?: string;
  enhancePrompt?: boolean;
  aspectRatio?: string;
  audioGeneration?: boolean;
  personGeneration?: (typeof VOD_PERSON_GENERATION)[number];
  seed?: number;
  inputComplianceCheck?: boolean;
  outputComplianceCheck?: boolean;
  priority?: number;
}

/**
 * Studio params + role-tagged URLs → the documented PascalCase body. The last frame goes in
 * LastFrameUrl (Tencent's documented way: FileInfos then holds the first frame only).
 */
export function buildGvBody(
  mode: GvMode,
  prompt: string | undefined,
  params: GvParams,
  inputs: { role: GvRole; url: string }[] = [],
  extras: VodJobExtras = {},
): GvBody {
  const stray = inputs.find((i) => !ROLES_BY_MODE[mode].includes(i.role));
  if (stray) throw new Error(`buildGvBody: role ${stray.role} does not belong to ${mode} mode`);
  const usage = { first_frame: "FirstFrame", reference_image: "Reference" } as const;
  const files = inputs
    .filter((i): i is { role: "first_frame" | "reference_image"; url: string } => i.role !== "last_frame")
    .map((i) => ({ Type: "Url" as const, Url: i.url, Usage: usage[i.role] }));
  const outputConfig = compact({
    StorageMode: extras.storageMode ?? "Temporary",
    AspectRatio: params.aspectRatio,
    AudioGeneration: switchOf(params.audioGeneration),
    PersonGeneration: params.personGeneration,
    InputComplianceCheck: switchOf(params.inputComplianceCheck),
    OutputComplianceCheck: switchOf(params.outputComplianceCheck),
  });
  return compact({
    Prompt: prompt?.trim() ? prompt : undefined,
    FileInfos: files.length ? files : undefined,
    LastFrameUrl: inputs.find((i) => i.role === "last_frame")?.url,
    NegativePrompt: params.negativePrompt?.trim() ? params.negativePrompt : undefined,
    EnhancePrompt: switchOf(params.enhancePrompt),
    OutputConfig: outputConfig,
    InputRegion: extras.inputRegion,
    Seed: params.seed,
    SessionId: extras.sessionId,
    SessionContext: extras.sessionContext,
    TasksPriority: params.priority,
    ExtInfo: extras.extInfo,
  });
}
