import { z } from "zod";

// Request shapes of /api/v1/prompts (zod); the view types are in ./types.ts (no zod at run time).

const tags = z.array(z.string().trim().min(1).max(40)).max(30);
const variables = z.record(z.string().min(1).max(40), z.array(z.string().trim().min(1).max(2_000)).max(50));

export const createPromptRequest = z.object({
  name: z.string().trim().min(1).max(120),
  /** The text, or a template with {variables}. */
  body: z.string().trim().min(1).max(20_000),
  variables: variables.optional(),
  tags: tags.optional(),
  notes: z.string().max(4_000).optional(),
});
export type CreatePromptRequest = z.infer<typeof createPromptRequest>;

export const updatePromptRequest = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    tags: tags.optional(),
    notes: z.string().max(4_000).nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, "nothing to change");
export type UpdatePromptRequest = z.infer<typeof updatePromptRequest>;

export const createPromptVersionRequest = z.object({
  body: z.string().trim().min(1).max(20_000),
  variables: variables.optional(),
  notes: z.string().max(2_000).optional(),
  /** manual, or improve (the "improve prompt" helper saving its suggestion). */
  source: z.enum(["manual", "improve"]).optional(),
});
export type CreatePromptVersionRequest = z.infer<typeof createPromptVersionRequest>;

export const listPromptsQuery = z.object({
  q: z.string().trim().max(200).optional(),
  tag: z.string().trim().max(40).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
