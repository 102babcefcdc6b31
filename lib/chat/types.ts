import type { z } from "zod";
import { DEEPSEEK_V32_MODEL, GPT54_MODEL } from "@/lib/td/chat-ids";
import type { attachmentRef, chatSettings, turnBody } from "./schema";

// The chat studio's own shapes: what the conversations API takes and answers. Browser-safe (no server imports),
// and free of zod at run time so the chat page does not ship it: the request schemas are in ./schema.ts.

export const CHAT_MODELS = [DEEPSEEK_V32_MODEL, GPT54_MODEL] as const;
export type ChatModelId = (typeof CHAT_MODELS)[number];
export { DEEPSEEK_V32_MODEL, GPT54_MODEL };

/** Models that read images and videos (the catalog gives GPT-5.4 no inputs in the studio). */
export const MULTIMODAL_MODELS: readonly string[] = [DEEPSEEK_V32_MODEL];
/** Only the DeepSeek doc describes continuation (a partial assistant message as the last message). */
export const CONTINUATION_MODELS: readonly string[] = [DEEPSEEK_V32_MODEL];

export type AttachmentRef = z.infer<typeof attachmentRef>;

export const SYSTEM_MAX_CHARS = 8000;
export const TITLE_MAX_CHARS = 120;

export type ChatSettings = z.infer<typeof chatSettings>;

export const TURN_ACTIONS = ["send", "edit", "regenerate", "continue"] as const;

export type TurnBody = z.input<typeof turnBody>;

export interface UsageView {
  promptTokens: number;
  completionTokens: number;
  reasoningTokens: number;
  totalTokens: number;
  cachedTokens?: number;
}

/** Why an answer failed, in classes the UI has plain words for. */
export type ChatErrorKind =
  | "sensitive"
  | "invalid"
  | "auth"
  | "forbidden"
  | "notFound"
  | "rateLimited"
  | "upstream"
  | "timeout"
  | "network"
  | "malformed"
  | "config"
  | "unknown";

export interface MessageError {
  kind: ChatErrorKind;
  code: string;
  message: string;
  status?: number;
  requestId?: string;
}

export interface AttachmentView extends AttachmentRef {
  fileUrl: string;
  posterUrl?: string;
  mime?: string;
  /** The asset is gone (deleted); the turn still shows that something was attached. */
  missing?: boolean;
}

export type MessageState = "streaming" | "done" | "interrupted";

export interface MessageView {
  id: string;
  position: number;
  role: "user" | "assistant";
  content: string;
  attachments: AttachmentView[];
  reasoning?: string;
  model?: string;
  usage?: UsageView;
  /** stop, length, tool_calls, content_filter — or "stopped" when the person pressed Stop. */
  finishReason?: string;
  error?: MessageError;
  state: MessageState;
  requestId?: string;
  createdAt: string;
}

export interface ConversationSummary {
  id: string;
  title: string;
  model: string;
  createdAt: string;
  updatedAt: string;
  /** With a search: the matching text around the hit. */
  snippet?: string;
}

export interface ConversationView extends ConversationSummary {
  settings: ChatSettings;
  messages: MessageView[];
  usage: UsageView;
  /** A turn is being answered right now (another tab may have started it). */
  busy: boolean;
}

export function emptyUsage(): UsageView {
  return { promptTokens: 0, completionTokens: 0, reasoningTokens: 0, totalTokens: 0 };
}

export function addUsage(a: UsageView, b: UsageView | undefined): UsageView {
  if (!b) return a;
  return {
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    reasoningTokens: a.reasoningTokens + b.reasoningTokens,
    totalTokens: a.totalTokens + b.totalTokens,
    ...(a.cachedTokens !== undefined || b.cachedTokens !== undefined
      ? { cachedTokens: (a.cachedTokens ?? 0) + (b.cachedTokens ?? 0) }
      : {}),
  };
}

/** The OpenAI-style usage object of a chunk or completion, in the studio's names. */
export function usageFromWire(
  u:
    | {
        prompt_tokens?: number;
        completion_tokens?: number;
        total_tokens?: number;
        prompt_tokens_details?: { cached_tokens?: number } | null;
        completion_tokens_details?: { reasoning_tokens?: number } | null;
      }
    | null
    | undefined,
): UsageView | undefined {
  if (!u || typeof u.prompt_tokens !== "number") return undefined;
  const cached = u.prompt_tokens_details?.cached_tokens;
  return {
    promptTokens: u.prompt_tokens,
    completionTokens: u.completion_tokens ?? 0,
    reasoningTokens: u.completion_tokens_details?.reasoning_tokens ?? 0,
    totalTokens: u.total_tokens ?? u.prompt_tokens + (u.completion_tokens ?? 0),
    ...(cached ? { cachedTokens: cached } : {}),
  };
}

/** A title from the first question: its words on one line, at most 40 characters. */
export function titleFrom(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  const chars = [...line];
  return chars.length > 40 ? chars.slice(0, 40).join("") + "…" : line;
}
