// The production server (`npm start` runs it through scripts/launch.ts): Next.js's own request handling, as
// `next start` does it, with one lane beside it. POSTs to the chat gateway's two completions paths go straight to
// their handler (lib/chat/fast-lane.ts, registered by instrumentation.ts), skipping about 2 ms of Next's routing
// on every request's time to first token (bench:chat). Plain JavaScript: it runs under `node`, with no compiler.
//   PORT (3000) and HOSTNAME (all interfaces) as for `next start`; run `next build` first.
import http from "node:http";
import { createRequire } from "node:module";

process.env.NODE_ENV = "production";
// Signals are the studio's (instrumentation.ts → lib/health/shutdown.ts: drain, hand back leases, exit 0).
process.env.NEXT_MANUAL_SIG_HANDLE = "true";
const { version } = createRequire(import.meta.url)("next/package.json");
process.title = `next-server (v${version})`;

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || undefined;
const { default: next } = await import("next");
const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port });
await app.prepare(); // loads the build and runs instrumentation.ts (the engine, the lane)
const handle = app.getRequestHandler();
const upgrade = app.getUpgradeHandler();

/**
 * The lane, once instrumentation.ts has registered it (prepare() starts register() but may return before its last
 * step; until then, and if it never comes, Next serves the gateway's paths through the routes in app/).
 * @returns {{ takes(req: http.IncomingMessage): boolean; serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> } | undefined}
 */
const lane = () => /** @type {any} */ (globalThis).__studioFastLane;

const server = http.createServer((req, res) => {
  const fast = lane();
  const served = fast?.takes(req) ? fast.serve(req, res) : handle(req, res);
  served.catch((err) => {
    console.error(`Failed to handle request for ${req.url}`, err);
    if (!res.headersSent) {
      res.statusCode = 500;
      res.end("Internal Server Error");
    } else res.destroy();
  });
});
server.on("upgrade", (req, socket, head) => {
  upgrade(req, socket, head).catch(() => socket.destroy());
});
server.on("error", (err) => {
  console.error("[studio] the server could not start:", err.message);
  process.exit(1);
});
server.listen(port, hostname, () => {
  const where = hostname ?? "0.0.0.0";
  console.log(`▲ Next.js ${version} (the studio's server: Next, and the chat gateway's fast lane)`);
  console.log(`- Local: http://${where === "0.0.0.0" ? "localhost" : where}:${port}`);
  console.log("✓ Ready");
});
