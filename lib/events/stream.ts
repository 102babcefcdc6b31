import "server-only";
import { subscribeTeam, teamVersion, type TeamEvent } from "./team-events";

/**
 * An event every so often keeps proxies from dropping an idle stream and lets the tab tell a live stream from a
 * dead one (EventSource does not surface comment lines, so it is a named event, without an id).
 */
export const HEARTBEAT_MS = 15_000;
/** How long a browser waits before reconnecting after the stream dropped (the `retry:` field). */
export const RETRY_MS = 3_000;

const encoder = new TextEncoder();

/**
 * The open streams of this process, so that a graceful shutdown can end them (the browsers reconnect elsewhere).
 * On globalThis: the shutdown (instrumentation) and the route may hold separate copies of this module.
 */
const gs = globalThis as unknown as { __studioEventStreams?: Set<() => void> };
const open = (gs.__studioEventStreams ??= new Set());

/** Ends every open event stream; answers how many there were. */
export function closeEventStreams(): number {
  const n = open.size;
  for (const stop of [...open]) stop();
  return n;
}
const HEARTBEAT = encoder.encode("event: heartbeat\ndata: {}\n\n");

function frame(e: TeamEvent): Uint8Array {
  const { type, ...data } = e;
  return encoder.encode(`id: ${e.version}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
}

/**
 * GET /api/v1/events: one team's events as server-sent events, from now on. `ready` first (with the team's
 * version); a tab that reconnects with an older Last-Event-ID gets `changed` (topic "any") at once, because it
 * missed something. Heartbeats every HEARTBEAT_MS; the subscription ends when the client goes away.
 */
export async function teamEventStream(
  teamId: string,
  signal: AbortSignal,
  lastEventId: string | null,
  heartbeatMs = HEARTBEAT_MS,
): Promise<Response> {
  let stop = () => {};
  const body = new ReadableStream<Uint8Array>({
    async start(ctl) {
      let closed = false;
      const send = (bytes: Uint8Array) => {
        if (closed) return;
        try {
          ctl.enqueue(bytes);
        } catch {
          stop();
        }
      };
      // Subscribe before reading the version, so nothing published in between is lost.
      const unsubscribe = subscribeTeam(teamId, (e) => send(frame(e)));
      const beat = setInterval(() => send(HEARTBEAT), heartbeatMs);
      stop = () => {
        if (closed) return;
        closed = true;
        open.delete(stop);
        clearInterval(beat);
        unsubscribe();
        try {
          ctl.close();
        } catch {
          /* already closed */
        }
      };
      open.add(stop);
      if (signal.aborted) return stop();
      signal.addEventListener("abort", stop, { once: true });
      const version = await teamVersion(teamId);
      send(
        encoder.encode(`retry: ${RETRY_MS}\nid: ${version}\nevent: ready\ndata: ${JSON.stringify({ version })}\n\n`),
      );
      const last = lastEventId != null && /^\d+$/.test(lastEventId) ? Number(lastEventId) : undefined;
      if (last !== undefined && last < version) send(frame({ type: "changed", version, topic: "any" }));
    },
    cancel() {
      stop();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}
