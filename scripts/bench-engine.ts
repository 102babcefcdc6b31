import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { postgresBin, startPgCluster } from "./db/pg-cluster";
import {
  countBy,
  freePort,
  freshDataDir,
  postGeneration,
  requireBuild,
  sha256File,
  sleep,
  Studio,
  StudioDb,
  TERMINAL,
} from "./harness";
import { createPgDatabase, PgStudioDb } from "./harness/pg-db";

/**
 * Engine benchmark: N Seedance generations (half of 30 s tasks, half of 120 s, `[[seconds:N]]`) against the
 * emulator (a separate process, calling back the studio's callback_url as TD does), through the REST API of the
 * production server with its production schedule (STUDIO_TYPICAL_SCALE 1). Measures upstream done → studio
 * knows (outputs recorded) and → succeeded (file stored), status calls per generation, the server's CPU and
 * peak RSS; first at N = 2000, then at N = 200; also the RSS growth while a 100 MB output is archived.
 *   npm run bench:engine   (BENCH_NS=2000,200 BENCH_SECONDS=30,120 BENCH_MODEL=T0101007 BENCH_POLL_MS=2000
 *                           BENCH_CONCURRENCY=16 BENCH_BIG_MB=100 BENCH_RPS=50)
 * On PostgreSQL (a throw-away cluster, scripts/db/pg-cluster.ts) with several app processes sharing the database and
 * the data folder, the creates spread over them: BENCH_DB=postgres BENCH_PROCESSES=3 (BENCH_RPS is divided among them).
 * Writes bench-results/engine.json (engine-postgres-<processes>.json on PostgreSQL); the last line holds the figures.
 */
const NS = (process.env.BENCH_NS ?? process.env.BENCH_N ?? "2000,200").split(",").map(Number);
const SECONDS = (process.env.BENCH_SECONDS ?? "30,120").split(",").map(Number);
const MODEL = process.env.BENCH_MODEL ?? "T0101007";
const POLL_MS = Number(process.env.BENCH_POLL_MS ?? 2000); // the production default of STUDIO_POLL_MS
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const BIG_MB = Number(process.env.BENCH_BIG_MB ?? 100);
const MAX_WAIT_S = Number(process.env.BENCH_MAX_WAIT_S ?? 900);
const KEY = "bench-key";
const PG = process.env.BENCH_DB === "postgres";
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 1);
if (!PG && PROCESSES !== 1) throw new Error("BENCH_PROCESSES > 1 needs BENCH_DB=postgres (SQLite is one process)");
if (PG && !postgresBin())
  throw new Error("BENCH_DB=postgres: PostgreSQL is not installed (apt-get install postgresql)");
const CLK_TCK = 100; // USER_HZ: /proc reports CPU time in 1/100 s on Linux

