import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { startEmulator } from "@/emulator";
import { postgresBin, startPgCluster } from "../../scripts/db/pg-cluster";
import {
  mediaOpen,
  Checks,
  checkStorage,
  countBy,
  downloadsPerFile,
  freePort,
  freshDataDir,
  postGeneration,
  requireBuild,
  sleep,
  Studio,
  TERMINAL,
} from "../../scripts/harness";
import { createPgDatabase, PgStudioDb } from "../../scripts/harness/pg-db";
import { crashChecks, type CreateLog } from "./multi-checks";

/**
 * Several app processes on one PostgreSQL: three production servers (`npm start`) share a throw-away cluster's
 * database and one data folder, with one emulator as TD.
 *   (c) a status change made through one process (a create) reaches an event stream open on another within a second;
 *   (b) a budget that fits N cells, with creates sent through all three at once: exactly N reach TD;
 *   (a) MULTI_N generations through the REST API spread over the three while a random process is SIGKILLed (and
 *       restarted) MULTI_KILLS times: afterwards every record terminal, nothing lost or done twice, no lease held.
 *   node node_modules/tsx/dist/cli.mjs tests/system/multi.ts
 * Env: MULTI_N (500), MULTI_KILLS (5), MULTI_CREATORS (6), MULTI_PORT (3410), MULTI_SETTLE_MS (150000).
 */
const N = Number(process.env.MULTI_N ?? 500);
const KILLS = Number(process.env.MULTI_KILLS ?? 5);
const CREATORS = Number(process.env.MULTI_CREATORS ?? 6);
const SETTLE_MAX_MS = Number(process.env.MULTI_SETTLE_MS ?? 150_000);
const BUDGET_CELLS = 10;

requireBuild("multi");
if (!postgresBin()) {
  console.error("multi: PostgreSQL is not installed (apt-get install postgresql)");
  console.log("multi: 0 passed, 1 failed");
  process.exit(1);
}
const t0 = Date.now();
const secs = () => ((Date.now() - t0) / 1000).toFixed(1);
const log = (m: string) => console.log(`[${secs().padStart(5)} s] ${m}`);

const KEY = "multi-key";
const emu = await startEmulator({ port: 0, apiKey: KEY, taskSeconds: 2, quiet: true });
const cluster = await startPgCluster();
let clusterUp = true;
const stopCluster = () => {
  if (clusterUp) cluster.stop();
  clusterUp = false;
};
process.once("exit", stopCluster);
const dbUrl = createPgDatabase(cluster.url(), "studio_multi");
// One data folder for the stored files; each process keeps its own log beside it.
const dataDir = freshDataDir("studio-multi");
const filesDir = path.join(dataDir, "shared");
mkdirSync(filesDir);
let port = Number(process.env.MULTI_PORT ?? 3410);
const studios: Studio[] = [];
for (const name of ["a", "b", "c"]) {
  const own = path.join(dataDir, name);
  mkdirSync(own);
  port = await freePort(port + 1);
  studios.push(
    new Studio({
      port,
      tdBaseUrl: emu.url,
      apiKey: KEY,
      dataDir: own,
      pollMs: 300,
      timeoutMs: 3000,
      env: {
        DATABASE_URL: dbUrl,
        STUDIO_DATA_DIR: filesDir,
        STUDIO_DB_POOL_SIZE: "5",
        STUDIO_RATE_CREATE_PER_MINUTE: "1000000",
      },
    }),
  );
}
const [A, B, C] = studios;
log(`emulator ${emu.url}, PostgreSQL ${dbUrl}, studios ${studios.map((s) => s.url).join(" ")}, data ${dataDir}`);
// The first start migrates the database and makes the admin; the others share that admin's token.
log(`a up in ${await A.start()} ms`);
B.token = C.token = A.token;
const ups = await Promise.all([B.start(), C.start()]);
log(`b, c up in ${ups.join(", ")} ms`);
const db = new PgStudioDb(dbUrl);
const c = new Checks("multi");

