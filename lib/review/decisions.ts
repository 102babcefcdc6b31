import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { getAsset } from "@/lib/assets/list";
import type { Caller } from "@/lib/auth/caller";
import type { Scope } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { notify } from "./notifications";
import { recordRequestDecision, requestsAskingMe } from "./requests";
import type { ratingRequest, reviewDecisionRequest, ReviewState } from "./schema";

export interface RatingSummary {
  mine?: number;
  average: number | null;
  count: number;
}

export interface ReviewEventView {
  id: string;
  from: string;
  state: string;
  note?: string;
  override: boolean;
  by: { id: string; name: string } | null;
  at: string;
}

export interface ReviewSummary {
  state: ReviewState;
  decidedBy?: { id: string; name: string };
  decidedAt?: string;
  history: ReviewEventView[];
}

/** `rating` and `review` of GET /api/v1/assets/{id}: the caller's stars, the mean and count, the state and its history. */
export async function reviewOf(
  scope: Scope,
  assetId: string,
): Promise<{ rating: RatingSummary; review: ReviewSummary }> {
  const asset = await getAsset(scope, assetId);
  const [mine, events] = await Promise.all([
    db().rating.findUnique({ where: { userId_assetId: { userId: scope.userId, assetId } } }),
    db().reviewEvent.findMany({
      where: { assetId, teamId: scope.teamId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      include: { actor: { select: { id: true, name: true } } },
    }),
  ]);
  const history = events.map((e) => ({
    id: e.id,
    from: e.fromState,
    state: e.state,
    ...(e.note ? { note: e.note } : {}),
    override: e.override,
    by: e.actor,
    at: e.createdAt.toISOString(),
  }));
  const last = events[0];
  return {
    rating: {
      ...(mine ? { mine: mine.stars } : {}),
      average: asset.ratingAverage,
      count: asset.ratingCount,
    },
    review: {
      state: asset.reviewState as ReviewState,
      ...(last && asset.reviewState !== "none" && last.actor ? { decidedBy: last.actor } : {}),
      ...(last && asset.reviewState !== "none" ? { decidedAt: last.createdAt.toISOString() } : {}),
      history,
    },
  };
}

/** PUT rating: one person's stars; the asset keeps the mean and count for the gallery's filter and sort. */
export async function rate(scope: Scope, assetId: string, input: z.output<typeof ratingRequest>) {
  await getAsset(scope, assetId);
  await db().$transaction(async (tx) => {
    await tx.rating.upsert({
      where: { userId_assetId: { userId: scope.userId, assetId } },
      create: { userId: scope.userId, assetId, teamId: scope.teamId, stars: input.stars },
      update: { stars: input.stars },
    });
    const agg = await tx.rating.aggregate({ where: { assetId }, _avg: { stars: true }, _count: true });
    await tx.asset.update({
      where: { id: assetId },
      data: { ratingAverage: agg._avg.stars, ratingCount: agg._count },
    });
  });
  return (await reviewOf(scope, assetId)).rating;
}

const FINAL = new Set(["approved", "changes_requested", "rejected"]);

/**
 * POST review: a new state with who, when and a note. A final decision someone else made stands unless an
 * admin overrides it — and the history says that it was an override. A reviewer invited by a review request
 * decides without overriding anyone: their decision counts toward the request, and the asset takes the state
 * of the newest such request over all its reviewers (one "changes requested" keeps it there until withdrawn).
 */
export async function decide(caller: Caller, assetId: string, input: z.output<typeof reviewDecisionRequest>) {
  const asset = await getAsset(caller, assetId);
  const last = await db().reviewEvent.findFirst({
    where: { assetId, teamId: caller.teamId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: { actor: { select: { name: true } } },
  });
  const asking = await requestsAskingMe(caller, assetId);
  const othersDecision =
    !asking.length && FINAL.has(asset.reviewState) && last && last.actorId !== caller.userId ? last : undefined;
  if (othersDecision && caller.role !== "admin")
    throw new AppError(
      "conflict",
      `${othersDecision.actor?.name ?? "someone"} already decided "${asset.reviewState}"; only a team admin can override it`,
      "decision",
      { reason: "decided", by: othersDecision.actor?.name ?? "", state: asset.reviewState },
    );
  const overall = asking.length
    ? await recordRequestDecision(caller, assetId, asking, input.decision, input.note)
    : undefined;
  const next = overall === undefined ? input.decision : overall === "pending" ? "in_review" : overall;
  await db().$transaction([
    db().reviewEvent.create({
      data: {
        id: randomUUID(),
        teamId: caller.teamId,
        assetId,
        actorId: caller.userId,
        fromState: asset.reviewState,
        state: input.decision,
        note: input.note || null,
        override: !!othersDecision,
      },
    }),
    db().asset.update({ where: { id: assetId }, data: { reviewState: next } }),
  ]);
  await notify({
    teamId: caller.teamId,
    type: "decision",
    actorId: caller.userId,
    userIds: [asset.createdById],
    assetId,
    excerpt: input.decision,
  });
  return (await reviewOf(caller, assetId)).review;
}
