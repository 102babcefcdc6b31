import "server-only";
import { STOP_REASON } from "./relay";

// Turns being answered in this process: one per conversation, so Stop can reach the upstream request even
// when the browser's own abort does not travel (a proxy keeping the connection open), and so a stored
// answer without a finish can be told apart: still streaming here, or cut off by a restart.

interface ActiveTurn {
  messageId: string;
  abort: AbortController;
  /** Settles once the turn's last save is done. */
  finished: Promise<void>;
}

const g = globalThis as unknown as { __chatActive?: Map<string, ActiveTurn> };
const active = (g.__chatActive ??= new Map());

export function activeTurn(conversationId: string): ActiveTurn | undefined {
  return active.get(conversationId);
}

export function isStreaming(messageId: string): boolean {
  for (const t of active.values()) if (t.messageId === messageId) return true;
  return false;
}

/** Claims the conversation for one turn; false when another turn is still being answered. */
export function beginTurn(conversationId: string, turn: ActiveTurn): boolean {
  if (active.has(conversationId)) return false;
  active.set(conversationId, turn);
  return true;
}

export function endTurn(conversationId: string, messageId: string) {
  if (active.get(conversationId)?.messageId === messageId) active.delete(conversationId);
}

/** Stop: aborts the upstream request and waits (up to `waitMs`) until the turn has stored its partial answer. */
export async function stopTurn(conversationId: string, waitMs = 5000): Promise<boolean> {
  const t = active.get(conversationId);
  if (!t) return false;
  t.abort.abort(STOP_REASON);
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([t.finished, new Promise((r) => (timer = setTimeout(r, waitMs)))]);
  clearTimeout(timer);
  return true;
}
