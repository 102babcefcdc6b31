// Next.js calls register() once per server process: the engine starts with the server itself,
// so there is no separate worker to remember.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.STUDIO_ENGINE === "off") return;
  const { startEngine } = await import("@/lib/generations/engine");
  const { owner } = startEngine();
  console.log(`[engine] started (${owner})`);
}