requireBuild("bench:engine");
const t0 = Date.now();
const loadStart = (await import("node:os")).loadavg()[0];
const say = (m: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${m}`);

// ── the studio's process tree, from /proc ──
interface Proc {
  pid: number;
  ppid: number;
  comm: string;
  ticks: number;
  rssKb: number;
  hwmKb: number;
}
function readProc(pid: number): Proc | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const close = stat.lastIndexOf(")");
    const f = stat.slice(close + 2).split(" ");
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? 0);
    // utime+stime of the process, plus cutime+cstime: the CPU of children it already reaped (ffprobe, ffmpeg).
    const ticks = Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
    return {
      pid,
      ppid: Number(f[1]),
      comm: stat.slice(stat.indexOf("(") + 1, close),
      ticks,
      rssKb: kb("VmRSS"),
      hwmKb: kb("VmHWM"),
    };
  } catch {
    return undefined;
  }
}
function tree(root: number): Proc[] {
  const all = readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .map((d) => readProc(Number(d)))
    .filter((p): p is Proc => !!p);
  const out: Proc[] = [];
  const want = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all)
      if (!want.has(p.pid) && want.has(p.ppid)) {
        want.add(p.pid);
        grew = true;
      }
  }
  for (const p of all) if (want.has(p.pid)) out.push(p);
  return out;
}
interface Sample {
  at: number;
  ticks: number;
  rssKb: number;
  nodeRssKb: number;
  maxNodeRssKb: number;
}
function sample(roots: number[]): Sample {
  const ps = roots.flatMap(tree);
  const node = ps.filter((p) => !/ffmpeg|ffprobe/.test(p.comm));
  return {
    at: Date.now(),
    ticks: ps.reduce((a, p) => a + p.ticks, 0),
    rssKb: ps.reduce((a, p) => a + p.rssKb, 0),
    nodeRssKb: node.reduce((a, p) => a + p.rssKb, 0),
    maxNodeRssKb: Math.max(0, ...node.map((p) => p.rssKb)),
  };
}
const cpuPct = (a: Sample, b: Sample) =>
  b.at > a.at ? ((b.ticks - a.ticks) / CLK_TCK / ((b.at - a.at) / 1000)) * 100 : 0;
const at = (series: Sample[], t: number) =>
  series.reduce((best, s) => (Math.abs(s.at - t) < Math.abs(best.at - t) ? s : best), series[0]);
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};
const mb = (kb: number) => Math.round(kb / 1024);

// ── the emulator, a separate process like TD ──
const emuPort = await freePort(Number(process.env.BENCH_EMULATOR_PORT ?? 4230));
const emuUrl = `http://127.0.0.1:${emuPort}`;
const emuChild = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "emulator/main.ts"], {
  detached: true,
  stdio: "ignore",
  env: {
    ...process.env,
    EMULATOR_PORT: String(emuPort),
    EMULATOR_API_KEY: KEY,
    EMULATOR_TASK_SECONDS: "1",
    EMULATOR_QUIET: "1",
  },
});
process.once("exit", () => {
  try {
    process.kill(-emuChild.pid!, "SIGKILL");
  } catch {
    /* gone */
  }
});
emuChild.once("exit", (code, signal) => {
  console.error(`bench:engine: the emulator stopped (${signal ?? code})`);
  process.exit(1);
});
for (let i = 0; ; i++) {
  if ((await fetch(`${emuUrl}/__emulator/health`).catch(() => undefined))?.ok) break;
  if (i > 300) throw new Error("the emulator did not start");
  await sleep(100);
}
const emuConfig = (c: Record<string, number>) =>
  fetch(`${emuUrl}/__emulator/config`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(c),
  });

// The emulator keeps its last ~50k requests: read them as they come.
interface Req {
  seq: number;
  at: number;
  op?: string;
  taskId?: string;
  status?: number;
  fault?: string;
}
const reqs: Req[] = [];
let since = 0;
async function drainLog() {
  const j = (await (await fetch(`${emuUrl}/__emulator/requests?since=${since}`)).json()) as { requests: Req[] };
  for (const r of j.requests)
    reqs.push({ seq: r.seq, at: r.at, op: r.op, taskId: r.taskId, status: r.status, fault: r.fault });
  if (j.requests.length) since = j.requests[j.requests.length - 1].seq;
}

const dataDir = freshDataDir("studio-bench");
// A benchmark fires thousands of creates: the per-person create limit is set out of its way.
process.env.STUDIO_RATE_CREATE_PER_MINUTE ??= "1000000";
// On PostgreSQL: one database, PROCESSES servers sharing it and one data folder (each keeps its log in its own).
const cluster = PG ? await startPgCluster() : undefined;
let clusterUp = !!cluster;
const stopCluster = () => {
  if (clusterUp) cluster!.stop();
  clusterUp = false;
};
process.once("exit", stopCluster);
const pgUrl = cluster ? createPgDatabase(cluster.url(), "studio_bench") : undefined;
const filesDir = dataDir;
const rpsEach = process.env.BENCH_RPS
  ? String(Math.max(1, Math.floor(Number(process.env.BENCH_RPS) / PROCESSES)))
  : undefined;
