import "server-only";
import { randomUUID } from "node:crypto";
import { CATALOG, getModel } from "@/lib/catalog";
import { config } from "@/lib/config";
import { db, dbKind } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics";
import { TdError } from "@/lib/td/errors";
import { adapterFor } from "./adapters";
import type { PollResult } from "./adapters/types";
import { sweepStalePartials } from "@/lib/storage";
import {
  archiveAsset,
  claimArchivesPg,
  deriveMedia,
  dueMedia,
  releaseArchiveClaims,
  releaseMediaClaims,
  setMediaWaker,
} from "./archive";
import { background } from "@/lib/assets/media";
import { applyPollResult, mergeIds, recordFailure, settleSaving } from "./finish";
import { nextPollDelay, statusLimiter } from "./schedule";
import { submitGeneration } from "./submit";
import { onWake, onWakeTask } from "./wake";
import { joinRelay } from "./relay";

const LEASE_MS = 60_000;
/** Leases of claimed work are renewed this often while it waits or its call is in flight. */
const LEASE_RENEW_MS = 20_000;
/** Rows claimed per statement; the pool takes more when fewer than its concurrency are waiting. */
const CLAIM_BATCH = 100;
/** Downloads in flight: network and disk waits, little CPU (posters and thumbnails are made by the media loop). */
const ARCHIVE_CONCURRENCY = 24;
/** Posters, thumbnails, waveforms: CPU work (ffmpeg niced, sharp), one at a time so polls and pages go first. */
const MEDIA_CONCURRENCY = 1;
/** The recovery queries (unsent and stale creates) run at most this often, not on every wake. */
const RECOVERY_EVERY_MS = 1000;
/** TD rejected the key (401/403): every poll would fail the same way, so the whole poller waits this long. */
export const AUTH_PAUSE_MS = 60_000;
/** Slack on top of a create's longest possible duration before it is declared interrupted. */
const SUBMIT_SLACK_MS = 30_000;
/** Upload temp files older than this are a dead process's leftovers (a live writer keeps touching its file). */
const STALE_PARTIAL_MS = 60 * 60_000;

const KEY_REJECTED = /^(InvalidApiKey|AuthFailure|AuthenticationError|Unauthorized|AccessDenied|Forbidden)/;
/** Codes that say TD does not know the task id. A bare 404 ("NotFound", "HTTP404") may be a wrong base URL instead. */
const UNKNOWN_TASK = /^(ResourceNotFound|NotFound\.|InvalidParameterValue\.TaskId|TaskNotFound)/;
const ACTIVE = ["queued", "running"];

export function isKeyRejected(e: TdError): boolean {
  return e.httpStatus === 401 || e.httpStatus === 403 || KEY_REJECTED.test(e.code);
}
export function isUnknownTask(e: TdError): boolean {
  return e.kind !== "network" && e.kind !== "timeout" && UNKNOWN_TASK.test(e.code);
}

let pollsPausedUntil = 0;

/** The running engine of this process: `drain` is the graceful shutdown (SIGTERM), `stop` the quick one (tests). */
export type Engine = { owner: string; stop: () => void; drain: (deadline: number) => Promise<DrainResult> };
export type DrainResult = { pollsReleased: number; archivesReleased: number; mediaReleased: number };

const g = globalThis as unknown as { __studioEngine?: Engine };
const elog = () => log("engine");

/** Run fn over items with at most n in flight. */
async function eachLimit<T>(items: T[], n: number, fn: (t: T) => Promise<void>) {
  let i = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (i < items.length) await fn(items[i++]).catch((err) => elog().error({ err }, "task failed"));
    }),
  );
}

/**
 * A self-rescheduling loop; `tick` answers how long to wait before the next run. A wake runs it at once when
 * idle, or right after the current pass when busy — never as a second copy. `stop` answers when the pass in
 * progress (if any) has ended.
 */
function loop(name: string, tick: () => Promise<number>, idleMs: number) {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let woken = false;
  let stopped = false;
  let current: Promise<void> = Promise.resolve();
  const pass = async () => {
    running = true;
    woken = false;
    let delay = idleMs;
    try {
      delay = await tick();
    } catch (err) {
      elog().error({ err, loop: name }, "tick failed");
    }
    running = false;
    if (!stopped) timer = setTimeout(run, woken ? 0 : delay);
  };
  const run = () => {
    if (stopped || running) return;
    current = pass();
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
    stop: (): Promise<void> => {
      stopped = true;
      clearTimeout(timer);
      return current;
    },
  };
}

