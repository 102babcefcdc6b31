// Next.js calls register() once per server process: the engine starts with the server itself,
// so there is no separate worker to remember.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ log }, { metrics }, { config }] = await Promise.all([
    import("@/lib/log"),
    import("@/lib/metrics"),
    import("@/lib/config"),
  ]);
  // Made now, so that TD calls are counted from the first one, not from the first scrape.
  metrics();
  // `npm start` (scripts/launch.ts) asks Next to leave SIGTERM/SIGINT to us: drain, hand back leases, exit 0.
  if (process.env.NEXT_MANUAL_SIG_HANDLE === "true") {
    const { installShutdown } = await import("@/lib/health/shutdown");
    installShutdown(config().STUDIO_SHUTDOWN_TIMEOUT_MS);
  }
  if (process.env.STUDIO_ENGINE === "off") return;
  const { startEngine } = await import("@/lib/generations/engine");
  const { owner } = startEngine();
  log("engine").info({ owner }, "engine started");
}