let nextPort = Number(process.env.BENCH_PORT ?? 3230);
const studios: Studio[] = [];
for (let p = 0; p < PROCESSES; p++) {
  const own = pgUrl ? path.join(dataDir, `process-${p}`) : dataDir;
  mkdirSync(own, { recursive: true });
  nextPort = (await freePort(nextPort)) + 1;
  studios.push(
    new Studio({
      port: nextPort - 1,
      tdBaseUrl: emuUrl,
      apiKey: KEY,
      dataDir: own,
      pollMs: POLL_MS,
      timeoutMs: 60_000,
      typicalScale: 1,
      env: {
        ...(rpsEach ? { STUDIO_STATUS_CALLS_PER_SECOND: rpsEach } : {}),
        ...(pgUrl ? { DATABASE_URL: pgUrl, STUDIO_DATA_DIR: filesDir } : {}),
      },
    }),
  );
}
const studio = studios[0];
say(`emulator ${emuUrl}, studios ${studios.map((s) => s.url).join(" ")}, ${pgUrl ?? "SQLite"}, data ${dataDir}`);
// The first start migrates and makes the admin; the others share its token.
say(`studio up in ${await studio.start()} ms`);
for (const s of studios.slice(1)) s.token = studio.token;
if (studios.length > 1)
  say(`others up in ${(await Promise.all(studios.slice(1).map((s) => s.start()))).join(", ")} ms`);
const roots = studios.map((s) => s.child!.pid!);
const studioDied = (code: number | null, signal: string | null) => {
  console.error(`bench:engine: a studio stopped (${signal ?? code}); see ${studios.map((s) => s.logFile).join(", ")}`);
  process.exit(1);
};
for (const s of studios) s.child!.once("exit", studioDied);
/** The same reads on either database (the SQLite reader answers at once, the PostgreSQL one asynchronously). */
const db: {
  generations(): ReturnType<StudioDb["generations"]> | ReturnType<PgStudioDb["generations"]>;
  assets(): ReturnType<StudioDb["assets"]> | ReturnType<PgStudioDb["assets"]>;
  outputsKnownAt(): ReturnType<StudioDb["outputsKnownAt"]> | ReturnType<PgStudioDb["outputsKnownAt"]>;
  overdue(cutoff: number): ReturnType<StudioDb["overdue"]> | ReturnType<PgStudioDb["overdue"]>;
  close(): unknown;
} = pgUrl ? new PgStudioDb(pgUrl) : new StudioDb(studio.dbFile);

// ── phase 1: one big output, archived while we watch the server's memory ──
let big: Record<string, unknown> = { skipped: true };
if (BIG_MB > 0) {
  await emuConfig({ taskSeconds: 1 });
  const base: Sample[] = [];
  for (let i = 0; i < 10; i++) {
    base.push(sample(roots));
    await sleep(100);
  }
  const baseNode = Math.max(...base.map((s) => s.nodeRssKb));
  const baseMax = Math.max(...base.map((s) => s.maxNodeRssKb));
  const r = await postGeneration(studio, {
    model: "T0401001",
    mode: "text-to-video",
    prompt: `bench big output [[output-mb:${BIG_MB}]]`,
  });
  const id = r.kind === "answered" ? r.body.id : undefined;
  if (!id) throw new Error(`big create failed: ${JSON.stringify(r)}`);
  let peakNode = baseNode,
    peakMax = baseMax,
    peakTree = 0,
    succeededAt = 0;
  const started = Date.now();
  let asset: ReturnType<StudioDb["assets"]>[number] | undefined;
  for (let i = 0; Date.now() - started < 180_000; i++) {
    const s = sample(roots);
    peakNode = Math.max(peakNode, s.nodeRssKb);
    peakMax = Math.max(peakMax, s.maxNodeRssKb);
    peakTree = Math.max(peakTree, s.rssKb);
    if (i % 5 === 0) {
      const g = (await db.generations()).find((x) => x.id === id);
      if (g?.status === "succeeded" && !succeededAt) succeededAt = Date.now();
      asset = (await db.assets()).find((a) => a.generationId === id);
      if (
        asset &&
        (asset.archiveState === "archived" || (asset.archiveState === "failed" && asset.archiveAttempts > 0))
      )
        break;
      if (g && TERMINAL.has(g.status) && g.status !== "succeeded") break;
    }
    await sleep(50);
  }
  const file = asset?.storageKey ? path.join(filesDir, "files", asset.storageKey) : "";
  const onDisk = file && existsSync(file) ? statSync(file).size : 0;
  big = {
    mb: BIG_MB,
    state: asset?.archiveState,
    sizeBytes: onDisk,
    sizeOk: onDisk === BIG_MB * 1024 * 1024 && onDisk === asset?.size,
    sha256Ok: file && existsSync(file) ? (await sha256File(file)) === asset?.sha256 : false,
    archiveSeconds: succeededAt ? Number(((Date.now() - succeededAt) / 1000).toFixed(1)) : null,
    serverRssBeforeMb: mb(baseMax),
    serverRssPeakMb: mb(peakMax),
    serverRssGrowthMb: mb(peakMax - baseMax),
    nodeTreeRssGrowthMb: mb(peakNode - baseNode),
    treeRssPeakMbInclFfmpeg: mb(peakTree),
  };
  say(`big output: ${JSON.stringify(big)}`);
}

