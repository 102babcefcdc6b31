import Database from "better-sqlite3";
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import {
  closeSync,
  createReadStream,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { TERMINAL } from "../../lib/generations/status";

/**
 * Shared by the system tests (crash, soak) and the engine benchmark: the production studio server as a
 * child process in its own process group (so SIGKILL takes Next, the launcher and any ffmpeg with it),
 * REST calls that tell "never reached the server" from "lost in flight", and read-only looks at SQLite and disk.
 */

/** Where the built app lives (`.next/BUILD_ID`); the repository root unless STUDIO_APP_DIR says otherwise. */
export const APP_DIR = path.resolve(process.env.STUDIO_APP_DIR ?? process.cwd());

export function requireBuild(name: string) {
  // next.config.ts reads NEXT_DIST_DIR; the server started below inherits it, so both look in the same folder.
  const dist = path.join(APP_DIR, process.env.NEXT_DIST_DIR || ".next");
  if (!existsSync(path.join(dist, "BUILD_ID"))) {
    console.error(`${name}: no production build in ${dist} — run \`npm run build\` first.`);
    console.log(`${name}: 0 passed, 1 failed`);
    process.exit(1);
  }
}

export function freshDataDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
}

// Ctrl-C still runs the exit hooks below, so no server is left behind.
process.once("SIGINT", () => process.exit(130));
process.once("SIGTERM", () => process.exit(143));

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export interface StudioOptions {
  port: number;
  tdBaseUrl: string;
  apiKey: string;
  dataDir: string;
  pollMs: number;
  timeoutMs: number;
  /** STUDIO_TYPICAL_SCALE: the emulator's tasks take seconds, the catalog's typical times are minutes (default 0.02). */
  typicalScale?: number;
  /** Extra environment for the server. */
  env?: Record<string, string>;
}

/** The production server exactly as `npm start` runs it (migrate deploy, then scripts/server.js). */
export class Studio {
  child?: ChildProcess;
  starts = 0;
  readonly url: string;
  readonly dbFile: string;
  readonly logFile: string;
  /** An admin's API token, made on the first start (the studio's first-run setup). */
  token?: string;

  constructor(readonly o: StudioOptions) {
    this.url = `http://127.0.0.1:${o.port}`;
    this.dbFile = path.join(o.dataDir, "studio.db");
    this.logFile = path.join(o.dataDir, "server.log");
    process.once("exit", () => this.killNow());
  }

  get pid(): number | undefined {
    return this.child?.exitCode === null && this.child.signalCode === null ? this.child.pid : undefined;
  }

  async start(readyTimeoutMs = 90_000): Promise<number> {
    const t0 = Date.now();
    const out = openSync(this.logFile, "a");
    this.child = spawn(process.execPath, [path.join(APP_DIR, "node_modules/tsx/dist/cli.mjs"), "scripts/start.ts"], {
      cwd: APP_DIR,
      detached: true,
      stdio: ["ignore", out, out],
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(this.o.port),
        HOSTNAME: "127.0.0.1",
        TD_BASE_URL: this.o.tdBaseUrl,
        TD_API_KEY: this.o.apiKey,
        STUDIO_DATA_DIR: this.o.dataDir,
        DATABASE_URL: `file:${this.dbFile}`,
        STUDIO_POLL_MS: String(this.o.pollMs),
        TD_TIMEOUT_MS: String(this.o.timeoutMs),
        PUBLIC_BASE_URL: this.url,
        STUDIO_TYPICAL_SCALE: String(this.o.typicalScale ?? 0.02),
        NEXT_TELEMETRY_DISABLED: "1",
        ...this.o.env,
      },
    });
    closeSync(out);
    this.starts++;
    const child = this.child;
    const deadline = Date.now() + readyTimeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null)
        throw new Error(`the studio exited with code ${child.exitCode} while starting; see ${this.logFile}`);
      try {
        const r = await fetch(`${this.url}/api/v1/models`, { signal: AbortSignal.timeout(5000) });
        if (r.ok) {
          this.token ??= await firstRunToken(this.url);
          return Date.now() - t0;
        }
      } catch {
        /* not listening yet */
      }
      await sleep(150);
    }
    throw new Error(`the studio did not answer within ${readyTimeoutMs} ms; see ${this.logFile}`);
  }

  /** A crash: SIGKILL to the whole process group, no chance to clean up. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((r) => child.once("exit", () => r()));
    this.killNow();
    await exited;
  }

  killNow() {
    if (this.child?.pid && this.child.exitCode === null) {
      try {
        process.kill(-this.child.pid, "SIGKILL");
      } catch {
        /* already gone */
      }
    }
  }

  lastLog(lines = 30): string {
    try {
      return readFileSync(this.logFile, "utf8").split("\n").slice(-lines).join("\n");
    } catch {
      return "";
    }
  }
}

