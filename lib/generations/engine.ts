import "server-only";
import { randomUUID } from "node:crypto";
import { CATALOG, getModel } from "@/lib/catalog";
import { config } from "@/lib/config";
import { db, type Generation } from "@/lib/db";
import { TdError } from "@/lib/td/errors";
import { adapterFor } from "./adapters";
import { sweepStalePartials } from "@/lib/storage";
import { archiveAsset } from "./archive";
import { applyPollResult, nextPollDelay, recordFailure, settleSaving } from "./finish";
import { submitGeneration } from "./submit";
import { onWake } from "./wake";

const LEASE_MS = 60_000;
const POLL_BATCH = 100;
const POLL_CONCURRENCY = 16;
const ARCHIVE_CONCURRENCY = 3;
/** TD rejected the key (401/403): every poll would fail the same way, so the whole poller waits this long. */
export const AUTH_PAUSE_MS = 60_000;
/** Slack on top of a create's longest possible duration before it is declared interrupted. */
const SUBMIT_SLACK_MS = 30_000;
/** Upload temp files older than this are a dead process's leftovers (a live writer keeps touching its file). */
const STALE_PARTIAL_MS = 60 * 60_000;

const KEY_REJECTED = /^(InvalidApiKey|AuthFailure|AuthenticationError|Unauthorized|AccessDenied|Forbidden)/;
/** Codes that say TD does not know the task id. A bare 404 ("NotFound", "HTTP404") may be a wrong base URL instead. */
const UNKNOWN_TASK = /^(ResourceNotFound|NotFound\.|InvalidParameterValue\.TaskId|TaskNotFound)/;

export function isKeyRejected(e: TdError): boolean {
  return e.httpStatus === 401 || e.httpStatus === 403 || KEY_REJECTED.test(e.code);
}
export function isUnknownTask(e: TdError): boolean {
  return e.kind !== "network" && e.kind !== "timeout" && UNKNOWN_TASK.test(e.code);
}

let pollsPausedUntil = 0;

const g = globalThis as unknown as { __studioEngine?: { owner: string; stop: () => void } };

/** Run fn over items with at most n in flight. */
async function eachLimit<T>(items: T[], n: number, fn: (t: T) => Promise<void>) {
  let i = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (i < items.length) await fn(items[i++]).catch((e) => console.error("[engine]", e));
    }),
  );
}

/**
 * A self-rescheduling loop. A wake runs it at once when idle, or right after the current pass when busy —
 * never as a second copy (each wake during a pass used to start another loop that ran forever).
 */
