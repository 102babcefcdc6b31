import { z } from "zod";
import { INPUT_ROLES, MODES } from "@/lib/catalog/types";
import { EXPERIMENT_LIMITS, EXPERIMENT_STATUSES } from "./types";

// Request shapes of /api/v1/experiments (zod). The constants and the view types live in ./types.ts, which has
// no zod at run time, so the UI can import them without pulling zod into a page.

const L = EXPERIMENT_LIMITS;

const prompt = z.string().trim().min(1).max(20_000);

export const experimentTemplate = z.object({
  /** `一只{动物}在{地点}`: each `{name}` is a variable; every combination of their values is one row. */
  template: prompt,
  variables: z.record(
    z.string().min(1).max(40),
    z.array(z.string().trim().min(1).max(2_000)).min(1).max(L.valuesPerVariable),
  ),
});

export const experimentVariant = z.object({
  model: z.string().regex(/^T\d{7}$/, "must be a TD model code like T0401001"),
  mode: z.enum(MODES),
  params: z.record(z.string(), z.unknown()).optional(),
  /** A name people give the column, e.g. "high quality". */
  label: z.string().trim().max(60).optional(),
});

export const experimentDefinition = z.object({
  name: z.string().trim().min(1).max(120),
  prompts: z.union([z.array(prompt).min(1).max(L.prompts), experimentTemplate]),
  variants: z.array(experimentVariant).min(1).max(L.variants),
  /** Each prompt runs once per seed (models with a seed parameter get it; others run it as a repeat). */
  seeds: z.array(z.number().int().min(0).max(2_147_483_647)).min(1).max(L.seeds).optional(),
  /** Runs per prompt when no seeds are given (default 1). */
  repeats: z.number().int().min(1).max(L.seeds).optional(),
  /** Shared inputs every variant receives (e.g. one first frame for every image-to-video variant). */
  inputs: z
    .array(z.object({ assetId: z.string().min(1).max(100), role: z.enum(INPUT_ROLES) }))
    .max(10)
    .optional(),
  /** The prompt library version the rows came from (history of which generations used it). */
  promptVersionId: z.string().min(1).max(100).optional(),
});

export const createExperimentRequest = experimentDefinition.extend({
  /** true: answer the cells and the estimate, send nothing. */
  dryRun: z.boolean().optional(),
});
export type CreateExperimentRequest = z.infer<typeof createExperimentRequest>;
export type ExperimentDefinition = z.infer<typeof experimentDefinition>;

/** POST /api/v1/experiments/{id}/duplicate: a new version; every field given replaces the original's. */
export const duplicateExperimentRequest = experimentDefinition.partial().extend({ dryRun: z.boolean().optional() });
export type DuplicateExperimentRequest = z.infer<typeof duplicateExperimentRequest>;

const variantIndex = z
  .number()
  .int()
  .min(0)
  .max(L.variants - 1);

export const voteRequest = z
  .object({
    row: z.number().int().min(0),
    winner: z.union([variantIndex, z.literal("tie")]),
    /** An A/B pair decision: the other variant (a tie of a pair names both: winner "tie", pair [a, b]). */
    against: variantIndex.optional(),
    pair: z.tuple([variantIndex, variantIndex]).optional(),
    /** Blind voting: winner/against/pair are column positions in the caller's shuffled order for the row. */
    blind: z.boolean().optional(),
  })
  .refine((v) => v.winner === "tie" || v.against === undefined || v.against !== v.winner, {
    message: "against must differ from winner",
    path: ["against"],
  })
  .refine((v) => v.winner !== "tie" || v.against === undefined, {
    message: 'a tie of a pair names both variants in pair: {winner: "tie", pair: [a, b]}',
    path: ["against"],
  })
  .refine((v) => !v.pair || (v.winner === "tie" && v.pair[0] !== v.pair[1]), {
    message: 'pair is for a tie of two different variants (winner "tie")',
    path: ["pair"],
  });
export type VoteRequest = z.infer<typeof voteRequest>;

export const listExperimentsQuery = z.object({
  status: z.enum(EXPERIMENT_STATUSES).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const experimentViewQuery = z.object({
  blind: z.enum(["0", "1", "true", "false"]).optional(),
});