/** What a poll needs of its record, read back by the claim itself (no second read per poll). */
const CLAIM_SELECT = {
  id: true,
  model: true,
  status: true,
  upstreamTaskId: true,
  upstreamStatus: true,
  progress: true,
  submittedAt: true,
  callback: true,
  nextPollAt: true,
} as const;
type Claimed = { id: string; model: string; status: string; upstreamTaskId: string | null } & {
  upstreamStatus: string | null;
  progress: number | null;
  submittedAt: Date | null;
  callback: boolean;
  nextPollAt: Date | null;
};

/**
 * The status polls of one process: a bounded pool that keeps taking due work. Claimed rows wait in `ready`;
 * each of `concurrency` slots takes the next one as soon as its call ends, so a hung call holds one slot,
 * not a batch. Every claimed row stays leased (renewed) while it waits or its call is in flight.
 */
class PollPool {
  private ready: { gen: Claimed; done: () => void }[] = [];
  private inFlight = new Set<string>();
  /** Made due again while its poll was in flight (a callback): polled again right after. */
  private again = new Set<string>();
  private claiming?: Promise<Promise<void>[]>;
  private flights = new Set<Promise<void>>();
  /** Shutting down: nothing more is claimed or started. */
  private closed = false;
  /** Leased rows that will not be polled here (the pool closed): drain gives their leases back. */
  private handedBack = new Set<string>();
  onIdleSlot: () => void = () => {};

  constructor(
    readonly owner: string,
    private readonly concurrency: () => number,
  ) {}

  held(): string[] {
    return [...this.inFlight, ...this.ready.map((r) => r.gen.id)];
  }

  markAgain(id: string) {
    if (this.inFlight.has(id)) this.again.add(id);
  }

  /**
   * Claim due rows when fewer than `concurrency` are waiting (`all`: every due row now, batch after batch),
   * and start what the free slots can take. Answers a promise per claimed row, settled when its poll ends.
   */
  async fill(all = false): Promise<Promise<void>[]> {
    const started: Promise<void>[] = [];
    if (this.closed) return started;
    while ((all || this.ready.length < this.concurrency()) && Date.now() >= pollsPausedUntil) {
      this.claiming ??= this.claim().finally(() => (this.claiming = undefined));
      const batch = await this.claiming;
      started.push(...batch);
      if (!all || batch.length < CLAIM_BATCH) break;
    }
    this.pump();
    return started;
  }

