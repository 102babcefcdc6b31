import "server-only";
import { log } from "@/lib/log";

// Graceful shutdown of a production server process (SIGTERM from the launcher, Docker, systemd or Kubernetes; SIGINT).
// Next.js is started with NEXT_MANUAL_SIG_HANDLE=true (scripts/launch.ts) so that it leaves the signals to us:
// readiness turns 503 at once, the engine stops claiming and hands back what it cannot finish in time, the open
// event streams are closed (the browsers reconnect to another process), then the process exits 0.

const g = globalThis as unknown as { __studioShutdown?: { since: number } };

export function isShuttingDown(): boolean {
  return !!g.__studioShutdown;
}

export async function shutdown(signal: string, timeoutMs: number): Promise<void> {
  if (g.__studioShutdown) return;
  g.__studioShutdown = { since: Date.now() };
  const deadline = Date.now() + timeoutMs;
  const l = log("shutdown");
  l.info({ signal, timeoutMs }, "shutting down: no new work is claimed");
  // Whatever happens below, the process is gone a little after the deadline.
  setTimeout(() => {
    l.error("shutdown took too long; exiting now");
    process.exit(0);
  }, timeoutMs + 5000).unref();
  try {
    const [{ closeEventStreams }, engine] = await Promise.all([
      import("@/lib/events/stream"),
      import("@/lib/generations/engine"),
    ]);
    const streams = closeEventStreams();
    const running = engine.runningEngine();
    const drained = running ? await running.drain(deadline) : undefined;
    l.info({ streams, ...drained, ms: Date.now() - g.__studioShutdown.since }, "shutdown complete");
  } catch (err) {
    l.error({ err }, "shutdown failed; exiting anyway");
  }
  process.exit(0);
}

/** Installed once per server process (instrumentation.ts) when Next leaves the signals to us. */
export function installShutdown(timeoutMs: number): void {
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void shutdown(signal, timeoutMs));
}