export type FirstRunAccount = { name: string; email: string; password: string; teamName: string };

/** First run of a fresh studio: the setup call makes its admin, whose session (cookies) then makes an API token. */
export async function firstRun(
  baseUrl: string,
  who: FirstRunAccount,
): Promise<{ cookies: { name: string; value: string }[]; token: string }> {
  const setup = await fetch(`${baseUrl}/api/v1/setup`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(who),
  });
  if (!setup.ok) throw new Error(`first-run setup failed: HTTP ${setup.status} ${await setup.text()}`);
  const cookies = setup.headers.getSetCookie().map((c) => {
    const pair = c.split(";")[0];
    const i = pair.indexOf("=");
    return { name: pair.slice(0, i), value: pair.slice(i + 1) };
  });
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const made = await fetch(`${baseUrl}/api/v1/tokens`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: cookie },
    body: JSON.stringify({ name: "first run" }),
  });
  if (!made.ok) throw new Error(`token failed: HTTP ${made.status} ${await made.text()}`);
  return { cookies, token: ((await made.json()) as { token: string }).token };
}

export async function firstRunToken(baseUrl: string): Promise<string> {
  return (
    await firstRun(baseUrl, {
      name: "System test",
      email: "system@test.local",
      password: "system-test-password",
      teamName: "System",
    })
  ).token;
}

export type CreateOutcome =
  | {
      kind: "answered";
      status: number;
      body: { id?: string; status?: string; error?: { code?: string } } & Record<string, unknown>;
    }
  /** Connection refused: the request never reached a server, so it is safe to send again. */
  | { kind: "refused" }
  /** Anything else (reset, timeout): the server may or may not have the record. */
  | { kind: "lost"; error: string };

export async function postGeneration(
  studio: { url: string; token?: string },
  body: unknown,
  timeoutMs = 30_000,
): Promise<CreateOutcome> {
  try {
    const r = await fetch(`${studio.url}/api/v1/generations`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${studio.token}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await r.text();
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(text);
    } catch {
      json = { raw: text.slice(0, 200) };
    }
    return { kind: "answered", status: r.status, body: json as Extract<CreateOutcome, { kind: "answered" }>["body"] };
  } catch (e) {
    const code = (e as { cause?: { code?: string } }).cause?.code;
    if (code === "ECONNREFUSED") return { kind: "refused" };
    return { kind: "lost", error: code ?? (e as Error).name ?? String(e) };
  }
}

export interface GenRow {
  id: string;
  prompt: string | null;
  status: string;
  upstreamTaskId: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  requestIds: string[];
  createdAt: number;
  submittedAt: number | null;
  finishedAt: number | null;
  nextPollAt: number | null;
  leaseOwner: string | null;
}
export interface AssetRow {
  id: string;
  generationId: string | null;
  archiveState: string;
  /** Poster/thumbnail: null (nothing to make) | pending | making | done */
  mediaState: string | null;
  storageKey: string | null;
  posterKey: string | null;
  size: number | null;
  sha256: string | null;
  upstreamUrl: string | null;
  archiveAttempts: number;
  archiveError: string | null;
}