  private async claim(): Promise<Promise<void>[]> {
    const now = new Date();
    const free = { OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lt: now } }] };
    const held = this.held();
    if (dbKind() === "postgres") {
      const mine = await claimPg(this.owner, now, held);
      return this.take(mine);
    }
    // nextPollAt first: the claim is a range scan of the nextPollAt index in due order (terminal rows have none).
    const due = await db().generation.findMany({
      where: {
        nextPollAt: { lte: now },
        status: { in: ACTIVE },
        upstreamTaskId: { not: null },
        ...free,
        ...(held.length ? { id: { notIn: held } } : {}),
      },
      orderBy: { nextPollAt: "asc" },
      select: { id: true },
      take: CLAIM_BATCH,
    });
    if (!due.length) return [];
    // One statement leases the batch and returns what each poll needs; a row another process won is not returned.
    const mine = await db().generation.updateManyAndReturn({
      where: { id: { in: due.map((d) => d.id) }, status: { in: ACTIVE }, ...free },
      data: { leaseOwner: this.owner, leaseExpiresAt: new Date(now.getTime() + LEASE_MS) },
      select: CLAIM_SELECT,
    });
    return this.take(mine);
  }

  /** Rows a claim statement leased: queued for a slot, or, when the pool closed while the statement ran, handed back. */
  private take(rows: Claimed[]): Promise<void>[] {
    if (this.closed) {
      for (const r of rows) this.handedBack.add(r.id);
      return [];
    }
    return rows.map((gen) => new Promise<void>((done) => this.ready.push({ gen, done })));
  }

  /**
   * Shutdown: claim nothing more, hand the unstarted rows back to the caller (their leases are still ours), and
   * with them the rows of a claim statement still running; `held()`, asked once `settled` (or the caller's bound)
   * has passed, names every id whose lease may still be ours.
   */
  close(): { held: () => string[]; settled: Promise<unknown> } {
    this.closed = true;
    for (const w of this.ready.splice(0)) {
      this.handedBack.add(w.gen.id);
      w.done();
    }
    // A claim statement running now leases rows too: they are handed back with the rest once it returns.
    const inFlight = [...this.inFlight];
    return {
      held: () => [...new Set([...inFlight, ...this.inFlight, ...this.handedBack])],
      settled: Promise.allSettled([...this.flights, this.claiming]),
    };
  }

  private pump() {
    while (!this.closed && this.inFlight.size < this.concurrency() && this.ready.length) {
      const { gen, done } = this.ready.shift()!;
      this.inFlight.add(gen.id);
      const flight = pollOne(this.owner, gen)
        .catch((err) => elog().error({ err, generationId: gen.id }, "poll failed"))
        .then(async () => {
          if (!this.again.delete(gen.id)) return;
          await db().generation.updateMany({
            where: { id: gen.id, status: { in: ACTIVE } },
            data: { nextPollAt: new Date() },
          });
        })
        .catch(() => undefined)
        .finally(() => {
          this.inFlight.delete(gen.id);
          this.flights.delete(flight);
          done();
          this.pump();
          if (this.ready.length < this.concurrency()) this.onIdleSlot();
        });
      this.flights.add(flight);
    }
  }

  /** Keep our claims: every waiting or in-flight row's lease pushed out again. */
  async renew(): Promise<void> {
    const ids = this.held();
    if (!ids.length) return;
    await db().generation.updateMany({
      where: { id: { in: ids }, leaseOwner: this.owner },
      data: { leaseExpiresAt: new Date(Date.now() + LEASE_MS) },
    });
  }
}

/**
 * PostgreSQL: one statement picks the due rows in nextPollAt order, skips the ones another process is claiming at
 * this moment (FOR UPDATE SKIP LOCKED: no waiting, no two processes on the same row), leases them and returns what
 * each poll needs.
 */
async function claimPg(owner: string, now: Date, held: string[]): Promise<Claimed[]> {
  const until = new Date(now.getTime() + LEASE_MS);
  return db().$queryRaw<Claimed[]>`
    UPDATE "Generation" SET "leaseOwner" = ${owner}, "leaseExpiresAt" = ${until}
    WHERE "id" IN (
      SELECT "id" FROM "Generation"
      WHERE "nextPollAt" <= ${now} AND "status" IN (${Prisma.join(ACTIVE)}) AND "upstreamTaskId" IS NOT NULL
        AND ("leaseExpiresAt" IS NULL OR "leaseExpiresAt" < ${now})
        ${held.length ? Prisma.sql`AND "id" NOT IN (${Prisma.join(held)})` : Prisma.empty}
      ORDER BY "nextPollAt" LIMIT ${CLAIM_BATCH}
      FOR UPDATE SKIP LOCKED)
    RETURNING "id", "model", "status", "upstreamTaskId", "upstreamStatus", "progress", "submittedAt", "callback",
      "nextPollAt"`;
}

const pools = new Map<string, PollPool>();
function poolOf(owner: string): PollPool {
  let p = pools.get(owner);
  if (!p) {
    p = new PollPool(owner, () => config().STUDIO_POLL_CONCURRENCY);
    pools.set(owner, p);
  }
  return p;
}

/**
 * The server-side poller, started once per server process (instrumentation.ts). Work is claimed with a
 * lease (one statement over each batch), so several processes can share it and a crashed one's work is
 * taken over when its lease runs out. On Postgres the claim becomes `FOR UPDATE SKIP LOCKED`.
 */
