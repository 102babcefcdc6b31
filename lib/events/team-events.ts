import "server-only";
import { db, dbKind, sql } from "@/lib/db";
import { listenPg } from "@/lib/db/pg-listen";
import { generationView, type GenerationView } from "@/lib/generations/view";

// Per-team change events for the browsers (GET /api/v1/events). One in-process bus: a status write anywhere
// in this process (noted by the database client, lib/db) is read back once, shaped once and pushed to every
// open tab of that team — N tabs cost one read per change, not N. Each team has a version stamp in the
// database (TeamEventStamp), bumped with every batch of events: another process (issue 16) sees the stamp move
// with one cheap read every STAMP_WATCH_MS and tells its own tabs "changed"; a reconnecting tab sends the last
// version it saw (Last-Event-ID) and is told to refetch when it missed any. With PostgreSQL, LISTEN/NOTIFY on
// the bump replaces the stamp watch (watchStamps below) and nothing else changes.

export type TeamEvent =
  /** A generation's record changed (status, phase, progress, outputs): its whole view, as GET /generations/{id}. */
  | { type: "generation"; version: number; generation: GenerationView }
  /** Something of `topic` changed (e.g. "generations", "notifications"); "any" = refetch whatever is shown. */
  | { type: "changed"; version: number; topic: string; data?: Record<string, unknown> };

type Listener = (e: TeamEvent) => void;

const FLUSH_MS = 20;
/**
 * A write inside a transaction is noted before it commits: what was pushed is checked again every SETTLE_MS until
 * SETTLE_FOR_MS after the push (a transaction on a busy machine may commit seconds later).
 */
const SETTLE_MS = 300;
const SETTLE_FOR_MS = 5000;
const STAMP_WATCH_MS = 2000;
const NOTIFY_SETTLE_MS = 50;

interface Hub {
  listeners: Map<string, Set<Listener>>;
  /** The newest version of each team this process knows of (bumped here, or seen in the stamp table). */
  seen: Map<string, number>;
  dirtyGenerations: Set<string>;
  dirtyAssets: Set<string>;
  /** A write that named no record (a bulk update): every listening team is told "changed". */
  dirtyUnknown: boolean;
  flushTimer?: ReturnType<typeof setTimeout>;
  /** The shown fields of each record as pushed, and when, until the settle checks have seen it long enough. */
  pushed: Map<string, { shown: string; at: number }>;
  settleTimer?: ReturnType<typeof setTimeout>;
  watchTimer?: ReturnType<typeof setInterval>;
  /** PostgreSQL: this process LISTENs to the stamp bumps of every process. */
  unlisten?: () => void;
}

const g = globalThis as unknown as { __studioTeamEvents?: Hub };
const hub = (): Hub =>
  (g.__studioTeamEvents ??= {
    listeners: new Map(),
    seen: new Map(),
    dirtyGenerations: new Set(),
    dirtyAssets: new Set(),
    dirtyUnknown: false,
    pushed: new Map(),
  });

/** Listen to one team's events until the returned function is called. */
export function subscribeTeam(teamId: string, listener: Listener): () => void {
  const h = hub();
  let set = h.listeners.get(teamId);
  if (!set) h.listeners.set(teamId, (set = new Set()));
  set.add(listener);
  if (dbKind() === "postgres") {
    // Other processes' bumps arrive by NOTIFY (prisma/postgres/migrations/0003_team_events_notify); after a dropped
    // connection the stamps are read once, for what was missed meanwhile.
    h.unlisten ??= listenPg(
      "studio_team_events",
      onStampNotify,
      () => void watchStamps().catch((e) => console.error("[events] stamp catch-up", e)),
    );
    return () => {
      set.delete(listener);
      if (set.size === 0) h.listeners.delete(teamId);
    };
  }
  h.watchTimer ??= setInterval(
    () => void watchStamps().catch((e) => console.error("[events] stamp watch", e)),
    STAMP_WATCH_MS,
  );
  h.watchTimer.unref?.();
  return () => {
    set.delete(listener);
    if (set.size === 0) h.listeners.delete(teamId);
    if (h.listeners.size === 0 && h.watchTimer) {
      clearInterval(h.watchTimer);
      h.watchTimer = undefined;
    }
  };
}