const call = async (s: Studio, method: string, url: string, body?: unknown) => {
  const r = await fetch(`${s.url}${url}`, {
    method,
    headers: { Authorization: `Bearer ${s.token}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  return { status: r.status, json: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
};

// ── (c) a status change through one process reaches an event stream on another ──
async function eventLatency(from: Studio, to: Studio, label: string): Promise<number> {
  const ctl = new AbortController();
  const res = await fetch(`${to.url}/api/v1/events`, {
    headers: { Authorization: `Bearer ${to.token}` },
    signal: ctl.signal,
  });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buf = "";
  const seen: { at: number; type: string }[] = [];
  let ready!: () => void;
  const isReady = new Promise<void>((r) => (ready = r));
  const pump = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buf += decoder.decode(value, { stream: true });
      for (let i = buf.indexOf("\n\n"); i >= 0; i = buf.indexOf("\n\n")) {
        const block = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const type = /^event: (.*)$/m.exec(block)?.[1] ?? "message";
        if (type === "ready") ready();
        seen.push({ at: Date.now(), type });
      }
    }
  })().catch(() => undefined);
  await isReady;
  // The change: a generation created through `from` (its record, with its status, is committed before the answer).
  const sentAt = Date.now();
  const made = await postGeneration(from, {
    model: "T0101007",
    mode: "text-to-video",
    prompt: `multi events ${label} [[seconds:400]]`,
  });
  const answeredAt = Date.now();
  if (made.kind !== "answered" || made.status !== 201 || !made.body.id)
    throw new Error(`create through ${from.url} failed: ${JSON.stringify(made)}`);
  const { id, status } = made.body as { id: string; status: string };
  // Another process's change reaches this stream as `changed` (its NOTIFY); the tab then reads what changed, from
  // the process it is connected to. Seen = that read shows the new record with its status.
  let handled = 0;
  let seenAt = 0;
  while (!seenAt && Date.now() - answeredAt < 5000) {
    const next = seen.slice(handled).findIndex((e) => e.type === "changed" && e.at >= sentAt);
    if (next < 0) {
      await sleep(5);
      continue;
    }
    handled += next + 1;
    const read = await call(to, "GET", `/api/v1/generations/${id}`);
    if (read.status === 200 && read.json.status === status) seenAt = Date.now();
  }
  ctl.abort();
  await pump;
  log(
    `(c) ${label}: created through ${from.url} (answered in ${answeredAt - sentAt} ms) → "${status}" seen on ${to.url} ${seenAt ? seenAt - answeredAt : "never"} ms after the answer`,
  );
  return seenAt ? seenAt - answeredAt : Infinity;
}
const latencies = [await eventLatency(A, B, "a→b"), await eventLatency(B, C, "b→c"), await eventLatency(C, A, "c→a")];
c.check(
  "(c) a status change through one process reaches an event stream on another within 1 s (3 pairs)",
  latencies.every((l) => l <= 1000),
  `${latencies.join(", ")} ms (from the create's answer to the other process's tab reading it after its event)`,
);

// ── (b) a budget that fits BUDGET_CELLS cells; creates through all three processes at once ──
const prices = await call(A, "PUT", "/api/v1/prices", {
  currency: "CNY",
  items: [{ model: "T0401001", unit: "video_second", price: 1 }],
});
const me = await call(A, "GET", "/api/v1/me");
const userId = (me.json.user as { id: string }).id;
const setBudget = (monthly: number | null) => call(A, "PUT", "/api/v1/budgets", { members: { [userId]: { monthly } } });
const put = await setBudget(BUDGET_CELLS * 3);
if (prices.status !== 200 || put.status !== 200)
  throw new Error(`budget setup failed: prices ${prices.status}, budget ${put.status} ${JSON.stringify(put.json)}`);
const tag = randomUUID().slice(0, 6);
const burst = await Promise.all(
  Array.from({ length: BUDGET_CELLS * 3 }, (_, i) =>
    postGeneration(studios[i % 3], {
      model: "T0401001",
      mode: "text-to-video",
      prompt: `multi budget ${tag} #${i}`,
      params: { duration: 3 },
    }),
  ),
);
const answers = countBy(burst, (r) => (r.kind === "answered" ? `${r.status}` : r.kind));
const reachedTd = emu.tasks.all().filter((t) => t.prompt.startsWith(`multi budget ${tag} `)).length;
log(`(b) ${BUDGET_CELLS * 3} creates for a budget of ${BUDGET_CELLS}: ${JSON.stringify(answers)}; ${reachedTd} at TD`);
c.check(
  `(b) a budget of ${BUDGET_CELLS} cells, ${BUDGET_CELLS * 3} concurrent creates through 3 processes: exactly ${BUDGET_CELLS} accepted and at TD, the rest 402`,
  answers["201"] === BUDGET_CELLS && answers["402"] === BUDGET_CELLS * 2 && reachedTd === BUDGET_CELLS,
  JSON.stringify({ ...answers, reachedTd }),
);
await setBudget(null);

// ── (a) N generations over three processes, a random one SIGKILLed KILLS times ──
const run = randomUUID().slice(0, 6);
const creates: CreateLog = { accepted: [], lost: [], other: [], refusedRetries: 0 };
let inFlight = 0;
let creating = true;
const kills: { at: string; who: number; inFlight: number; restartMs: number; killedAt: number }[] = [];