export function startEngine(): Engine {
  if (g.__studioEngine) return g.__studioEngine;
  const owner = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const idleMs = Math.min(1000, config().STUDIO_POLL_MS);
  const pool = poolOf(owner);
  const poller = loop("poll", () => engineTick(pool, idleMs), idleMs);
  const archiver = loop("archive", async () => ((await archiveTick()) ? 20 : idleMs), idleMs);
  archiveSlotFreed = archiver.wake;
  const media = loop("media", async () => ((await mediaTick()) ? 0 : idleMs), idleMs);
  setMediaWaker(media.wake);
  pool.onIdleSlot = poller.wake;
  const renewal = setInterval(
    () => void pool.renew().catch((err) => elog().error({ err }, "lease renewal failed")),
    LEASE_RENEW_MS,
  );
  renewal.unref();
  void sweepStalePartials("uploads", STALE_PARTIAL_MS).catch((err) =>
    elog().error({ err }, "could not sweep upload temp files"),
  );
  // Housekeeping once an hour (first after a minute): the trash's expired items, then files no row references.
  const housekeeping = setInterval(() => void housekeep(), 3600_000);
  const firstSweep = setTimeout(() => void housekeep(), 60_000);
  housekeeping.unref?.();
  firstSweep.unref?.();
  onWake("archiver", archiver.wake);
  onWake("poller", poller.wake);
  onWakeTask((id) => pool.markAgain(id));
  // PostgreSQL: a callback or a finished download seen by one process wakes every process's engine (the task may be
  // leased by another one), and a caller change reaches every process's cache (lib/generations/relay.ts).
  const leaveRelay = joinRelay();
  const stop = () => {
    void poller.stop();
    void archiver.stop();
    void media.stop();
    setMediaWaker(undefined);
    archiveSlotFreed = undefined;
    clearInterval(renewal);
    clearInterval(housekeeping);
    clearTimeout(firstSweep);
    leaveRelay();
    if (g.__studioEngine?.owner === owner) g.__studioEngine = undefined;
  };
  /**
   * Graceful shutdown: stop claiming, let the passes and polls in flight end until `deadline`, then hand back every
   * lease and download claim still ours, so another process takes the work at once instead of after LEASE_MS.
   */
  const drain = async (deadline: number): Promise<DrainResult> => {
    const until = <T>(p: Promise<T>) =>
      Promise.race([
        p.then(
          () => undefined,
          () => undefined,
        ),
        sleep(Math.max(0, deadline - Date.now())),
      ]);
    const { held, settled } = pool.close();
    await until(Promise.all([poller.stop(), archiver.stop(), media.stop(), settled, archivesInFlight()]));
    stop();
    const ids = held();
    const [polls, archivesReleased, mediaReleased] = await Promise.all([
      ids.length
        ? db().generation.updateMany({
            where: { id: { in: ids }, leaseOwner: owner, status: { in: ACTIVE } },
            data: { leaseOwner: null, leaseExpiresAt: null },
          })
        : { count: 0 },
      releaseArchiveClaims(),
      releaseMediaClaims(),
    ]);
    return { pollsReleased: polls.count, archivesReleased, mediaReleased };
  };
  g.__studioEngine = { owner, stop, drain };
  return g.__studioEngine;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref?.());

/** The engine started in this process, if any. */
export function runningEngine(): Engine | undefined {
  return g.__studioEngine;
}

let lastRecovery = 0;

/** Push out the leases of everything this owner has claimed (the engine does it every LEASE_RENEW_MS). */
export function renewLeases(owner: string): Promise<void> {
  return poolOf(owner).renew();
}

/** The loop's pass: recovery at most once a second, then fill the pool; sleeps until the next poll is due. */
async function engineTick(pool: PollPool, idleMs: number): Promise<number> {
  let busy = 0;
  if (Date.now() - lastRecovery >= RECOVERY_EVERY_MS) {
    lastRecovery = Date.now();
    busy = await recoverCreates();
  }
  const started = await pool.fill();
  if (busy || started.length) return 20;
  if (Date.now() < pollsPausedUntil) return Math.min(idleMs, pollsPausedUntil - Date.now());
  // Nothing due: sleep until the earliest next poll (one indexed lookup), at most the idle interval. Only rows a
  // claim could take count: one whose poll is in flight (ours, or another process's) is overdue until its answer,
  // and would make this loop spin every few milliseconds; a lease that runs out is seen within the idle interval.
  const now = new Date();
  const next = await db().generation.findFirst({
    where: {
      nextPollAt: { not: null },
      status: { in: ACTIVE },
      upstreamTaskId: { not: null },
      OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lt: now } }],
    },
    orderBy: { nextPollAt: "asc" },
    select: { nextPollAt: true },
  });
  const wait = next?.nextPollAt ? next.nextPollAt.getTime() - now.getTime() : idleMs;
  return Math.max(5, Math.min(idleMs, wait));
}

