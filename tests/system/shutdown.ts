import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { startEmulator } from "@/emulator";
import {
  Checks,
  freePort,
  freshDataDir,
  postGeneration,
  requireBuild,
  sleep,
  Studio,
  StudioDb,
  TERMINAL,
} from "../../scripts/harness";

/**
 * Graceful shutdown: the production server (`npm start`'s launcher) gets SIGTERM while status polls hang at TD and
 * a browser's event stream is open. It must close the stream, exit 0 within STUDIO_SHUTDOWN_TIMEOUT_MS (plus the
 * launcher's own small overhead), leave no lease or download claim held, and a restarted server must take the work
 * on its first passes, not after the 60 s lease.
 *   node node_modules/tsx/dist/cli.mjs tests/system/shutdown.ts
 * Env: SHUTDOWN_PORT (3310), SHUTDOWN_TIMEOUT_MS (3000).
 */
const TIMEOUT_MS = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 3000);
const N = 6;

requireBuild("shutdown");
const t0 = Date.now();
const log = (m: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1).padStart(5)} s] ${m}`);

const KEY = "shutdown-key";
// Tasks take 6 s; a hung status poll is held 60 s — far longer than the shutdown may wait.
const emu = await startEmulator({ port: 0, apiKey: KEY, taskSeconds: 6, hangMs: 60_000, quiet: true });
const dataDir = freshDataDir("studio-shutdown");
const studio = new Studio({
  port: await freePort(Number(process.env.SHUTDOWN_PORT ?? 3310)),
  tdBaseUrl: emu.url,
  apiKey: KEY,
  dataDir,
  pollMs: 300,
  timeoutMs: 90_000,
  env: { STUDIO_SHUTDOWN_TIMEOUT_MS: String(TIMEOUT_MS), STUDIO_METRICS_TOKEN: "shutdown-metrics-token-0123" },
});
log(`emulator ${emu.url}, studio ${studio.url}, data ${dataDir}`);
await studio.start();
const c = new Checks("shutdown");

const run = randomUUID().slice(0, 6);
const ids: string[] = [];
for (let i = 0; i < N; i++) {
  // Half of them hang on their first status poll: those polls are in flight, their leases held, at SIGTERM.
  const prompt = `shutdown ${run} #${i}: a slow pan over a harbour${i % 2 === 0 ? " [[fault:hang@poll]]" : ""}`;
  const r = await postGeneration(studio, { model: "T0401001", mode: "text-to-video", prompt });
  if (r.kind !== "answered" || r.status !== 201 || !r.body.id) throw new Error(`create failed: ${JSON.stringify(r)}`);
  ids.push(r.body.id);
}
let db = new StudioDb(studio.dbFile);
const held = () => db.generations().filter((g) => ids.includes(g.id) && g.leaseOwner && !TERMINAL.has(g.status));
// Every hanging poll in flight (their first poll is the one that hangs; a later one would not).
const hanging = ids.filter((_, i) => i % 2 === 0);
const hungHeld = () => held().filter((g) => hanging.includes(g.id)).length;
const waitStart = Date.now();
while (hungHeld() < hanging.length && Date.now() - waitStart < 60_000) await sleep(100);
const leasedBefore = hungHeld();
log(`${leasedBefore} generations leased by the server (hung polls in flight)`);
c.check("hung polls hold leases before the signal", leasedBefore === hanging.length, `${leasedBefore} held`);

// A browser's event stream, open at the signal: it must be ended by the server, not cut by the exit.
const events = await fetch(`${studio.url}/api/v1/events`, { headers: { Authorization: `Bearer ${studio.token}` } });
const reader = events.body!.getReader();
await reader.read(); // `ready`
const streamEnded = (async () => {
  for (;;) if ((await reader.read()).done) return Date.now();
})().catch(() => -1);

const child = studio.child!;
const exited = new Promise<{ code: number | null; at: number }>((r) =>
  child.once("exit", (code) => r({ code, at: Date.now() })),
);
const signalAt = Date.now();
process.kill(child.pid!, "SIGTERM"); // the launcher alone, as Docker or systemd would
const { code, at } = await Promise.race([
  exited,
  sleep(TIMEOUT_MS + 30_000).then(() => ({ code: -1, at: Date.now() })),
]);
const took = at - signalAt;
log(`exit code ${code} after ${took} ms`);
c.check("the server exits 0 on SIGTERM", code === 0, `code ${code}`);
c.check(
  `it exits within the shutdown timeout (${TIMEOUT_MS} ms + 3 s for the launcher)`,
  took <= TIMEOUT_MS + 3000,
  `${took} ms`,
);
const endedAt = await Promise.race([streamEnded, sleep(1000).then(() => -2)]);
c.check("the open event stream was ended by the server", endedAt > 0, endedAt === -1 ? "errored (cut)" : "");

const stillHeld = held();
c.check("no poll lease is left held", stillHeld.length === 0, stillHeld.map((g) => g.id).join(", "));
const raw = new Database(studio.dbFile, { readonly: true });
const claims = raw
  .prepare(`SELECT COUNT(*) AS n FROM "Asset" WHERE "archiveState" = 'archiving' AND "archiveClaim" IS NOT NULL`)
  .get() as { n: number };
raw.close();
c.check("no download claim is left held", claims.n === 0, `${claims.n} held`);
const serverLog = readFileSync(studio.logFile, "utf8");
const done = serverLog
  .split("\n")
  .filter((l) => l.startsWith("{"))
  .map((l) => JSON.parse(l) as { msg?: string; pollsReleased?: number; component?: string })
  .find((e) => e.msg === "shutdown complete");
c.check(
  "the log says so, as a JSON line, with the leases it handed back",
  !!done && (done.pollsReleased ?? 0) >= hanging.length,
  JSON.stringify(done),
);

// A restart takes the handed-back work at once (a lease left held would keep it 60 s). The migration on start
// wants the database to itself: our reader connection is closed meanwhile.
const callsBefore = new Map(db.generations().map((g) => [g.id, g.requestIds.length]));
db.close();
const restartAt = Date.now();
await studio.start();
db = new StudioDb(studio.dbFile);
// The handed-back rows were due: the new process's first passes poll them (a held lease would block them ≥ 30 s more).
const upAt = Date.now();
const repolled = () =>
  db.generations().filter((g) => hanging.includes(g.id) && g.requestIds.length > (callsBefore.get(g.id) ?? 0)).length;
while (repolled() < hanging.length && Date.now() - upAt < 30_000) await sleep(100);
const tookOver = Date.now() - upAt;
log(`the restarted server polled the ${repolled()} handed-back generations ${tookOver} ms after it was up`);
c.check(
  "the restarted server polls the handed-back work within 10 s of being up",
  repolled() === hanging.length && tookOver < 10_000,
  `${tookOver} ms`,
);
const pending = new Set(ids);
while (pending.size && Date.now() - restartAt < 45_000) {
  for (const g of db.generations()) if (pending.has(g.id) && TERMINAL.has(g.status)) pending.delete(g.id);
  await sleep(200);
}
const settled = Date.now() - restartAt;
log(`after the restart every generation was terminal in ${settled} ms (${pending.size} not)`);
const statuses = db.generations().filter((g) => ids.includes(g.id));
c.check(
  "after a restart every generation finishes, well before a 60 s lease could have run out",
  pending.size === 0 && settled < 40_000 && statuses.every((g) => g.status === "succeeded"),
  statuses.map((g) => `${g.status}${g.errorCode ? `:${g.errorCode}` : ""}`).join(", "),
);
db.close();
await studio.kill();
await emu.close();
c.finish(dataDir);