// ── phase 2: N generations, tasks of 30 s and 120 s ──
async function runPhase(N: number) {
  await drainLog();
  const logFrom = since;
  const samples: Sample[] = [sample(roots)];
  const lag: { at: number; overdue: number; oldestMs: number; active: number }[] = [];
  let sampling = true;
  const sampler = (async () => {
    for (let i = 0; sampling; i++) {
      await sleep(500);
      samples.push(sample(roots));
      if (i % 2 === 0) lag.push({ at: Date.now(), ...(await db.overdue(Date.now() - 1000)) });
      if (i % 4 === 0) await drainLog().catch(() => undefined);
    }
  })();
  const createStart = Date.now();
  const createdIds: string[] = [];
  const secondsOf = new Map<string, number>();
  const createErrors: string[] = [];
  let nextI = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (nextI < N) {
        const i = nextI++;
        const secs = SECONDS[i % SECONDS.length];
        const r = await postGeneration(
          studios[i % studios.length],
          {
            model: MODEL,
            mode: "text-to-video",
            prompt: `bench #${i} [[seconds:${secs}]]: a slow pan over a city of paper`,
          },
          120_000,
        );
        if (r.kind === "answered" && r.status === 201 && r.body.id && r.body.status !== "failed") {
          createdIds.push(r.body.id);
          secondsOf.set(r.body.id, secs);
        } else
          createErrors.push(
            r.kind === "answered"
              ? `${r.status} ${r.body.error?.code ?? r.body.status}`
              : r.kind === "lost"
                ? `lost (${r.error})`
                : r.kind,
          );
      }
    }),
  );
  const createEnd = Date.now();
  say(
    `N=${N}: ${createdIds.length} created in ${((createEnd - createStart) / 1000).toFixed(1)} s, ${createErrors.length} errors ${createErrors.slice(0, 3).join(", ")}`,
  );
  const ids = new Set(createdIds);
  const waitStart = Date.now();
  let lastSay = 0;
  for (;;) {
    const rows = (await db.generations()).filter((g) => ids.has(g.id));
    const done = rows.filter((g) => TERMINAL.has(g.status)).length;
    if (done === rows.length) break;
    if (Date.now() - waitStart > MAX_WAIT_S * 1000) {
      say(`gave up waiting: ${done}/${rows.length} terminal`);
      break;
    }
    if (Date.now() - lastSay > 15_000) {
      lastSay = Date.now();
      say(`N=${N}: ${done}/${rows.length} terminal`);
    }
    await sleep(1000);
  }
  const allDone = Date.now();
  sampling = false;
  await sampler;
  await drainLog();
  const tasks = (
    (await (await fetch(`${emuUrl}/__emulator/tasks`)).json()) as {
      tasks: { id: string; createdAt: number; finishedAt: number }[];
    }
  ).tasks;
  const taskById = new Map(tasks.map((t) => [t.id, t]));
  const rows = (await db.generations()).filter((g) => ids.has(g.id));
  const known = await db.outputsKnownAt();
  const succeeded = rows.filter((g) => g.status === "succeeded" && g.upstreamTaskId && g.finishedAt);
  const upstreamDone = (g: (typeof rows)[number]) => taskById.get(g.upstreamTaskId!)!.finishedAt;
  const phaseReqs = reqs.filter((r) => r.seq > logFrom);
  const getsByTask = new Map<string, number>();
  /** The last status call of each task: TD done → this is the time to the poll that saw it (callback or schedule). */
  const lastGetAt = new Map<string, number>();
  for (const r of phaseReqs)
    if (r.op === "get" && r.taskId) {
      getsByTask.set(r.taskId, (getsByTask.get(r.taskId) ?? 0) + 1);
      lastGetAt.set(r.taskId, r.at);
    }
  const bySeconds = Object.fromEntries(
    SECONDS.map((secs) => {
      const mine = succeeded.filter((g) => secondsOf.get(g.id) === secs);
      const lat = mine.map((g) => g.finishedAt! - upstreamDone(g));
      const knew = mine.filter((g) => known.has(g.id)).map((g) => known.get(g.id)! - upstreamDone(g));
      const gets = mine.map((g) => getsByTask.get(g.upstreamTaskId!) ?? 0);
      const polled = mine
        .filter((g) => lastGetAt.has(g.upstreamTaskId!))
        .map((g) => lastGetAt.get(g.upstreamTaskId!)! - upstreamDone(g));
      return [
        `${secs}s`,
        {
          count: mine.length,
          succeededMs: { p50: pct(lat, 50), p95: pct(lat, 95), max: Math.max(...lat) },
          knownMs: { p50: pct(knew, 50), p95: pct(knew, 95), max: Math.max(...knew) },
          polledMs: { p50: pct(polled, 50), p95: pct(polled, 95), max: Math.max(...polled) },
          statusCalls: {
            mean: Number((gets.reduce((a, b) => a + b, 0) / Math.max(1, gets.length)).toFixed(2)),
            max: Math.max(...gets),
          },
        },
      ];
    }),
  );
  const lat = succeeded.map((g) => g.finishedAt! - upstreamDone(g));
  const knew = succeeded.filter((g) => known.has(g.id)).map((g) => known.get(g.id)! - upstreamDone(g));
  const gets = succeeded.map((g) => getsByTask.get(g.upstreamTaskId!) ?? 0);
  const first = samples[0],
    last = samples[samples.length - 1];
  const getTimes = phaseReqs.filter((r) => r.op === "get").map((r) => r.at);
  let peakPerSecond = 0;
  for (let i = 0, j = 0; i < getTimes.length; i++) {
    while (getTimes[i] - getTimes[j] >= 1000) j++;
    peakPerSecond = Math.max(peakPerSecond, i - j + 1);
  }
  return {
    N,
    taskSeconds: SECONDS,
    create: {
      seconds: Number(((createEnd - createStart) / 1000).toFixed(1)),
      perSecond: Math.round(createdIds.length / ((createEnd - createStart) / 1000)),
      errors: createErrors.length,
    },
    succeededMs: { count: lat.length, p50: pct(lat, 50), p95: pct(lat, 95), max: Math.max(...lat) },
    knownMs: { p50: pct(knew, 50), p95: pct(knew, 95), max: Math.max(...knew) },
    statusCallsPerGeneration: {
      mean: Number((gets.reduce((a, b) => a + b, 0) / Math.max(1, gets.length)).toFixed(2)),
      max: Math.max(...gets),
      total: gets.reduce((a, b) => a + b, 0),
      peakPerSecond,
    },
    bySeconds,
    engineLag: {
      maxOverdueRows: Math.max(0, ...lag.map((l) => l.overdue)),
      maxOverdueMs: Math.max(0, ...lag.map((l) => l.oldestMs)),
    },
    cpuPercentOfOneCore: {
      wholeRun: Number(cpuPct(first, last).toFixed(0)),
      creating: Number(cpuPct(at(samples, createStart), at(samples, createEnd)).toFixed(0)),
      afterCreates: Number(cpuPct(at(samples, createEnd), at(samples, allDone)).toFixed(0)),
    },
    rssMb: {
      serverPeakSampled: mb(Math.max(...samples.map((s) => s.maxNodeRssKb))),
      treePeakInclFfmpeg: mb(Math.max(...samples.map((s) => s.rssKb))),
    },
    outcomes: countBy(rows, (g) => `${g.status}${g.errorCode ? `:${g.errorCode}` : ""}`),
  };
}