export function listenerCount(teamId?: string): number {
  const h = hub();
  if (teamId) return h.listeners.get(teamId)?.size ?? 0;
  let n = 0;
  for (const s of h.listeners.values()) n += s.size;
  return n;
}

/** The team's current version (0 before its first event). */
export async function teamVersion(teamId: string): Promise<number> {
  const row = await db().teamEventStamp.findUnique({ where: { teamId }, select: { version: true } });
  const v = row?.version ?? 0;
  const h = hub();
  if (v > (h.seen.get(teamId) ?? 0)) h.seen.set(teamId, v);
  return v;
}

/**
 * Tell a team's open tabs that something of `topic` changed (a generic hook for later features, e.g.
 * notifications): bumps the team's stamp, then pushes `changed` to this process's tabs.
 */
export async function publishTeamChange(teamId: string, topic: string, data?: Record<string, unknown>) {
  const version = await bump([teamId]).then((v) => v.get(teamId) ?? 0);
  emit(teamId, { type: "changed", version, topic, ...(data ? { data } : {}) });
}

/**
 * Called by the database client after a write to generations (`ids`: the records it named; undefined: a bulk
 * write) or to assets' archive state. Never throws, never waits: the work happens in a batch shortly after.
 */
export function noteWrite(kind: "generation" | "asset", ids: string[] | undefined): void {
  const h = hub();
  if (!ids) h.dirtyUnknown = true;
  else for (const id of ids) (kind === "generation" ? h.dirtyGenerations : h.dirtyAssets).add(id);
  h.flushTimer ??= setTimeout(() => {
    h.flushTimer = undefined;
    flush().catch((e) => console.error("[events] publishing changes failed", e));
  }, FLUSH_MS);
}

function emit(teamId: string, e: TeamEvent) {
  const h = hub();
  if (e.version > (h.seen.get(teamId) ?? 0)) h.seen.set(teamId, e.version);
  for (const l of h.listeners.get(teamId) ?? []) {
    try {
      l(e);
    } catch (err) {
      console.error("[events] a listener failed", err);
    }
  }
}

async function flush() {
  const h = hub();
  let ids = [...h.dirtyGenerations];
  const assetIds = [...h.dirtyAssets];
  const unknown = h.dirtyUnknown;
  h.dirtyGenerations.clear();
  h.dirtyAssets.clear();
  h.dirtyUnknown = false;
  if (assetIds.length) {
    const owners = await db().asset.findMany({
      where: { id: { in: assetIds }, generationId: { not: null } },
      select: { generationId: true },
    });
    ids = [...new Set([...ids, ...owners.map((a) => a.generationId!)])];
  }
  const versions = ids.length ? await bumpForGenerations(ids) : new Map<string, number>();
  const listening = [...h.listeners.keys()];
  // Only the teams with a tab open in this process need the records themselves: one read for all of them.
  const wanted = listening.filter((t) => versions.has(t));
  if (wanted.length) {
    const rows = await db().generation.findMany({
      where: { id: { in: ids }, teamId: { in: wanted } },
      include: { outputs: true, inputs: { orderBy: { position: "asc" } }, ledger: true },
    });
    for (const row of rows) {
      h.pushed.set(row.id, { shown: shownOf(row), at: Date.now() });
      emit(row.teamId!, { type: "generation", version: versions.get(row.teamId!)!, generation: generationView(row) });
    }
    scheduleSettle(h);
  }
  if (unknown && listening.length) {
    const bumped = await bump(listening);
    for (const t of listening) emit(t, { type: "changed", version: bumped.get(t) ?? 0, topic: "generations" });
  }
}

/** What a page shows of a generation's row (lib/db notes writes to these), as one comparable string. */
const SHOWN = {
  status: true,
  phase: true,
  progress: true,
  errorCode: true,
  errorMessage: true,
  finishedAt: true,
  upstreamStatus: true,
} as const;
const shownOf = (r: Record<keyof typeof SHOWN, unknown>) =>
  JSON.stringify(Object.keys(SHOWN).map((k) => r[k as keyof typeof SHOWN]));