/** One full pass, for tests and tools: recovery (unless told not to), then every due poll we can lease, awaited. */
export async function pollTick(owner: string, opts: { recover?: boolean } = {}): Promise<number> {
  lastRecovery = Date.now();
  const unsent = opts.recover === false ? 0 : await recoverCreates();
  const started = await poolOf(owner).fill(true);
  await Promise.all(started);
  return started.length + unsent;
}

async function housekeep(): Promise<void> {
  try {
    const { purgeExpiredTrash, sweepOrphanFiles } = await import("@/lib/gallery/purge");
    const purged = await purgeExpiredTrash();
    const swept = await sweepOrphanFiles();
    if (purged || swept) elog().info({ purged, swept }, "trash emptied and orphan files removed");
  } catch (err) {
    elog().error({ err }, "housekeeping failed");
  }
}

/** Each model's create window (its longest call, retries included, + slack); unknown models get the longest. */
function submitWindows(): { byModel: Map<string, number>; shortest: number; longest: number } {
  const byModel = new Map<string, number>();
  for (const m of CATALOG) {
    const adapter = adapterFor(m.family);
    if (adapter) byModel.set(m.id, adapter.maxSubmitMs(m) + SUBMIT_SLACK_MS);
  }
  const all = [...byModel.values()];
  return { byModel, shortest: Math.min(...all), longest: Math.max(...all) };
}

/** Recover unsent or half-sent creates; answers how many unsent ones were sent. */
async function recoverCreates(): Promise<number> {
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
  // One query for every model (rows past the shortest window), then each row against its own model's window. The
  // rows it reads are creates still in flight after that long: a few; the bound only spreads a crash's backlog.
  const stale = await db().generation.findMany({
    where: {
      status: "queued",
      upstreamTaskId: null,
      submittedAt: { lt: new Date(now.getTime() - windows.shortest) },
    },
    select: { id: true, model: true, submittedAt: true },
    orderBy: { submittedAt: "asc" },
    take: 200,
  });
  for (const s of stale) {
    if (s.submittedAt!.getTime() >= now.getTime() - (windows.byModel.get(s.model) ?? windows.longest)) continue;
    const message =
      "The studio stopped while sending this task, before TD confirmed it. It was not sent again, so you are not charged twice; run it again if needed.";
    await recordFailure(s.id, { code: "SubmitInterrupted", message, requestIds: [] }, { stillSending: s.submittedAt! });
  }
  // Experiment cells waiting for a slot (a restart, another process's ends): imported late, experiments create generations.
  void import("@/lib/experiments/run")
    .then((m) => m.pumpWaiting())
    .catch((e) => console.error("[engine] experiments:", (e as Error).message));
  return unsent.length;
}

/** A "still running, same progress" answer: nothing to write but the next poll time. */
function unchanged(gen: Claimed, r: PollResult): boolean {
  return (
    r.status === gen.status &&
    r.upstreamStatus === gen.upstreamStatus &&
    (r.progress === undefined || r.progress === gen.progress) &&
    !r.outputs?.length &&
    !r.error
  );
}

