"use client";

import { useCallback, useRef, useState } from "react";
import { api } from "@/lib/client/api";
import type { TurnProgress, TurnResult } from "@/lib/chat/client";
import type { MessageView, TurnBody } from "@/lib/chat/types";

/** The turn being answered: the stored messages it builds on, the question (if new) and the answer so far. */
export interface LiveTurn {
  conversationId: string;
  base: MessageView[];
  user?: MessageView;
  assistant: MessageView;
  stopping: boolean;
}

const now = () => new Date().toISOString();

export function pendingMessage(role: "user" | "assistant", fields: Partial<MessageView>): MessageView {
  return {
    id: `pending-${role}`,
    position: -1,
    role,
    content: "",
    attachments: [],
    state: role === "assistant" ? "streaming" : "done",
    createdAt: now(),
    ...fields,
  };
}

/**
 * Streams one turn and shows it as it grows. Text updates are batched to one per animation frame, so a
 * fast stream does not re-render the page for every chunk. When the stream ends, `onSettled` reloads the
 * stored conversation (the record is the truth: it keeps what was stopped or cut off).
 */
export function useChatTurn(onSettled: (conversationId: string) => Promise<void>) {
  const [live, setLive] = useState<LiveTurn | null>(null);
  const abortRef = useRef<AbortController | null>(null);

  const start = useCallback(
    async (
      conversationId: string,
      body: TurnBody,
      base: MessageView[],
      user?: MessageView,
      prefix = "",
    ): Promise<TurnResult> => {
      const abort = new AbortController();
      abortRef.current = abort;
      setLive({
        conversationId,
        base,
        user,
        assistant: pendingMessage("assistant", { content: prefix, model: body.model }),
        stopping: false,
      });
      let latest: TurnProgress | undefined;
      let frame = 0;
      const paint = () => {
        frame = 0;
        const p = latest;
        if (p)
          setLive((l) =>
            l && l.conversationId === conversationId
              ? {
                  ...l,
                  assistant: {
                    ...l.assistant,
                    content: p.content,
                    reasoning: p.reasoning || undefined,
                    finishReason: p.finishReason,
                  },
                }
              : l,
          );
      };
      const onProgress = (p: TurnProgress) => {
        latest = p;
        if (!frame) frame = requestAnimationFrame(paint);
      };
      let result: TurnResult;
      try {
        // The stream reader (and its SSE parser) loads with the first turn, not with the page.
        const { streamTurn } = await import("@/lib/chat/client");
        result = await streamTurn(conversationId, body, abort.signal, onProgress, prefix);
      } finally {
        if (frame) cancelAnimationFrame(frame);
        abortRef.current = null;
      }
      // Refused before anything was stored (a check failed): nothing to reload.
      if (!(result.kind === "failed" && !result.saved)) await onSettled(conversationId).catch(() => undefined);
      setLive(null);
      return result;
    },
    [onSettled],
  );

  /** Stop: the server aborts TD's request and stores the partial answer; the browser's abort is the fallback. */
  const stop = useCallback(async (conversationId: string) => {
    setLive((l) => (l ? { ...l, stopping: true } : l));
    try {
      const r = await api<{ stopped: boolean }>(`/api/v1/conversations/${conversationId}/stop`, {
        method: "POST",
        signal: AbortSignal.timeout(6000),
      });
      if (!r.stopped) abortRef.current?.abort();
    } catch {
      abortRef.current?.abort();
    }
  }, []);

  return { live, start, stop };
}
