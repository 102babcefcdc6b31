// Next.js calls register() once per server process: the engine starts with the server itself,
// so there is no separate worker to remember.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Diagnostics: STUDIO_CPU_PROFILE=<file> samples the server's JavaScript thread from the start; each SIGUSR2
  // writes what was sampled so far to that file (open it in Chrome DevTools → Performance) and starts again.
  if (process.env.STUDIO_CPU_PROFILE) {
    const inspector = await import("node:inspector");
    const fs = await import("node:fs");
    const s = new inspector.Session();
    s.connect();
    s.post("Profiler.enable", () =>
      s.post("Profiler.setSamplingInterval", { interval: 500 }, () => s.post("Profiler.start")),
    );
    process.on("SIGUSR2", () =>
      s.post("Profiler.stop", (err, r) => {
        if (!err) fs.writeFileSync(process.env.STUDIO_CPU_PROFILE!, JSON.stringify(r.profile));
        s.post("Profiler.start");
      }),
    );
  }
  const [{ log }, { metrics }, { config }] = await Promise.all([
    import("@/lib/log"),
    import("@/lib/metrics"),
    import("@/lib/config"),
  ]);
  // Made now, so that TD calls are counted from the first one, not from the first scrape.
  metrics();
  // The chat gateway's fast lane, for the production server (scripts/server.js) to find; unused under `next dev`.
  const { fastLane } = await import("@/lib/chat/fast-lane");
  (globalThis as { __studioFastLane?: typeof fastLane }).__studioFastLane = fastLane;
  // `npm start` (scripts/launch.ts) asks Next to leave SIGTERM/SIGINT to us: drain, hand back leases, exit 0.
  if (process.env.NEXT_MANUAL_SIG_HANDLE === "true") {
    const { installShutdown } = await import("@/lib/health/shutdown");
    installShutdown(config().STUDIO_SHUTDOWN_TIMEOUT_MS);
  }
  // Every process, engine or not, tells the others of a revoked token or a finished task, and hears theirs.
  (await import("@/lib/generations/relay")).joinRelay();
  if (process.env.STUDIO_ENGINE === "off") return;
  const { startEngine } = await import("@/lib/generations/engine");
  const { owner } = startEngine();
  log("engine").info({ owner }, "engine started");
}