function loop(name: string, tick: () => Promise<number>, idleMs: number) {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let woken = false;
  let stopped = false;
  const run = async () => {
    if (stopped || running) return;
    running = true;
    woken = false;
    let worked = 0;
    try {
      worked = await tick();
    } catch (e) {
      console.error(`[engine] ${name} tick failed:`, (e as Error).message);
    }
    running = false;
    if (!stopped) timer = setTimeout(run, woken ? 0 : worked ? 20 : idleMs);
  };
  timer = setTimeout(run, 0);
  return {
    wake: () => {
      if (running) woken = true;
      else if (!stopped) {
        clearTimeout(timer);
        timer = setTimeout(run, 0);
      }
    },
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/**
 * The server-side poller, started once per server process (instrumentation.ts). Work is claimed with a
 * lease (one compare-and-set over each batch), so several processes can share it and a crashed one's work is
 * taken over when its lease runs out. On Postgres the claim becomes `FOR UPDATE SKIP LOCKED`.
 */
export function startEngine(): { owner: string; stop: () => void } {
  if (g.__studioEngine) return g.__studioEngine;
  const owner = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const idleMs = Math.min(1000, config().STUDIO_POLL_MS);
  const poller = loop("poll", () => pollTick(owner), idleMs);
  const archiver = loop("archive", archiveTick, idleMs);
  void sweepStalePartials("uploads", STALE_PARTIAL_MS).catch((e) =>
    console.error("[engine] could not sweep upload temp files:", (e as Error).message),
  );
  // Housekeeping once an hour (first after a minute): the trash's expired items, then files no row references.
  const housekeeping = setInterval(() => void housekeep(), 3600_000);
  const firstSweep = setTimeout(() => void housekeep(), 60_000);
  housekeeping.unref?.();
  firstSweep.unref?.();
  onWake("archiver", archiver.wake);
  onWake("poller", poller.wake);
  g.__studioEngine = {
    owner,
    stop: () => {
      poller.stop();
      archiver.stop();
      clearInterval(housekeeping);
      clearTimeout(firstSweep);
      g.__studioEngine = undefined;
    },
  };
  return g.__studioEngine;
}

async function housekeep(): Promise<void> {
  try {
    const { purgeExpiredTrash, sweepOrphanFiles } = await import("@/lib/gallery/purge");
    const purged = await purgeExpiredTrash();
    const swept = await sweepOrphanFiles();
    if (purged || swept) console.log(`[engine] trash: ${purged} assets purged; ${swept} orphan files removed`);
  } catch (e) {
    console.error("[engine] housekeeping failed:", (e as Error).message);
  }
}

/** Per create window (longest call + slack), the models that share it; unknown models get the longest. */
function submitWindows(): Map<number, string[]> {
  const windows = new Map<number, string[]>();
  for (const m of CATALOG) {
    const adapter = adapterFor(m.family);
    if (!adapter) continue;
    const ms = adapter.maxSubmitMs(m) + SUBMIT_SLACK_MS;
    windows.set(ms, [...(windows.get(ms) ?? []), m.id]);
  }
  return windows;
}

/** One pass: recover unsent or half-sent creates, then poll every due generation we can lease. */
export async function pollTick(owner: string): Promise<number> {
  const now = new Date();
  // Never sent (the server died between writing the record and the create call): sent now only if recent —
  // an old one would surprise its user (and bill them) long after they gave up on it.
  await db().generation.updateMany({
    where: {
      status: "queued",
      submittedAt: null,
      attempts: 0,
      createdAt: { lt: new Date(now.getTime() - config().STUDIO_RESEND_WINDOW_MS) },
    },
    data: {
      status: "failed",
      errorCode: "NotSent",
      errorMessage:
        "The studio stopped before sending this task to TD, and it is too old to send now. Nothing was charged; run it again.",
      finishedAt: now,
      nextPollAt: null,
    },
  });
  // Also the creates TD refused for capacity (attempts > 0), when their backoff is due.
  const unsent = await db().generation.findMany({
    where: {
      status: "queued",
      submittedAt: null,
      OR: [{ nextPollAt: null }, { nextPollAt: { lte: now } }],
      AND: [{ OR: [{ attempts: 0, createdAt: { lt: new Date(now.getTime() - 5_000) } }, { attempts: { gt: 0 } }] }],
    },
    select: { id: true },
    take: 20,
  });
  await eachLimit(unsent, 4, (u) => submitGeneration(u.id));
  // Sent but never answered: TD may have it, so we must not send it again. Only once the create can no longer
  // answer (its longest duration, retries included, per model); an answer after that still revives it.
  const windows = submitWindows();
  const known = [...windows.values()].flat();
  const longest = Math.max(...windows.keys());
  for (const [windowMs, models] of [...windows, [longest, []] as [number, string[]]]) {
    const stale = await db().generation.findMany({
      where: {
        status: "queued",
        upstreamTaskId: null,
        submittedAt: { lt: new Date(now.getTime() - windowMs) },
        model: models.length ? { in: models } : { notIn: known },
      },
      select: { id: true, submittedAt: true },
      take: 50,
    });
    for (const s of stale) {
      const message =
        "The studio stopped while sending this task, before TD confirmed it. It was not sent again, so you are not charged twice; run it again if needed.";
      await recordFailure(
        s.id,
        { code: "SubmitInterrupted", message, requestIds: [] },
        { stillSending: s.submittedAt! },
      );
    }
  }
  if (Date.now() < pollsPausedUntil) return unsent.length;

  const due = await db().generation.findMany({
    where: {
      status: { in: ["queued", "running"] },
      upstreamTaskId: { not: null },
      nextPollAt: { lte: now },
      OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lt: now } }],
    },
    orderBy: { nextPollAt: "asc" },
    select: { id: true },
    take: POLL_BATCH,
  });
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  // One statement claims the whole batch (a row per statement cost ~1.6 ms each: the poller's bottleneck);
  // reading back our exact lease stamp tells which rows we won, with everything pollOne needs.
  const ids = due.map((d) => d.id);
  let mine: Generation[] = [];
  if (ids.length) {
    await db().generation.updateMany({
      where: {
        id: { in: ids },
        status: { in: ["queued", "running"] },
        OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lt: now } }],
      },
      data: { leaseOwner: owner, leaseExpiresAt: leaseUntil },
    });
    mine = await db().generation.findMany({
      where: { id: { in: ids }, leaseOwner: owner, leaseExpiresAt: leaseUntil },
      orderBy: { nextPollAt: "asc" },
    });
  }
  await eachLimit(mine, POLL_CONCURRENCY, pollOne);
  return mine.length + unsent.length;
}