/**
 * A record whose shown fields moved on since it was pushed (its transaction committed later) is pushed again. Only
 * those fields count: a write the page does not show (the next poll time) is no event, however the timers fall.
 */
async function settle() {
  const h = hub();
  const pushed = new Map(h.pushed);
  h.pushed.clear();
  const rows = await db().generation.findMany({
    where: { id: { in: [...pushed.keys()] } },
    select: { id: true, ...SHOWN },
  });
  const moved = rows.filter((r) => shownOf(r) !== pushed.get(r.id)?.shown).map((r) => r.id);
  // Unchanged and young: its transaction may still commit. Looked at again unless a newer push took its place.
  const now = Date.now();
  for (const r of rows) {
    const p = pushed.get(r.id)!;
    if (!moved.includes(r.id) && now - p.at < SETTLE_FOR_MS && !h.pushed.has(r.id)) h.pushed.set(r.id, p);
  }
  if (moved.length) noteWrite("generation", moved);
  if (h.pushed.size) scheduleSettle(h);
}

function scheduleSettle(h: Hub) {
  h.settleTimer ??= setTimeout(() => {
    h.settleTimer = undefined;
    settle().catch((e) => console.error("[events] settle check failed", e));
  }, SETTLE_MS);
  h.settleTimer.unref?.();
}

/** One statement: the stamps of the teams owning these generations, each bumped once. */
async function bumpForGenerations(ids: string[]): Promise<Map<string, number>> {
  const rows = await db().$queryRawUnsafe<{ teamId: string; version: number | bigint }[]>(
    sql(`INSERT INTO "TeamEventStamp" ("teamId", "version")
     SELECT DISTINCT "teamId", 1 FROM "Generation" WHERE "teamId" IS NOT NULL AND "id" IN (${ids.map(() => "?").join(", ")})
     ON CONFLICT ("teamId") DO UPDATE SET "version" = "TeamEventStamp"."version" + 1
     RETURNING "teamId", "version"`),
    ...ids,
  );
  return remember(rows);
}

async function bump(teamIds: string[]): Promise<Map<string, number>> {
  const rows = await db().$queryRawUnsafe<{ teamId: string; version: number | bigint }[]>(
    sql(`INSERT INTO "TeamEventStamp" ("teamId", "version")
     SELECT "id", 1 FROM "Team" WHERE "id" IN (${teamIds.map(() => "?").join(", ")})
     ON CONFLICT ("teamId") DO UPDATE SET "version" = "TeamEventStamp"."version" + 1
     RETURNING "teamId", "version"`),
    ...teamIds,
  );
  return remember(rows);
}

function remember(rows: { teamId: string; version: number | bigint }[]): Map<string, number> {
  const h = hub();
  const out = new Map<string, number>();
  for (const r of rows) {
    const v = Number(r.version);
    out.set(r.teamId, v);
    if (v > (h.seen.get(r.teamId) ?? 0)) h.seen.set(r.teamId, v);
  }
  return out;
}

/**
 * A bump announced by NOTIFY ("<teamId> <version>"), from any process. Our own bumps are remembered (seen) as their
 * statement returns, which can be a moment after the NOTIFY arrives: the check waits NOTIFY_SETTLE_MS, so only
 * another process's bump becomes `changed` here.
 */
function onStampNotify(payload: string) {
  const [teamId, v] = payload.split(" ");
  const version = Number(v);
  if (!teamId || !Number.isFinite(version) || !hub().listeners.has(teamId)) return;
  setTimeout(() => {
    if (version > (hub().seen.get(teamId) ?? 0)) emit(teamId, { type: "changed", version, topic: "any" });
  }, NOTIFY_SETTLE_MS).unref?.();
}

/** Another process published: its bump shows in the stamp table. (PostgreSQL: LISTEN/NOTIFY instead.) */
async function watchStamps() {
  const h = hub();
  const teams = [...h.listeners.keys()];
  if (!teams.length) return;
  const rows = await db().teamEventStamp.findMany({ where: { teamId: { in: teams } } });
  for (const r of rows) {
    const known = h.seen.get(r.teamId) ?? 0;
    if (r.version > known) emit(r.teamId, { type: "changed", version: r.version, topic: "any" });
  }
}