const phases: Awaited<ReturnType<typeof runPhase>>[] = [];
for (const n of NS) {
  const r = await runPhase(n);
  phases.push(r);
  say(`N=${n}: ${JSON.stringify(r)}`);
}
const hwm = Math.max(
  ...roots
    .flatMap(tree)
    .filter((p) => !/ffmpeg|ffprobe/.test(p.comm))
    .map((p) => p.hwmKb),
);
const result = {
  at: new Date().toISOString(),
  config: {
    model: MODEL,
    pollMs: POLL_MS,
    createConcurrency: CONCURRENCY,
    database: PG ? "postgresql" : "sqlite",
    processes: PROCESSES,
    statusCallsPerSecondEach: rpsEach ?? null,
    cores: (await import("node:os")).cpus().length,
  },
  // Other work on the machine skews every number: the 1-minute load average at the start and the end.
  loadAverage: { start: loadStart, end: (await import("node:os")).loadavg()[0] },
  phases,
  serverHighWaterMarkMb: mb(hwm),
  bigOutput: big,
};

console.log(`\n── engine benchmark (${PG ? `PostgreSQL, ${PROCESSES} process(es)` : "SQLite"}) ──`);
for (const p of phases) {
  console.log(
    `  N = ${p.N} (${MODEL}, tasks ${SECONDS.join(" s / ")} s, creates ${p.create.perSecond}/s, ${p.create.errors} errors)`,
  );
  for (const [k, v] of Object.entries(p.bySeconds))
    console.log(
      `    ${k.padEnd(5)} done → succeeded p50 ${v.succeededMs.p50} ms · p95 ${v.succeededMs.p95} ms · done → polled p50 ${v.polledMs.p50} ms · p95 ${v.polledMs.p95} ms · done → known p50 ${v.knownMs.p50} ms · p95 ${v.knownMs.p95} ms · status calls ${v.statusCalls.mean} (max ${v.statusCalls.max})`,
    );
  console.log(
    `    CPU ${p.cpuPercentOfOneCore.wholeRun} % of a core (creating ${p.cpuPercentOfOneCore.creating}, after ${p.cpuPercentOfOneCore.afterCreates}) · peak RSS ${p.rssMb.serverPeakSampled} MB · status calls peak ${p.statusCallsPerGeneration.peakPerSecond}/s · outcomes ${JSON.stringify(p.outcomes)}`,
  );
}
if (BIG_MB > 0)
  console.log(
    `  ${BIG_MB} MB output: ${big.state}, ${big.archiveSeconds} s, server RSS +${big.serverRssGrowthMb} MB, size ${big.sizeOk ? "ok" : "WRONG"}, sha256 ${big.sha256Ok ? "ok" : "WRONG"}`,
  );
