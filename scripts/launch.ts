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
  const stopAll = (code = 0) => {
    for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
    process.exit(code);
  };
  process.on("SIGINT", () => stopAll(0));
  process.on("SIGTERM", () => stopAll(0));

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
  const next = spawn(
    process.execPath,
    [nextBin, kind, "-p", String(port), ...(env.HOSTNAME ? ["-H", env.HOSTNAME] : [])],
    { env, stdio: "inherit" },
  );
  children.push(next);
  next.on("exit", (code) => stopAll(code ?? 0));
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
