import "server-only";
import { timingSafeEqual, createHash } from "node:crypto";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { metrics } from "./index";

const ACTIVE = ["queued", "running"];

/** The gauges, read when Prometheus scrapes: a few statements over the nextPollAt, phase and archive indexes. */
async function refreshGauges(): Promise<void> {
  const m = metrics();
  const now = new Date();
  // Followed work has a next poll time or a phase (terminal rows have neither), so both indexes serve this.
  const [queue, oldest, due, backlog] = await Promise.all([
    db().generation.groupBy({
      by: ["status", "phase"],
      where: { status: { in: ACTIVE }, OR: [{ nextPollAt: { not: null } }, { phase: { not: null } }] },
      _count: { _all: true },
    }),
    db().generation.findFirst({
      where: { nextPollAt: { lte: now }, status: { in: ACTIVE }, upstreamTaskId: { not: null } },
      orderBy: { nextPollAt: "asc" },
      select: { nextPollAt: true },
    }),
    db().generation.count({
      where: {
        nextPollAt: { lte: now },
        status: { in: ACTIVE },
        upstreamTaskId: { not: null },
        OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lt: now } }],
      },
    }),
    db().asset.groupBy({
      by: ["archiveState"],
      where: {
        OR: [
          { archiveState: { in: ["temporary", "archiving"] } },
          { archiveState: "failed", nextArchiveAt: { not: null } },
        ],
      },
      _count: { _all: true },
    }),
  ]);
  m.queue.reset();
  for (const s of ACTIVE) m.queue.set({ status: s, phase: "none" }, 0);
  for (const q of queue) m.queue.set({ status: q.status, phase: q.phase ?? "none" }, q._count._all);
  m.overdue.set(oldest?.nextPollAt ? Math.max(0, (now.getTime() - oldest.nextPollAt.getTime()) / 1000) : 0);
  m.pollsDue.set(due);
  m.archiveBacklog.reset();
  for (const s of ["temporary", "archiving", "failed"]) m.archiveBacklog.set({ state: s }, 0);
  for (const b of backlog) m.archiveBacklog.set({ state: b.archiveState }, b._count._all);
}

const digest = (s: string) => createHash("sha256").update(s).digest();

/**
 * GET /api/metrics. No STUDIO_METRICS_TOKEN configured → 404 (the endpoint does not exist, as for any unknown path);
 * configured but the request lacks `Authorization: Bearer <it>` → 401. The token is the operator's, not a studio
 * API token, so that a scraper holds no right to anyone's team.
 */
export async function metricsResponse(headers: Headers): Promise<Response> {
  const token = config().STUDIO_METRICS_TOKEN;
  if (!token) throw new AppError("not_found", "no such endpoint: GET /api/metrics");
  const given = /^Bearer\s+(.+)$/i.exec(headers.get("authorization") ?? "")?.[1]?.trim() ?? "";
  if (!timingSafeEqual(digest(given), digest(token)))
    throw new AppError("unauthorized", "Send the metrics token: Authorization: Bearer <STUDIO_METRICS_TOKEN>.");
  await refreshGauges();
  const m = metrics();
  return new Response(await m.registry.metrics(), {
    headers: { "Content-Type": m.registry.contentType, "Cache-Control": "no-store" },
  });
}
