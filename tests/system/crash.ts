import { randomUUID } from "node:crypto";
import { startEmulator } from "@/emulator";
import { finishTime } from "@/emulator/tasks";
import {
  mediaOpen,
  Checks,
  checkStorage,
  countBy,
  finishRun,
  downloadsPerFile,
  fileIdOf,
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
 * Crash test: HappyHorse text-to-video creates through the REST API at a steady pace while the production
 * server is SIGKILLed at random moments and restarted. Afterwards nothing may be lost or done twice:
 * every record terminal, at most one upstream task per generation, at most one download per output file,
 * archived files intact, no temp files left.
 *   node node_modules/tsx/dist/cli.mjs tests/system/crash.ts
 * Env: CRASH_N (60), CRASH_KILLS (5), CRASH_PACE_MS (500: one create every 0.5 s, at most 3 in flight), CRASH_SLOW_SHARE (0.15), CRASH_PORT (3210).
 */
const N = Number(process.env.CRASH_N ?? 60);
const KILLS = Number(process.env.CRASH_KILLS ?? 5);
const PACE_MS = Number(process.env.CRASH_PACE_MS ?? 500);
const CREATORS = 3;
// A share of creates whose answer the emulator holds 2 s and then drops (`[[fault:hang]]`): like TD's real,
// slow creates they widen the "sent, not yet answered" window, so a kill lands in it now and then.
const SLOW_SHARE = Number(process.env.CRASH_SLOW_SHARE ?? 0.15);
const TIMEOUT_MS = 3000;
// SubmitInterrupted is decided 30 s after the create's longest possible duration (HappyHorse: TD_TIMEOUT_MS,
// one attempt); poll leases of a killed process run 60 s.
const SETTLE_MAX_MS = Number(process.env.CRASH_SETTLE_MS ?? 120_000);

requireBuild("crash");
const t0 = Date.now();
const secs = () => ((Date.now() - t0) / 1000).toFixed(1);
const log = (m: string) => console.log(`[${secs().padStart(5)} s] ${m}`);

const KEY = "crash-key";
const emu = await startEmulator({
  port: Number(process.env.CRASH_EMULATOR_PORT ?? 0),
  apiKey: KEY,
  taskSeconds: 3,
  hangMs: 2000,
  quiet: true,
});
const dataDir = freshDataDir("studio-crash");
const studio = new Studio({
  port: await freePort(Number(process.env.CRASH_PORT ?? 3210)),
  tdBaseUrl: emu.url,
  apiKey: KEY,
  dataDir,
  pollMs: 300,
  timeoutMs: TIMEOUT_MS,
});
log(`emulator ${emu.url}, studio ${studio.url}, data ${dataDir}`);
const firstStart = await studio.start();
log(`studio up in ${firstStart} ms`);

const run = randomUUID().slice(0, 6);
const accepted: { i: number; id: string; status: string }[] = [];
const lost: { i: number; error: string }[] = [];
const other: { i: number; status: number; body: unknown }[] = [];
let refusedRetries = 0;
let inFlight = 0;
let creating = true;
const kills: { at: string; inFlight: number; restartMs: number; killedAt: number }[] = [];

async function createOne(i: number) {
  const slow = Math.random() < SLOW_SHARE;
  const prompt = `crash ${run} #${i}: a paper boat crossing a rainy street${slow ? " [[fault:hang]]" : ""}`;
  inFlight++;
  try {
    for (;;) {
      const r = await postGeneration(studio, { model: "T0401001", mode: "text-to-video", prompt }, 20_000);
      if (r.kind === "refused") {
        // Never reached a server: the only case where sending again cannot create a second record.
        refusedRetries++;
        await sleep(250);
        continue;
      }
      if (r.kind === "lost") lost.push({ i, error: r.error });
      else if (r.status === 201 && r.body.id) accepted.push({ i, id: r.body.id, status: String(r.body.status) });
      else other.push({ i, status: r.status, body: r.body });
      return;
    }
  } finally {
    inFlight--;
  }
}

// A few creators, each sending its next create PACE_MS × CREATORS after its previous one: a steady pace with
// at most CREATORS creates in flight, so a kill cuts a few creates, not a backlog queued during a restart.
async function createAll() {
  let next = 0;
  await Promise.all(
    Array.from({ length: CREATORS }, async (_, w) => {
      await sleep(w * PACE_MS);
      while (next < N) {
        const started = Date.now();
        await createOne(next++);
        await sleep(Math.max(0, started + PACE_MS * CREATORS - Date.now()));
      }
    }),
  );
  creating = false;
  log(
    `creates done: ${accepted.length} accepted (201), ${lost.length} lost in flight, ${other.length} other answers, ${refusedRetries} refused retries`,
  );
}

async function killLoop() {
  for (let k = 1; k <= KILLS; k++) {
    await sleep(1500 + Math.random() * 3500);
    const at = secs();
    const busy = inFlight;
    const killedAt = Date.now();
    await studio.kill();
    log(
      `kill ${k}/${KILLS}: SIGKILL with ${busy} creates in flight${creating ? "" : " (creates done: polling/archiving)"}`,
    );
    await sleep(800 + Math.random() * 600);
    const restartMs = await studio.start();
    kills.push({ at, inFlight: busy, restartMs, killedAt });
    log(`restarted in ${restartMs} ms`);
  }
}

try {
  await Promise.all([createAll(), killLoop()]);
} catch (e) {
  console.error(`crash: the run stopped: ${(e as Error).message}\n${studio.lastLog()}`);
  console.log("crash: 0 passed, 1 failed");
  process.exit(1);
}

// Settle: every record terminal, and the archive count stable (a claim held by a killed process stays 10 min).
const db = new StudioDb(studio.dbFile);
const settleStart = Date.now();
let lastArchived = -1;
let stableSince = Date.now();
for (;;) {
  const gens = db.generations();
  const assets = db.assets();
  const active = gens.filter((g) => !TERMINAL.has(g.status)).length;
  const archived = assets.filter((a) => a.archiveState === "archived").length;
  const temporary = assets.filter((a) => a.archiveState === "temporary").length;
  if (archived !== lastArchived) {
    lastArchived = archived;
    stableSince = Date.now();
  }
  // A poster a killed process was making is taken over when its 30 s lease runs out (and its temp files removed).
  if (active === 0 && temporary === 0 && mediaOpen(assets) === 0 && Date.now() - stableSince > 4000) break;
  if (Date.now() - settleStart > SETTLE_MAX_MS) {
    log(`settle: gave up after ${SETTLE_MAX_MS / 1000} s with ${active} active generations`);
    break;
  }
  await sleep(1000);
}
log(`settled in ${((Date.now() - settleStart) / 1000).toFixed(1)} s`);

const gens = db.generations();
const assets = db.assets();
const tasks = emu.tasks.all();
const tasksByPrompt = new Map<string, typeof tasks>();
for (const t of tasks) tasksByPrompt.set(t.prompt, [...(tasksByPrompt.get(t.prompt) ?? []), t]);
const byStatus = countBy(gens, (g) => (g.status === "failed" ? `failed:${g.errorCode}` : g.status));
const reached = (g: (typeof gens)[number]) => (g.prompt ? (tasksByPrompt.get(g.prompt)?.length ?? 0) : 0);
const withTask = gens.filter((g) => g.upstreamTaskId);
const uncertain = gens.filter((g) => g.errorCode === "SubmitUncertain");
const interrupted = gens.filter((g) => g.errorCode === "SubmitInterrupted");
const downloads = downloadsPerFile(emu.log);
const archiveStates = countBy(assets, (a) => a.archiveState);
const storage = await checkStorage(dataDir, assets);

console.log("\n── crash test summary ──");
console.log(
  `  creates attempted ${N}: accepted 201 = ${accepted.length}, lost in flight (reset by a kill) = ${lost.length}, other = ${other.length}, refused+retried = ${refusedRetries}`,
);
console.log(
  `  kills: ${kills.map((k) => `@${k.at}s (${k.inFlight} in flight, back in ${(k.restartMs / 1000).toFixed(1)} s)`).join(", ")}`,
);
console.log(
  `  generations in the database: ${gens.length} — ${Object.entries(byStatus)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ")}`,
);
console.log(
  `  upstream creates ${emu.tasks.creates} = with task id ${withTask.length} + SubmitUncertain that reached TD ${uncertain.filter(reached).length} + SubmitInterrupted that reached TD ${interrupted.filter(reached).length}`,
);
// Records written but never sent before a kill are sent by the restarted engine (≥ 5 s after they were written).
console.log(
  `  creates sent by the engine's recovery after a kill: ${gens.filter((g) => g.submittedAt && g.submittedAt - g.createdAt > 4000).length}`,
);
console.log(
  `  SubmitInterrupted: ${interrupted.length} (${interrupted.filter(reached).length} had reached TD: charged, result unknown to the studio — the price of never sending twice)`,
);
const taskById = new Map(tasks.map((t) => [t.id, t]));
const delays = gens
  .filter((g) => g.status === "succeeded" && g.finishedAt)
  .map((g) => g.finishedAt! - finishTime(taskById.get(g.upstreamTaskId!)!))
  .sort((a, b) => a - b);
// A killed process's poll leases (60 s) hold its rows until they run out: the slow tail here.
console.log(
  `  upstream done → studio succeeded: p50 ${(delays[Math.floor(delays.length / 2)] / 1000).toFixed(1)} s, max ${(delays[delays.length - 1] / 1000).toFixed(1)} s, ${delays.filter((d) => d > 10_000).length} over 10 s`,
);
console.log(
  `  outputs: ${Object.entries(archiveStates)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ")}; downloads ${[...downloads.values()].reduce((a, b) => a + b, 0)} of ${downloads.size} files`,
);
console.log(`  wall time ${secs()} s\n`);

const c = new Checks("crash");
c.check(`the server was SIGKILLed and restarted ${kills.length} times`, kills.length >= Math.min(4, KILLS));
c.check(
  "every create got an answer or was lost only because a kill cut it",
  other.length === 0,
  other
    .slice(0, 3)
    .map((o) => `#${o.i} HTTP ${o.status} ${JSON.stringify(o.body).slice(0, 160)}`)
    .join("; "),
);
const ids = new Set(gens.map((g) => g.id));
const missing = accepted.filter((a) => !ids.has(a.id));
c.check(
  `every accepted generation (${accepted.length}) is in the database`,
  missing.length === 0,
  missing.map((m) => m.id).join(", "),
);
const prompts = countBy(
  gens.filter((g) => g.prompt),
  (g) => g.prompt!,
);
const dupRecords = Object.entries(prompts).filter(([, n]) => n > 1);
c.check("no create produced two records", dupRecords.length === 0, dupRecords.map(([p]) => p).join("; "));
const active = gens.filter((g) => !TERMINAL.has(g.status));
c.check(
  `every generation in the database is terminal (${gens.length})`,
  active.length === 0,
  active
    .map((g) => `${g.id} ${g.status} task=${g.upstreamTaskId} lease=${g.leaseOwner}`)
    .slice(0, 5)
    .join("; "),
);
const badFail = gens.filter(
  (g) =>
    g.status !== "succeeded" &&
    !(g.status === "failed" && (g.errorCode === "SubmitUncertain" || g.errorCode === "SubmitInterrupted")),
);
c.check(
  "every generation succeeded or failed with SubmitUncertain / SubmitInterrupted",
  badFail.length === 0,
  badFail
    .slice(0, 5)
    .map((g) => `${g.id} ${g.status} ${g.errorCode}`)
    .join("; "),
);
// A plain create can time out too when the machine is starved (TD answered after the studio gave up).
const oddUncertain = uncertain.filter(
  (g) => !g.prompt?.includes("[[fault:hang]]") && !g.errorMessage?.includes("did not answer in time"),
);
c.check(
  "SubmitUncertain only where TD's answer really was lost (dropped slow creates, or answers after the timeout)",
  oddUncertain.length === 0,
  oddUncertain.map((g) => `${g.id} ${g.errorMessage}`).join("; "),
);
const twice = gens.filter((g) => reached(g) > 1);
c.check(
  "no generation has two upstream tasks",
  twice.length === 0,
  twice.map((g) => `${g.id}: ${reached(g)} tasks`).join("; "),
);
const wrongTask = withTask.filter((g) => reached(g) !== 1 || tasksByPrompt.get(g.prompt!)![0].id !== g.upstreamTaskId);
c.check(
  "every recorded upstream task id is the one task TD created for that generation",
  wrongTask.length === 0,
  wrongTask
    .slice(0, 5)
    .map((g) => g.id)
    .join(", "),
);
const promptSet = new Set(gens.map((g) => g.prompt));
const orphans = tasks.filter((t) => !promptSet.has(t.prompt));
c.check(
  "every upstream task belongs to a recorded generation (the record is written first)",
  orphans.length === 0,
  orphans.map((t) => t.id).join(", "),
);
const expectedCreates = withTask.length + uncertain.filter(reached).length + interrupted.filter(reached).length;
c.check(
  `upstream creates (${emu.tasks.creates}) = generations with a task id + uncertain/interrupted ones that reached TD (${expectedCreates})`,
  emu.tasks.creates === expectedCreates,
);
// A download that a kill cut short has to be done again (by the process that takes over the claim); any other
// repeat is a real duplicate: two processes, or one process twice, fetching an output it already had.
const downloadTimes = new Map<string, number[]>();
for (const l of emu.log)
  if (l.op === "download" && l.status === 200 && l.taskId)
    downloadTimes.set(l.taskId, [...(downloadTimes.get(l.taskId) ?? []), l.at]);
const redone: string[] = [];
const dupDownloads: string[] = [];
for (const [file, times] of downloadTimes) {
  for (let i = 1; i < times.length; i++)
    (kills.some((k) => k.killedAt > times[i - 1] && k.killedAt < times[i]) ? redone : dupDownloads).push(file);
}
console.log(`  downloads redone after a kill cut them: ${redone.length}`);
c.check(
  `no output downloaded twice (${downloads.size} files; only downloads cut by a kill are redone)`,
  dupDownloads.length === 0,
  dupDownloads.join(", "),
);
const succeeded = gens.filter((g) => g.status === "succeeded");
const noOutput = succeeded.filter((g) => assets.filter((a) => a.generationId === g.id).length !== 1);
c.check(
  `every succeeded generation (${succeeded.length}) has exactly one output recorded`,
  noOutput.length === 0,
  noOutput.map((g) => g.id).join(", "),
);
const stuck = assets.filter((a) => a.archiveState === "archiving");
const unarchived = assets.filter((a) => a.archiveState !== "archived" && a.archiveState !== "archiving");
c.check(
  "every output is archived (or still claimed by a killed process, retried when its 60 s claim runs out)",
  unarchived.length === 0,
  unarchived.map((a) => `${a.id} ${a.archiveState} ${a.archiveError ?? ""}`).join("; "),
);
if (stuck.length)
  console.log(
    `    note: ${stuck.length} output(s) held by a killed process's archive claim: ${stuck.map((a) => a.id.slice(0, 8)).join(", ")}`,
  );
const notDownloadedYet = assets.filter(
  (a) => a.archiveState === "archived" && !downloads.has(fileIdOf(a.upstreamUrl) ?? ""),
);
c.check("every archived output was downloaded from TD (its bytes came from TD's link)", notDownloadedYet.length === 0);
await finishRun(c, storage, { db, studio, emu, dataDir });
