import type { AssetRow, Checks, GenRow } from "../../scripts/harness";
import { fileIdOf, TERMINAL } from "../../scripts/harness";

/** What the creators of tests/system/multi.ts saw. */
export interface CreateLog {
  accepted: { i: number; id: string }[];
  /** Cut by a kill: the server may or may not have the record. */
  lost: { i: number; error: string }[];
  other: { i: number; status: number; body: unknown }[];
  refusedRetries: number;
}

/**
 * The crash checks of tests/system/multi.ts (the same rules as tests/system/crash.ts, with three processes): nothing
 * lost, no upstream task created twice, no output downloaded twice, nothing left stuck.
 */
export function crashChecks(
  c: Checks,
  r: {
    wantKills: number;
    kills: { killedAt: number }[];
    creates: CreateLog;
    gens: GenRow[];
    assets: AssetRow[];
    tasks: { id: string; prompt: string }[];
    emuLog: { op?: string; taskId?: string; status?: number; at: number }[];
    held: { leases: number; archiveClaims: number };
  },
) {
  const { gens, assets, tasks, creates } = r;
  c.check(`(a) a random process was SIGKILLed and restarted ${r.kills.length} times`, r.kills.length >= r.wantKills);
  c.check(
    "(a) every create got an answer, or was cut only by a kill",
    creates.other.length === 0,
    creates.other
      .slice(0, 3)
      .map((o) => `#${o.i} HTTP ${o.status} ${JSON.stringify(o.body).slice(0, 160)}`)
      .join("; "),
  );
  const byPrompt = new Map<string, GenRow[]>();
  for (const g of gens) byPrompt.set(g.prompt!, [...(byPrompt.get(g.prompt!) ?? []), g]);
  const ids = new Set(gens.map((g) => g.id));
  const missing = creates.accepted.filter((a) => !ids.has(a.id));
  c.check(
    `(a) 0 lost: every accepted generation (${creates.accepted.length}) is in the database`,
    missing.length === 0,
    missing.map((m) => m.id).join(", "),
  );
  // A create cut by a kill either left no record or a record; every create answered or not made one at most.
  const dup = [...byPrompt.values()].filter((g) => g.length > 1);
  c.check("(a) no create produced two records", dup.length === 0, dup.map((g) => g[0].prompt).join("; "));
  c.check(
    `(a) every create that reached a server has its record (${gens.length} = ${creates.accepted.length} accepted + ≤ ${creates.lost.length} cut)`,
    gens.length >= creates.accepted.length && gens.length <= creates.accepted.length + creates.lost.length,
  );
  const active = gens.filter((g) => !TERMINAL.has(g.status));
  c.check(
    `(a) every generation is terminal (${gens.length})`,
    active.length === 0,
    active
      .slice(0, 5)
      .map((g) => `${g.id} ${g.status} task=${g.upstreamTaskId} lease=${g.leaseOwner}`)
      .join("; "),
  );
  const badFail = gens.filter(
    (g) =>
      g.status !== "succeeded" &&
      !(g.status === "failed" && (g.errorCode === "SubmitUncertain" || g.errorCode === "SubmitInterrupted")),
  );
  c.check(
    "(a) every generation succeeded, or failed with SubmitUncertain / SubmitInterrupted (a kill mid-create)",
    badFail.length === 0,
    badFail
      .slice(0, 5)
      .map((g) => `${g.id} ${g.status} ${g.errorCode}`)
      .join("; "),
  );
  const tasksByPrompt = new Map<string, string[]>();
  for (const t of tasks) tasksByPrompt.set(t.prompt, [...(tasksByPrompt.get(t.prompt) ?? []), t.id]);
  const twice = [...tasksByPrompt.entries()].filter(([, t]) => t.length > 1);
  c.check(
    `(a) each upstream task created exactly once: ${tasks.length} tasks for ${tasksByPrompt.size} prompts`,
    twice.length === 0,
    twice.map(([p, t]) => `${p}: ${t.length}`).join("; "),
  );
  const wrong = gens.filter((g) => g.upstreamTaskId && (tasksByPrompt.get(g.prompt!) ?? [])[0] !== g.upstreamTaskId);
  c.check("(a) every recorded upstream task id is the one task TD created for it", wrong.length === 0);
  const orphans = tasks.filter((t) => !byPrompt.has(t.prompt));
  c.check("(a) every upstream task belongs to a recorded generation", orphans.length === 0);
  const withoutTask = gens.filter((g) => g.status === "succeeded" && !g.upstreamTaskId);
  c.check("(a) every succeeded generation has its upstream task", withoutTask.length === 0);

  // A download cut by a kill is redone by the process that takes the claim over; any other repeat is a duplicate.
  const fileIds = new Set(assets.map((a) => fileIdOf(a.upstreamUrl)).filter(Boolean));
  const times = new Map<string, number[]>();
  for (const l of r.emuLog)
    if (l.op === "download" && l.status === 200 && l.taskId && fileIds.has(l.taskId))
      times.set(l.taskId, [...(times.get(l.taskId) ?? []), l.at]);
  const redone: string[] = [];
  const dupDownloads: string[] = [];
  for (const [file, ts] of times)
    for (let i = 1; i < ts.length; i++)
      (r.kills.some((k) => k.killedAt > ts[i - 1] && k.killedAt < ts[i]) ? redone : dupDownloads).push(file);
  console.log(`  downloads redone after a kill cut them: ${redone.length}`);
  c.check(
    `(a) each output downloaded once (${times.size} files; only downloads cut by a kill are redone)`,
    dupDownloads.length === 0,
    dupDownloads.join(", "),
  );
  const succeeded = gens.filter((g) => g.status === "succeeded");
  const noOutput = succeeded.filter((g) => assets.filter((a) => a.generationId === g.id).length !== 1);
  c.check(
    `(a) every succeeded generation (${succeeded.length}) has exactly one output`,
    noOutput.length === 0,
    noOutput.map((g) => g.id).join(", "),
  );
  const unarchived = assets.filter((a) => a.archiveState !== "archived");
  c.check(
    `(a) every output is archived (${assets.length})`,
    unarchived.length === 0,
    unarchived
      .slice(0, 5)
      .map((a) => `${a.id} ${a.archiveState} ${a.archiveError ?? ""}`)
      .join("; "),
  );
  const notFromTd = assets.filter((a) => !times.has(fileIdOf(a.upstreamUrl) ?? ""));
  c.check("(a) every archived output's bytes came from TD's link", notFromTd.length === 0);
  c.check(
    "(a) 0 stuck: no poll lease and no archive claim left held",
    r.held.leases === 0 && r.held.archiveClaims === 0,
    JSON.stringify(r.held),
  );
}
