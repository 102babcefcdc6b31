import "server-only";
import { log } from "@/lib/log";

// The hot path of both chat endpoints: TD's SSE bytes go to the client exactly as they arrive — no parsing on
// the way, no re-serialising, no buffering, no compression. A TransformStream forwards each chunk first and
// only then lets an observer look at it (to store the turn); its cancel hook tells us the client went away.

export const SSE_HEADERS: Record<string, string> = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform keeps Next's gzip (and any proxy) from compressing, and so holding back, the event stream.
  "Cache-Control": "no-cache, no-transform",
  "X-Accel-Buffering": "no",
};

export type RelayOutcome =
  | { kind: "done" }
  /** The client went away, or the person pressed Stop. */
  | { kind: "canceled" }
  | { kind: "error"; reason: "network" | "timeout"; message: string };

export interface RelayTap {
  /** Sees every chunk after it was handed on. Must not throw. */
  chunk?(bytes: Uint8Array): void;
  /** Called once at the end, whatever the reason; bytes it returns are sent before the stream closes. */
  end(outcome: RelayOutcome): Promise<Uint8Array | undefined> | Uint8Array | undefined;
}

export interface RelayOptions {
  /** Aborts the upstream fetch: wired to the client's request.signal, the Stop button and the idle timer here. */
  abort: AbortController;
  /** Longest silence allowed between two upstream chunks. */
  idleMs: number;
  tap: RelayTap;
}

export const STOP_REASON = "stop";

export function relay(upstream: ReadableStream<Uint8Array>, o: RelayOptions): ReadableStream<Uint8Array> {
  let clientGone = false;
  const idle = setTimeout(
    () => o.abort.abort(new DOMException(`TD sent nothing for ${o.idleMs} ms.`, "TimeoutError")),
    o.idleMs,
  );
  // `cancel` (WHATWG 2023, in Node ≥ 20.x) is missing from TypeScript's DOM types: typed here.
  const transformer: Transformer<Uint8Array, Uint8Array> & { cancel(reason: unknown): void } = {
    transform(chunk, ctl) {
      ctl.enqueue(chunk);
      idle.refresh();
      o.tap.chunk?.(chunk);
    },
    cancel() {
      clientGone = true;
      o.abort.abort(new DOMException("The client went away.", "AbortError"));
    },
  };
  // Nothing is held back: a chunk is written only when the client has taken the previous one.
  const ts = new TransformStream<Uint8Array, Uint8Array>(transformer, { highWaterMark: 1 }, { highWaterMark: 0 });

  const finish = async (outcome: RelayOutcome) => {
    clearTimeout(idle);
    let tail: Uint8Array | undefined;
    try {
      tail = await o.tap.end(outcome);
    } catch (e) {
      log("chat").error({ err: e }, "finishing the stream failed");
    }
    if (clientGone) return;
    const w = ts.writable.getWriter();
    try {
      if (tail?.length) await w.write(tail);
      await w.close();
    } catch {
      /* the client went away meanwhile */
    }
  };

  // preventAbort/preventClose: the writable stays ours after the upstream ends, so a last event can follow it.
  upstream.pipeTo(ts.writable, { preventAbort: true, preventClose: true }).then(
    () => finish({ kind: "done" }),
    (e: unknown) => {
      const reason = o.abort.signal.reason as { name?: string; message?: string } | string | undefined;
      if (clientGone || reason === STOP_REASON || (typeof reason === "object" && reason?.name === "AbortError"))
        return finish({ kind: "canceled" });
      if (typeof reason === "object" && reason?.name === "TimeoutError")
        return finish({ kind: "error", reason: "timeout", message: reason.message ?? "TD went silent." });
      const cause = (e as { cause?: { message?: string } })?.cause?.message;
      return finish({
        kind: "error",
        reason: "network",
        message: `The answer stream broke off: ${cause ?? (e as Error)?.message ?? String(e)}`,
      });
    },
  );
  return ts.readable;
}

const encoder = new TextEncoder();

/** One SSE event, as bytes. */
export function sseEvent(data: unknown, event?: string): Uint8Array {
  return encoder.encode(`${event ? `event: ${event}\n` : ""}data: ${JSON.stringify(data)}\n\n`);
}
