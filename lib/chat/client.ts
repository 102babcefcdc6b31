// Browser side of a chat turn: POST it, read TD's chunks as they arrive, and hand the page the text so far.
// The SSE parser is the same pure module the server uses (lib/td/sse has no server dependencies).
import { ApiError } from "@/lib/client/api";
import { isDone, SseParser } from "@/lib/td/sse";
import { usageFromWire, type MessageView, type TurnBody, type UsageView } from "./types";

export interface TurnProgress {
  content: string;
  reasoning: string;
  finishReason?: string;
  usage?: UsageView;
  /** An error the stream reported in a `data: {"error": …}` event. */
  streamError?: string;
}

export type TurnResult =
  /** The stream ended; `saved` is the stored answer the server sent last (missing if the connection broke). */
  | { kind: "done"; progress: TurnProgress; saved?: MessageView; userMessageId?: string; messageId?: string }
  /** Stopped here (the Stop button aborted the fetch). */
  | { kind: "aborted"; progress: TurnProgress; userMessageId?: string; messageId?: string }
  /** Refused before streaming: checks failed, or TD answered with an error (then `saved` is the stored failed answer). */
  | { kind: "failed"; error: ApiError; saved?: MessageView };

interface Chunk {
  choices?: { delta?: { content?: string | null; reasoning_content?: string | null }; finish_reason?: string | null }[];
  usage?: Parameters<typeof usageFromWire>[0];
  error?: { message?: string; code?: string };
}

export async function streamTurn(
  conversationId: string,
  body: TurnBody,
  signal: AbortSignal,
  onProgress: (p: TurnProgress) => void,
  prefix = "",
): Promise<TurnResult> {
  const progress: TurnProgress = { content: prefix, reasoning: "" };
  let res: Response;
  try {
    res = await fetch(`/api/v1/conversations/${conversationId}/messages`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      signal,
    });
  } catch (e) {
    if (signal.aborted) return { kind: "aborted", progress };
    return {
      kind: "failed",
      error: new ApiError(0, "network", (e as Error).message || "The studio server could not be reached."),
    };
  }
  const ids = {
    userMessageId: res.headers.get("X-User-Message-Id") ?? undefined,
    messageId: res.headers.get("X-Message-Id") ?? undefined,
  };
  if (!res.ok || !res.body || !/text\/event-stream/.test(res.headers.get("content-type") ?? "")) {
    const json = (await res.json().catch(() => undefined)) as
      | {
          error?: { code?: string; message?: string; field?: string } & Record<string, string | number>;
          message?: MessageView;
        }
      | undefined;
    const { code, message, field, ...details } = json?.error ?? {};
    return {
      kind: "failed",
      error: new ApiError(res.status, code ?? "http", message ?? `HTTP ${res.status}`, field, details),
      saved: json?.message,
    };
  }

  let saved: MessageView | undefined;
  const parser = new SseParser((data, event) => {
    if (event === "studio") {
      const s = JSON.parse(data) as { type: string; message?: MessageView };
      if (s.type === "saved") saved = s.message;
      return;
    }
    if (isDone(data)) return;
    let c: Chunk;
    try {
      c = JSON.parse(data) as Chunk;
    } catch {
      return; // the server names a malformed stream in the saved answer
    }
    if (c.error) progress.streamError = c.error.message ?? c.error.code ?? "error";
    const choice = c.choices?.[0];
    if (choice?.delta?.content) progress.content += choice.delta.content;
    if (choice?.delta?.reasoning_content) progress.reasoning += choice.delta.reasoning_content;
    if (choice?.finish_reason) progress.finishReason = choice.finish_reason;
    const u = usageFromWire(c.usage);
    if (u) progress.usage = u;
  });
  const reader = res.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.feed(value);
      onProgress({ ...progress });
    }
    parser.end();
  } catch {
    if (signal.aborted) return { kind: "aborted", progress, ...ids };
    return { kind: "done", progress, ...ids }; // the connection broke: the stored record says what was kept
  }
  return { kind: "done", progress, saved, ...ids };
}

/**
 * One streamed answer from the public gateway (POST /api/v1/chat/completions), text only: for small helpers
 * such as "improve this prompt". Errors arrive in OpenAI's shape and are thrown as ApiError.
 */
export async function streamCompletion(
  body: Record<string, unknown>,
  signal: AbortSignal,
  onText: (text: string) => void,
): Promise<{ text: string; finishReason?: string }> {
  let res: Response;
  try {
    res = await fetch("/api/v1/chat/completions", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ...body, stream: true }),
      signal,
    });
  } catch (e) {
    if (signal.aborted) throw e;
    throw new ApiError(0, "network", "The studio server could not be reached.");
  }
  if (!res.ok || !res.body) {
    const json = (await res.json().catch(() => undefined)) as
      { error?: { code?: string; message?: string } } | undefined;
    throw new ApiError(res.status, json?.error?.code ?? "http", json?.error?.message ?? `HTTP ${res.status}`);
  }
  let text = "";
  let finishReason: string | undefined;
  let failure: ApiError | undefined;
  const parser = new SseParser((data) => {
    if (isDone(data)) return;
    try {
      const c = JSON.parse(data) as Chunk;
      if (c.error)
        failure = new ApiError(502, c.error.code ?? "stream_interrupted", c.error.message ?? "The answer broke off.");
      const choice = c.choices?.[0];
      if (choice?.delta?.content) text += choice.delta.content;
      if (choice?.finish_reason) finishReason = choice.finish_reason;
    } catch {
      failure = new ApiError(502, "upstream_malformed", "A part of the answer could not be read.");
    }
  });
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.feed(value);
    onText(text);
  }
  parser.end();
  if (failure) throw failure;
  return { text, finishReason };
}