/** Prisma's SQLite adapter stores DateTime as ISO text ("…+00:00"); older files may hold epoch ms. */
export function dbTime(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return v;
  const t = Date.parse(String(v));
  return Number.isFinite(t) ? t : null;
}

/** Read-only looks at the studio's SQLite file (WAL: never blocks the server's writes). */
export interface LedgerRow {
  generationId: string;
  state: string;
  unit: string;
  units: Record<string, number>;
  quantity: number;
  charge: number;
  failed: boolean;
}

export class StudioDb {
  private db?: Database.Database;
  constructor(private file: string) {}

  private conn(): Database.Database {
    this.db ??= new Database(this.file, { fileMustExist: true });
    this.db.pragma("busy_timeout = 5000");
    return this.db;
  }

  generations(): GenRow[] {
    const rows = this.conn()
      .prepare(
        `SELECT id, prompt, status, upstreamTaskId, errorCode, errorMessage, requestIds, createdAt, submittedAt, finishedAt, nextPollAt, leaseOwner FROM "Generation"`,
      )
      .all() as Record<string, unknown>[];
    return rows.map((r) => ({
      id: String(r.id),
      prompt: (r.prompt as string | null) ?? null,
      status: String(r.status),
      upstreamTaskId: (r.upstreamTaskId as string | null) ?? null,
      errorCode: (r.errorCode as string | null) ?? null,
      errorMessage: (r.errorMessage as string | null) ?? null,
      requestIds: JSON.parse(String(r.requestIds ?? "[]")),
      createdAt: dbTime(r.createdAt) ?? 0,
      submittedAt: dbTime(r.submittedAt),
      finishedAt: dbTime(r.finishedAt),
      nextPollAt: dbTime(r.nextPollAt),
      leaseOwner: (r.leaseOwner as string | null) ?? null,
    }));
  }

  /** The spend ledger's generation entries (lib/spend/ledger.ts). */
  ledger(): LedgerRow[] {
    return (
      this.conn()
        .prepare(
          `SELECT generationId, state, unit, units, quantity, charge, failed FROM "LedgerEntry" WHERE source = 'generation'`,
        )
        .all() as (Omit<LedgerRow, "units" | "failed"> & { units: string; failed: number })[]
    ).map((r) => ({ ...r, units: JSON.parse(r.units) as Record<string, number>, failed: !!r.failed }));
  }

  assets(): AssetRow[] {
    return this.conn()
      .prepare(
        `SELECT id, generationId, archiveState, mediaState, storageKey, posterKey, size, sha256, upstreamUrl, archiveAttempts, archiveError FROM "Asset" WHERE origin = 'output'`,
      )
      .all() as AssetRow[];
  }

  /** When the engine learned each generation's outputs (its output rows are written in that moment). */
  outputsKnownAt(): Map<string, number> {
    const rows = this.conn()
      .prepare(
        `SELECT generationId AS g, MIN(createdAt) AS at FROM "Asset" WHERE origin = 'output' AND generationId IS NOT NULL GROUP BY generationId`,
      )
      .all() as { g: string; at: unknown }[];
    return new Map(rows.map((r) => [r.g, dbTime(r.at) ?? 0]));
  }

  /** Active generations whose poll was due before `cutoff` (an engine falling behind), and how late the oldest is. */
  overdue(cutoff: number): { overdue: number; oldestMs: number; active: number } {
    const iso = new Date(cutoff).toISOString().replace("Z", "+00:00");
    const due = this.conn()
      .prepare(
        `SELECT COUNT(*) AS n, MIN(nextPollAt) AS oldest FROM "Generation" WHERE status IN ('queued', 'running') AND nextPollAt <= ?`,
      )
      .get(iso) as { n: number; oldest: unknown };
    const active = this.conn()
      .prepare(`SELECT COUNT(*) AS n FROM "Generation" WHERE status IN ('queued', 'running')`)
      .get() as { n: number };
    const oldest = dbTime(due.oldest);
    return { overdue: due.n, oldestMs: oldest ? Date.now() - oldest : 0, active: active.n };
  }

  close() {
    this.db?.close();
    this.db = undefined;
  }
}

