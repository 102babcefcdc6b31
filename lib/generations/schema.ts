import { z } from "zod";
import { INPUT_ROLES, MODES } from "@/lib/catalog/types";
import { STATUSES } from "./status";

/** POST /api/v1/generations — one schema for the form, the REST route and the engine. */
export const createGenerationRequest = z.object({
  model: z.string().regex(/^T\d{7}$/, "must be a TD model code like T0401001"),
  mode: z.enum(MODES),
  prompt: z.string().max(20_000).optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  inputs: z
    .array(
      z
        .object({ role: z.enum(INPUT_ROLES), assetId: z.string().min(1).optional(), url: z.url({ protocol: /^https?$/ }).optional() })
        .refine((i) => !!i.assetId !== !!i.url, "each input needs exactly one of assetId or url"),
    )
    .max(30)
    .optional(),
});
export type CreateGenerationRequest = z.infer<typeof createGenerationRequest>;

export const listGenerationsQuery = z.object({
  status: z.enum(STATUSES).optional(),
  model: z.string().optional(),
  mode: z.enum(MODES).optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