async function createOne(i: number) {
  const prompt = `multi ${run} #${i}: a paper boat crossing a rainy street`;
  inFlight++;
  try {
    for (let attempt = 0; ; attempt++) {
      // Spread over the three; a refused create (never reached a server) goes to the next one.
      const r = await postGeneration(studios[(i + attempt) % 3], { model: "T0401001", mode: "text-to-video", prompt });
      if (r.kind === "refused") {
        creates.refusedRetries++;
        await sleep(50);
        continue;
      }
      if (r.kind === "lost") creates.lost.push({ i, error: r.error });
      else if (r.status === 201 && r.body.id) creates.accepted.push({ i, id: r.body.id });
      else creates.other.push({ i, status: r.status, body: r.body });
      return;
    }
  } finally {
    inFlight--;
  }
}

async function createAll() {
  let next = 0;
  await Promise.all(
    Array.from({ length: CREATORS }, async () => {
      while (next < N) await createOne(next++);
    }),
  );
  creating = false;
  log(
    `(a) creates done: ${creates.accepted.length} accepted, ${creates.lost.length} lost in flight, ${creates.other.length} other, ${creates.refusedRetries} refused+resent`,
  );
}

async function killLoop() {
  for (let k = 1; k <= KILLS; k++) {
    await sleep(2000 + Math.random() * 3000);
    const who = Math.floor(Math.random() * 3);
    const busy = inFlight;
    const killedAt = Date.now();
    const at = secs();
    await studios[who].kill();
    log(
      `(a) kill ${k}/${KILLS}: SIGKILL process ${"abc"[who]}, ${busy} creates in flight${creating ? "" : " (creates done)"}`,
    );
    await sleep(500 + Math.random() * 500);
    const restartMs = await studios[who].start();
    kills.push({ at, who, inFlight: busy, restartMs, killedAt });
    log(`(a) process ${"abc"[who]} restarted in ${restartMs} ms`);
  }
}

const aStart = Date.now();
try {
  await Promise.all([createAll(), killLoop()]);
} catch (e) {
  console.error(`multi: the run stopped: ${(e as Error).message}\n${studios.map((s) => s.lastLog(10)).join("\n")}`);
  console.log(`multi: ${c.passed} passed, ${c.failed + 1} failed`);
  process.exit(1);
}

// Settle: every record terminal and every output archived (a killed process's leases and claims run out in 60 s).
const settleStart = Date.now();
for (;;) {
  const gens = (await db.generations()).filter((g) => g.prompt?.startsWith(`multi ${run} `));
  const assets = await db.assets();
  const active = gens.filter((g) => !TERMINAL.has(g.status)).length;
  const open = assets.filter((a) => a.archiveState === "temporary" || a.archiveState === "archiving").length;
  const held = await db.heldClaims();
  if (active === 0 && open === 0 && mediaOpen(assets) === 0 && held.leases === 0 && held.archiveClaims === 0) break;
  if (Date.now() - settleStart > SETTLE_MAX_MS) {
    log(
      `settle: gave up after ${SETTLE_MAX_MS / 1000} s: ${active} active, ${open} outputs open, ${JSON.stringify(held)}`,
    );
    break;
  }
  await sleep(1000);
}
log(
  `(a) settled in ${((Date.now() - settleStart) / 1000).toFixed(1)} s; run (a) took ${((Date.now() - aStart) / 1000).toFixed(1)} s`,
);

const allGens = await db.generations();
const gens = allGens.filter((g) => g.prompt?.startsWith(`multi ${run} `));
const ids = new Set(gens.map((g) => g.id));
const assets = (await db.assets()).filter((a) => a.generationId && ids.has(a.generationId));
const tasks = emu.tasks.all().filter((t) => t.prompt.startsWith(`multi ${run} `));
const held = await db.heldClaims();
console.log("\n── multi-process crash summary ──");
console.log(
  `  kills: ${kills.map((k) => `${"abc"[k.who]}@${k.at}s (${k.inFlight} in flight, back in ${(k.restartMs / 1000).toFixed(1)} s)`).join(", ")}`,
);
console.log(
  `  generations ${gens.length}: ${Object.entries(
    countBy(gens, (g) => (g.errorCode ? `${g.status}:${g.errorCode}` : g.status)),
  )
    .map(([k, v]) => `${k} ${v}`)
    .join(
      ", ",
    )}; upstream creates ${tasks.length}; downloads ${[...downloadsPerFile(emu.log).values()].reduce((a, b) => a + b, 0)}`,
);
crashChecks(c, { wantKills: KILLS, kills, creates, gens, assets, tasks, emuLog: emu.log, held });
const storage = await checkStorage(filesDir, assets);
c.check(
  `every archived file on the shared disk has its recorded size and sha256 (${storage.checked})`,
  storage.bad.length === 0,
  storage.bad.join("; "),
);
c.check("no *.part or *.incoming file left in storage", storage.leftovers.length === 0, storage.leftovers.join(", "));
console.log(`  wall time ${secs()} s\n`);
await db.close();
await Promise.all(studios.map((s) => s.kill()));
await emu.close();
stopCluster();
c.finish(dataDir);
