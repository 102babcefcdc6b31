import { z } from "zod";
import { DEEPSEEK_LIMITS, IMAGE_DETAILS } from "@/lib/catalog/limits";
import { CHAT_MODELS, DEEPSEEK_V32_MODEL, SYSTEM_MAX_CHARS, TITLE_MAX_CHARS, TURN_ACTIONS } from "./types";

// The conversations API's request schemas (the routes check with them; the types are in ./types.ts).

export const attachmentRef = z.object({
  assetId: z.string().min(1).max(100),
  kind: z.enum(["image", "video"]),
  detail: z.enum(IMAGE_DETAILS).optional(),
  fps: z.number().min(DEEPSEEK_LIMITS.fpsMin).max(DEEPSEEK_LIMITS.fpsMax).optional(),
});

/** Per-model params (catalog names) plus the conversation's system prompt. */
export const chatSettings = z.object({
  system: z.string().max(SYSTEM_MAX_CHARS).default(""),
  params: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
});

export const createConversationBody = z.object({
  title: z.string().trim().max(TITLE_MAX_CHARS).optional(),
  model: z.enum(CHAT_MODELS).default(DEEPSEEK_V32_MODEL),
  settings: chatSettings.optional(),
});

export const patchConversationBody = z
  .object({
    title: z.string().trim().min(1).max(TITLE_MAX_CHARS).optional(),
    model: z.enum(CHAT_MODELS).optional(),
    settings: chatSettings.optional(),
  })
  .refine((b) => b.title !== undefined || b.model !== undefined || b.settings !== undefined, {
    message: "nothing to change: send title, model or settings",
  });

/**
 * One turn. send: a new user message. edit: replace user message `messageId` and answer again (later messages go).
 * regenerate: answer again in place of assistant message `messageId` (default: the last one).
 * continue: `content` is the beginning of the answer; the model goes on from it (DeepSeek's continuation).
 */
export const turnBody = z.object({
  action: z.enum(TURN_ACTIONS).default("send"),
  model: z.enum(CHAT_MODELS),
  params: z.record(z.string(), z.unknown()).default({}),
  system: z.string().max(SYSTEM_MAX_CHARS).optional(),
  content: z.string().max(200_000).default(""),
  attachments: z.array(attachmentRef).max(20).optional(),
  messageId: z.string().min(1).optional(),
});
