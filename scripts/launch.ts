import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { deployMigrations } from "./db/deploy";

/**
 * Shared by `npm run dev` and `npm start`: load .env, start the TD emulator when no TD key is set
 * (demo mode), apply migrations, then run Next. One command, nothing else to remember.
 */
export async function launch(kind: "dev" | "start") {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const env = { ...process.env };
  const port = Number(env.PORT ?? 3000);
  const children: ChildProcess[] = [];
  const server: { next?: ChildProcess } = {};
  let stopping = false;
  const stopAll = (code = 0) => {
    for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
    process.exit(code);
  };
  // SIGTERM/SIGINT: the server drains first (lib/health/shutdown.ts) and we exit when it has; the emulator after.
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const next = server.next;
    if (!next || next.exitCode !== null || next.signalCode !== null) return stopAll(0);
    next.kill(signal);
    const graceMs = Number(env.STUDIO_SHUTDOWN_TIMEOUT_MS || 10_000) + 10_000;
    setTimeout(() => {
      console.error(`[studio] the server did not stop within ${graceMs} ms; killing it.`);
      next.kill("SIGKILL");
      stopAll(1);
    }, graceMs).unref();
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));

  if (!env.TD_API_KEY && kind === "start" && env.STUDIO_DEMO !== "1") {
    // A production server must not quietly answer with sample media: demo mode there is a choice.
    console.error(
      "[studio] TD_API_KEY is not set. Set it (and TD_BASE_URL) to serve the real TD model pool, or set STUDIO_DEMO=1 to run this production build against the local TD emulator on purpose.",
    );
    process.exit(1);
  }
  if (!env.TD_API_KEY) {
    const emuPort = Number(env.EMULATOR_PORT ?? 0) || (await freePort(4010));
    const key = "demo-emulator-key";
    env.TD_BASE_URL = `http://127.0.0.1:${emuPort}`;
    env.TD_API_KEY = key;
    env.STUDIO_DEMO_MODE = "true";
    // The emulator runs on this machine, so it can fetch the studio's files: give it the local address.
    env.PUBLIC_BASE_URL ??= `http://127.0.0.1:${port}`;
    const emu = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "emulator/main.ts"], {
      env: { ...env, EMULATOR_PORT: String(emuPort), EMULATOR_API_KEY: key },
      stdio: "inherit",
    });
    children.push(emu);
    emu.on("exit", (code) => {
      if (stopping) return; // a signal to the whole process group reached it too
      console.error(`[studio] the TD emulator stopped (code ${code}); stopping the studio.`);
      stopAll(1);
    });
    await waitForPort(emuPort);
    console.log(`[studio] demo mode: no TD_API_KEY set, using the TD emulator at ${env.TD_BASE_URL}`);
  }

  // SQLite creates the file, not its folder.
  const dataDir = path.resolve(env.STUDIO_DATA_DIR ?? "./data");
  mkdirSync(dataDir, { recursive: true });
  if (env.DATABASE_URL?.startsWith("file:"))
    mkdirSync(path.dirname(path.resolve(env.DATABASE_URL.slice(5))), { recursive: true });
  if (!(await deployMigrations(env))) {
    console.error("[studio] database migration failed; see above.");
    stopAll(1);
  }

  const nextBin = path.resolve("node_modules/next/dist/bin/next");
  // Production: Next leaves SIGTERM/SIGINT to the studio's own handler (instrumentation.ts → lib/health/shutdown.ts).
  // libuv's thread pool (file writes and fsyncs, sharp, DNS) is 4 threads by default: the archiver's downloads then
  // queue with every other file operation, and under a burst even Next's own request handling waited seconds for
  // one (bench:engine). 32 threads cost a few MB; an operator's own setting wins.
  const pool = { UV_THREADPOOL_SIZE: env.UV_THREADPOOL_SIZE ?? "32" };
  const serverEnv = kind === "start" ? { ...env, ...pool, NEXT_MANUAL_SIG_HANDLE: "true" } : { ...env, ...pool };
  // Production runs scripts/server.js: Next's handling plus the chat gateway's fast lane (see that file).
  const args =
    kind === "start"
      ? [path.resolve("scripts/server.js")]
      : [nextBin, kind, "-p", String(port), ...(env.HOSTNAME ? ["-H", env.HOSTNAME] : [])];
  const next = spawn(process.execPath, args, { env: { ...serverEnv, PORT: String(port) }, stdio: "inherit" });
  server.next = next;
  children.push(next);
  // After a signal, a server that stopped (Next dev answers Ctrl-C with 130) is a clean stop.
  next.on("exit", (code) => stopAll(stopping ? 0 : (code ?? 0)));
  if (stopping) next.kill("SIGTERM");
}

function freePort(preferred: number): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once("error", () => {
      const any = net.createServer();
      any.listen(0, "127.0.0.1", () => {
        const p = (any.address() as net.AddressInfo).port;
        any.close(() => resolve(p));
      });
    });
    s.listen(preferred, "127.0.0.1", () => s.close(() => resolve(preferred)));
  });
}

async function waitForPort(port: number, timeoutMs = 30_000) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    const ok = await new Promise<boolean>((resolve) => {
      const sock = net.connect(port, "127.0.0.1", () => {
        sock.end();
        resolve(true);
      });
      sock.on("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the TD emulator did not start on port ${port}`);
}
