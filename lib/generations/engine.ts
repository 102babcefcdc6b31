import "server-only";
import { randomUUID } from "node:crypto";
import { getModel } from "@/lib/catalog";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { TdError } from "@/lib/td/errors";
import { adapterFor } from "./adapters";
import { archiveAsset } from "./archive";
import { applyPollResult, nextPollDelay, recordFailure } from "./finish";
import { submitGeneration } from "./submit";
import { onWake } from "./wake";

const LEASE_MS = 60_000;
const POLL_BATCH = 100;
const POLL_CONCURRENCY = 16;
const ARCHIVE_CONCURRENCY = 3;

const g = globalThis as unknown as { __studioEngine?: { owner: string; stop: () => void } };

/** Run fn over items with at most n in flight. */
async function eachLimit<T>(items: T[], n: number, fn: (t: T) => Promise<void>) {
  let i = 0;
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, async () => {
    while (i < items.length) await fn(items[i++]).catch((e) => console.error("[engine]", e));
  }));
}

/**
 * The server-side poller, started once per server process (instrumentation.ts). Work is claimed with a
 * lease (a compare-and-set per row), so several processes can share it and a crashed one's work is
 * taken over when its lease runs out. On Postgres the claim becomes `FOR UPDATE SKIP LOCKED`.
 */
export function startEngine(): { owner: string; stop: () => void } {
  if (g.__studioEngine) return g.__studioEngine;
  const owner = `${process.pid}-${randomUUID().slice(0, 8)}`;
  let stopped = false;
  let pollTimer: NodeJS.Timeout | undefined;
  let archiveTimer: NodeJS.Timeout | undefined;
  const idleMs = Math.min(1000, config().STUDIO_POLL_MS);

  const pollLoop = async () => {
    if (stopped) return;
    let worked = 0;
    try {
      worked = await pollTick(owner);
    } catch (e) {
      console.error("[engine] poll tick failed:", (e as Error).message);
    }
    if (!stopped) pollTimer = setTimeout(pollLoop, worked ? 20 : idleMs);
  };
  const archiveLoop = async () => {
    if (stopped) return;
    let worked = 0;
    try {
      worked = await archiveTick();
    } catch (e) {
      console.error("[engine] archive tick failed:", (e as Error).message);
    }
    if (!stopped) archiveTimer = setTimeout(archiveLoop, worked ? 20 : idleMs);
  };
  onWake("archiver", () => {
    clearTimeout(archiveTimer);
    archiveTimer = setTimeout(archiveLoop, 0);
  });
  onWake("poller", () => {
    clearTimeout(pollTimer);
    pollTimer = setTimeout(pollLoop, 0);
  });
  pollTimer = setTimeout(pollLoop, 0);
  archiveTimer = setTimeout(archiveLoop, 0);
  g.__studioEngine = {
    owner,
    stop: () => {
      stopped = true;
      clearTimeout(pollTimer);
      clearTimeout(archiveTimer);
      g.__studioEngine = undefined;
    },
  };
  return g.__studioEngine;
}

/** One pass: recover unsent or half-sent creates, then poll every due generation we can lease. */
export async function pollTick(owner: string): Promise<number> {
  const now = new Date();
  // Never sent (e.g. the server died between writing the record and the create call): safe to send now.
  const unsent = await db().generation.findMany({ where: { status: "queued", submittedAt: null, createdAt: { lt: new Date(now.getTime() - 5_000) } }, select: { id: true }, take: 20 });
  await eachLimit(unsent, 4, (u) => submitGeneration(u.id));
  // Sent but never answered before a crash: TD may have it, so we must not send it again.
  const stale = await db().generation.findMany({
    where: { status: "queued", upstreamTaskId: null, submittedAt: { lt: new Date(now.getTime() - config().TD_TIMEOUT_MS - 30_000) } },
    select: { id: true },
    take: 50,
  });
  for (const s of stale) {
    await recordFailure(s.id, { code: "SubmitInterrupted", message: "The studio stopped while sending this task, before TD confirmed it. It was not sent again, so you are not charged twice; run it again if needed.", requestIds: [] });
  }

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
  const mine: string[] = [];
  for (const d of due) {
    const r = await db().generation.updateMany({
      where: { id: d.id, status: { in: ["queued", "running"] }, OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lt: now } }] },
      data: { leaseOwner: owner, leaseExpiresAt: leaseUntil },
    });
    if (r.count === 1) mine.push(d.id);
  }
  await eachLimit(mine, POLL_CONCURRENCY, pollOne);
  return mine.length + unsent.length;
}

async function pollOne(id: string): Promise<void> {
  const gen = await db().generation.findUnique({ where: { id } });
  if (!gen || !gen.upstreamTaskId) return;
  const model = getModel(gen.model);
  const adapter = model && adapterFor(model.family);
  if (!model || !adapter) return;
  const lifetimeMs = (model.taskLifetimeHours ?? 24) * 3600_000;
  if (gen.submittedAt && Date.now() - gen.submittedAt.getTime() > lifetimeMs) {
    await applyPollResult(id, { status: "expired", upstreamStatus: gen.upstreamStatus ?? "EXPIRED", requestIds: [], error: { code: "Expired", message: `The task did not finish within TD's ${model.taskLifetimeHours ?? 24} h task lifetime.` } });
    return;
  }
  try {
    const r = await adapter.poll({ model, upstreamTaskId: gen.upstreamTaskId });
    await applyPollResult(id, r);
  } catch (e) {
    // Transient faults were already retried inside the client; try again at the next interval.
    const requestIds = e instanceof TdError ? [e.requestId] : [];
    const ids = JSON.parse(gen.requestIds || "[]") as string[];
    await db().generation.updateMany({
      where: { id, status: { in: ["queued", "running"] } },
      data: {
        nextPollAt: new Date(Date.now() + nextPollDelay(gen.submittedAt)),
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
  return due.length;
}
