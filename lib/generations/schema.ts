import { z } from "zod";
import { INPUT_ROLES, MODES } from "@/lib/catalog/types";
import { STATUSES } from "./status";

export const ASSET_URI = /^asset:\/\/[A-Za-z0-9._-]+$/;

/** POST /api/v1/generations — one schema for the form, the REST route and the engine. */
export const createGenerationRequest = z.object({
  model: z.string().regex(/^T\d{7}$/, "must be a TD model code like T0401001"),
  mode: z.enum(MODES),
  prompt: z.string().max(20_000).optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  inputs: z
    .array(
      z
        .object({
          role: z.enum(INPUT_ROLES),
          assetId: z.string().min(1).optional(),
          // A public http(s) URL, or `asset://<Id>` of the Seedance asset library (models that accept it).
          url: z
            .union([
              z.url({ protocol: /^https?$/ }),
              z.string().regex(ASSET_URI, "must be an http(s) URL or asset://<Id>"),
            ])
            .optional(),
        })
        .refine((i) => !!i.assetId !== !!i.url, "each input needs exactly one of assetId or url"),
    )
    .max(30)
    .optional(),
  /** "Add as a new version": the asset this is a new version of; the outputs join its version stack. */
  versionOf: z.string().min(1).max(64).optional(),
  /** The prompt library version this prompt came from (its history lists the generations that used it). */
  promptVersionId: z.string().min(1).max(100).optional(),
});
export type CreateGenerationRequest = z.infer<typeof createGenerationRequest>;

export const listGenerationsQuery = z.object({
  /** One generation by id (the usage page's links to its costliest runs). */
  id: z.string().min(1).max(100).optional(),
  status: z.enum(STATUSES).optional(),
  model: z.string().optional(),
  mode: z.enum(MODES).optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