async function pollOne(gen: Generation): Promise<void> {
  const id = gen.id;
  if (!gen.upstreamTaskId) return;
  const model = getModel(gen.model);
  const adapter = model && adapterFor(model.family);
  if (!model || !adapter) {
    // Re-leasing it would only go round forever: the studio can no longer read this model's answers.
    const error = {
      code: "ModelUnavailable",
      message: `${gen.model} is no longer in the studio's catalog, so its task cannot be followed.`,
    };
    await applyPollResult(id, { status: "failed", upstreamStatus: gen.upstreamStatus ?? "", requestIds: [], error });
    return;
  }
  const lifetimeMs = (model.taskLifetimeHours ?? 24) * 3600_000;
  if (gen.submittedAt && Date.now() - gen.submittedAt.getTime() > lifetimeMs) {
    await applyPollResult(id, {
      status: "expired",
      upstreamStatus: gen.upstreamStatus ?? "EXPIRED",
      requestIds: [],
      error: {
        code: "Expired",
        message: `The task did not finish within TD's ${model.taskLifetimeHours ?? 24} h task lifetime.`,
      },
    });
    return;
  }
  try {
    const r = await adapter.poll({ model, upstreamTaskId: gen.upstreamTaskId });
    await applyPollResult(id, r);
  } catch (e) {
    if (e instanceof TdError && isUnknownTask(e)) {
      await applyPollResult(id, {
        status: "failed",
        upstreamStatus: gen.upstreamStatus ?? "",
        requestIds: [e.requestId],
        error: { code: e.code, message: e.upstreamMessage },
      });
      return;
    }
    let retryAt = Date.now() + nextPollDelay(gen.submittedAt);
    if (e instanceof TdError && isKeyRejected(e)) {
      // Not transient: every poll would be refused the same way until the key is fixed.
      if (Date.now() >= pollsPausedUntil)
        console.error(
          `[engine] TD rejected the API key (HTTP ${e.httpStatus ?? "200"} ${e.code}, requestId ${e.requestId}): polling paused for ${AUTH_PAUSE_MS / 1000} s. Check TD_API_KEY.`,
        );
      pollsPausedUntil = Math.max(pollsPausedUntil, Date.now() + AUTH_PAUSE_MS);
      retryAt = pollsPausedUntil;
    }
    // Transient faults were already retried inside the client; try again at the next interval.
    const requestIds = e instanceof TdError ? [e.requestId] : [];
    const ids = JSON.parse(gen.requestIds || "[]") as string[];
    await db().generation.updateMany({
      where: { id, status: { in: ["queued", "running"] } },
      data: {
        nextPollAt: new Date(retryAt),
        leaseOwner: null,
        leaseExpiresAt: null,
        requestIds: JSON.stringify([...ids, ...requestIds].slice(-40)),
      },
    });
  }
}

export async function archiveTick(): Promise<number> {
  const now = new Date();
  const due = await db().asset.findMany({
    where: {
      origin: "output",
      OR: [
        { archiveState: "temporary" },
        { archiveState: { in: ["failed", "archiving"] }, nextArchiveAt: { lte: now } },
      ],
    },
    select: { id: true },
    take: 20,
  });
  await eachLimit(due, ARCHIVE_CONCURRENCY, (a) => archiveAsset(a.id));
  // Generations whose outputs are all settled (normally done by the archiver itself; this covers a crash in between).
  const saved = await db().generation.findMany({
    where: {
      status: "running",
      phase: "saving",
      outputs: {
        none: {
          OR: [
            { archiveState: { in: ["temporary", "archiving"] } },
            { archiveState: "failed", nextArchiveAt: { not: null } },
          ],
        },
      },
    },
    select: { id: true },
    take: 50,
  });
  await eachLimit(saved, 4, (s) => settleSaving(s.id));
  return due.length;
}