async function pollOne(owner: string, gen: Claimed): Promise<void> {
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
  const plan = { model, callback: gen.callback };
  const m = metrics();
  if (gen.nextPollAt) m.pollLag.observe(Math.max(0, (Date.now() - gen.nextPollAt.getTime()) / 1000));
  try {
    const limiter = statusLimiter();
    const r = await adapter.poll({ model, upstreamTaskId: gen.upstreamTaskId, beforeSend: () => limiter.take() });
    const same = unchanged(gen, r);
    m.polls.inc({ outcome: same ? "unchanged" : "changed" });
    if (!same) return await applyPollResult(id, r);
    // One small write, no read: the next poll time, and the lease handed back (only if it is still ours).
    await db().generation.updateMany({
      where: { id, leaseOwner: owner, status: { in: ACTIVE } },
      data: {
        nextPollAt: new Date(Date.now() + nextPollDelay(gen.submittedAt, plan, gen.progress)),
        leaseOwner: null,
        leaseExpiresAt: null,
      },
    });
  } catch (e) {
    m.polls.inc({ outcome: "error" });
    if (e instanceof TdError && isUnknownTask(e)) {
      await applyPollResult(id, {
        status: "failed",
        upstreamStatus: gen.upstreamStatus ?? "",
        requestIds: [e.requestId],
        error: { code: e.code, message: e.upstreamMessage },
      });
      return;
    }
    let retryAt = Date.now() + nextPollDelay(gen.submittedAt, plan);
    if (e instanceof TdError && isKeyRejected(e)) {
      // Not transient: every poll would be refused the same way until the key is fixed.
      if (Date.now() >= pollsPausedUntil)
        elog().error(
          { httpStatus: e.httpStatus ?? 200, code: e.code, tdRequestId: e.requestId },
          `TD rejected the API key: polling paused for ${AUTH_PAUSE_MS / 1000} s. Check TD_API_KEY.`,
        );
      pollsPausedUntil = Math.max(pollsPausedUntil, Date.now() + AUTH_PAUSE_MS);
      retryAt = pollsPausedUntil;
    }
    // Transient faults were already retried inside the client; try again at the next interval.
    const requestIds = e instanceof TdError ? [e.requestId] : [];
    const row = await db().generation.findUnique({ where: { id }, select: { requestIds: true } });
    await db().generation.updateMany({
      where: { id, status: { in: ACTIVE } },
      data: {
        nextPollAt: new Date(retryAt),
        leaseOwner: null,
        leaseExpiresAt: null,
        requestIds: mergeIds(row?.requestIds ?? "[]", requestIds),
      },
    });
  }
}

/** Downloads in flight in this process (asset id → its run): each slot takes the next due output as soon as it ends. */
const archiving = new Map<string, Promise<void>>();
let archiveSlotFreed: (() => void) | undefined;
let lastSettleSweep = 0;

/**
 * The archiver's pass: claim as many due outputs as there are free download slots and start them — no batch
 * barrier (one slow download holds its own slot, not the next 19); a slot that frees wakes the loop at once.
 * Answers how many were started.
 */
export async function archiveTick(): Promise<number> {
  const now = new Date();
  const free = ARCHIVE_CONCURRENCY - archiving.size;
  let started = 0;
  if (free > 0) {
    const claimed: { id: string; archiveClaim?: string }[] =
      dbKind() === "postgres"
        ? await claimArchivesPg(now, free)
        : await db().asset.findMany({
            where: {
              origin: "output",
              OR: [
                { archiveState: "temporary" },
                { archiveState: { in: ["failed", "archiving"] }, nextArchiveAt: { lte: now } },
              ],
              ...(archiving.size ? { id: { notIn: [...archiving.keys()] } } : {}),
            },
            select: { id: true },
            orderBy: { createdAt: "asc" },
            take: free,
          });
    for (const a of claimed) {
      if (archiving.has(a.id)) continue;
      const run = archiveAsset(a.id, a.archiveClaim)
        .catch((err) => elog().error({ err, assetId: a.id }, "archive failed"))
        .finally(() => {
          archiving.delete(a.id);
          archiveSlotFreed?.();
        });
      archiving.set(a.id, run);
      started++;
    }
  }
  // The archiver settles its own generations; this sweep covers a crash between the two writes.
  if (Date.now() - lastSettleSweep >= RECOVERY_EVERY_MS * 5) {
    lastSettleSweep = Date.now();
    await settleSaved();
  }
  return started;
}

/** Shutdown: the downloads in flight, to wait for (bounded by the caller). */
function archivesInFlight(): Promise<unknown> {
  return Promise.allSettled([...archiving.values()]);
}

/**
 * Posters, thumbnails and waveforms of stored outputs, oldest first, in the background (niced tools). A process that
 * dies mid-way leaves its lease to run out; another process (or this one, restarted) makes it then.
 */
export async function mediaTick(): Promise<number> {
  const due = await dueMedia(MEDIA_CONCURRENCY * 4);
  let made = 0;
  await eachLimit(due, MEDIA_CONCURRENCY, async (id) => {
    if (await background.run(true, () => deriveMedia(id))) made++;
  });
  return made;
}

/** Generations whose outputs are all settled (normally done by the archiver itself; this covers a crash in between). */
async function settleSaved() {
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
}