export { TERMINAL };

/** Every file under a folder, recursively. */
export function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash("sha256");
    createReadStream(file)
      .on("data", (c) => h.update(c))
      .on("end", () => resolve(h.digest("hex")))
      .on("error", reject);
  });
}

/** Outputs whose poster or thumbnail is still to be made (the media loop runs after the file is stored). */
export const mediaOpen = (assets: AssetRow[]) =>
  assets.filter((a) => a.mediaState === "pending" || a.mediaState === "making").length;

/** Archived outputs match their recorded size and sha256; no temp file (`*.part`, `*.incoming`) is left behind. */
export async function checkStorage(dataDir: string, assets: AssetRow[]) {
  const root = path.join(dataDir, "files");
  const bad: string[] = [];
  for (const a of assets.filter((x) => x.archiveState === "archived")) {
    const file = path.join(root, a.storageKey ?? "(none)");
    if (!a.storageKey || !existsSync(file)) {
      bad.push(`${a.id}: ${a.storageKey} missing`);
      continue;
    }
    const size = statSync(file).size;
    const sha = await sha256File(file);
    if (size !== a.size || sha !== a.sha256)
      bad.push(`${a.id}: on disk ${size} B ${sha.slice(0, 12)}…, recorded ${a.size} B ${a.sha256?.slice(0, 12)}…`);
  }
  const leftovers = walk(root)
    .filter((f) => f.endsWith(".part") || f.endsWith(".incoming"))
    .map((f) => path.relative(root, f));
  return { checked: assets.filter((x) => x.archiveState === "archived").length, bad, leftovers };
}

/** Named checks with one final `name: N passed, M failed` line. */
export class Checks {
  passed = 0;
  failed = 0;
  constructor(private name: string) {}

  check(label: string, ok: boolean, detail = "") {
    if (ok) this.passed++;
    else this.failed++;
    console.log(`  ${ok ? "✓" : "✗"} ${label}${detail ? ` — ${detail}` : ""}`);
  }

  /** Prints the final line; the data folder is removed when everything passed, kept for a look otherwise. */
  finish(dataDir?: string): never {
    if (dataDir && !this.failed) rmSync(dataDir, { recursive: true, force: true });
    else if (dataDir) console.log(`  data kept in ${dataDir}`);
    console.log(`${this.name}: ${this.passed} passed, ${this.failed} failed`);
    process.exit(this.failed ? 1 : 0);
  }
}

/** How every system run ends: the stored files match their records and nothing half-written is left; then all stops. */
export async function finishRun(
  c: Checks,
  storage: Awaited<ReturnType<typeof checkStorage>>,
  run: {
    db: { close(): void };
    studio: { kill(): Promise<unknown> };
    emu: { close(): Promise<unknown> };
    dataDir: string;
  },
): Promise<never> {
  c.check(
    `every archived file on disk has its recorded size and sha256 (${storage.checked})`,
    storage.bad.length === 0,
    storage.bad.join("; "),
  );
  c.check("no *.part or *.incoming file left in storage", storage.leftovers.length === 0, storage.leftovers.join(", "));
  run.db.close();
  await run.studio.kill();
  await run.emu.close();
  return c.finish(run.dataDir);
}

export function countBy<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return out;
}

/** Downloads answered 200 per output file id (the emulator logs the file id as `taskId`). */
export function downloadsPerFile(log: { op?: string; taskId?: string; status?: number }[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of log)
    if (l.op === "download" && l.status === 200 && l.taskId) m.set(l.taskId, (m.get(l.taskId) ?? 0) + 1);
  return m;
}

/** The file id in an emulator output URL (`/files/{id}.mp4?Expires…`). */
export function fileIdOf(url: string | null): string | undefined {
  return url ? /\/files\/([^/.?]+)/.exec(url)?.[1] : undefined;
}

/** The first free TCP port from `from` upwards. */
export function freePort(from: number): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once("error", () => resolve(freePort(from + 1)));
    s.listen(from, "127.0.0.1", () => s.close(() => resolve(from)));
  });
}