mkdirSync("bench-results", { recursive: true });
const outFile = `bench-results/${PG ? `engine-postgres-${PROCESSES}` : "engine"}.json`;
writeFileSync(outFile, JSON.stringify(result, null, 2) + "\n");
console.log(`written to ${outFile}`);
await db.close();
for (const s of studios) s.child!.off("exit", studioDied);
await Promise.all(studios.map((s) => s.kill()));
stopCluster();
if (process.env.BENCH_KEEP_DATA !== "1") rmSync(dataDir, { recursive: true, force: true });
const fig = (p: (typeof phases)[number]) => {
  const short = p.bySeconds[`${SECONDS[0]}s`];
  return `N=${p.N}: done→succeeded p50 ${p.succeededMs.p50} ms p95 ${p.succeededMs.p95} ms, done→known p50 ${p.knownMs.p50} ms p95 ${p.knownMs.p95} ms, calls/gen ${p.statusCallsPerGeneration.mean} (${SECONDS[0]} s tasks ${short?.statusCalls.mean}), CPU ${p.cpuPercentOfOneCore.wholeRun} %, peak RSS ${p.rssMb.serverPeakSampled} MB`;
};
console.log(`bench:engine${PG ? ` [PostgreSQL, ${PROCESSES} process(es)]` : ""} ${phases.map(fig).join(" | ")}`);
process.exit(0);
