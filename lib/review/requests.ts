import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Caller } from "@/lib/auth/caller";
import type { Scope } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { publishTeamChange } from "@/lib/events/team-events";
import { decodeCursor, encodeCursor } from "@/lib/gallery/cursor";
import { notify } from "./notifications";
import { isOverdue, requestState, type RequestState } from "./request-state";
import { MAX_DUE_DAYS, MAX_REQUEST_ASSETS, type createReviewRequest, type listReviewsQuery } from "./schema";

// Review requests: a member asks people (or the whole team) to review a selection or a board. Each invited
// reviewer's decision on each asset is recorded when they decide through POST /api/v1/assets/{id}/review; the
// request's state follows lib/review/request-state.ts and is stored, so lists filter on it and a change is seen.

type Person = { id: string; name: string };

export interface ReviewRequestAssetView {
  assetId: string;
  kind: string;
  thumbnailUrl: string;
  title?: string;
  prompt?: string;
  state: RequestState;
  decisions: { userId: string; decision: string; note?: string; decidedAt: string }[];
}

export interface ReviewRequestView {
  id: string;
  state: RequestState;
  requestedBy: Person | null;
  boardId?: string;
  /** Asked of the whole team (everyone else at the moment it was made). */
  wholeTeam: boolean;
  note?: string;
  dueAt?: string;
  overdue: boolean;
  createdAt: string;
  completedAt?: string;
  progress: { decided: number; total: number };
  reviewers: (Person & { finished: boolean })[];
  assetCount: number;
  /** Assets still waiting for the caller's decision (0 when the caller is not a reviewer). */
  myPending: number;
  /** Every asset with its state and decisions (GET /reviews/{id}); the first four, without decisions, in lists. */
  assets: ReviewRequestAssetView[];
}

const include = {
  requestedBy: { select: { id: true, name: true } },
  reviewers: { include: { user: { select: { id: true, name: true } } } },
  assets: {
    orderBy: { position: "asc" },
    include: { asset: { select: { id: true, kind: true, title: true, generation: { select: { prompt: true } } } } },
  },
  decisions: true,
} as const;

type Row = NonNullable<Awaited<ReturnType<typeof loadRow>>>;

function loadRow(teamId: string, id: string) {
  return db().reviewRequest.findFirst({ where: { id, teamId }, include });
}

function view(r: Row, scope: Scope, full: boolean): ReviewRequestView {
  const assetIds = r.assets.map((a) => a.assetId);
  const reviewerIds = r.reviewers.map((x) => x.userId);
  const s = requestState({ assetIds, reviewerIds, decisions: r.decisions });
  const mine = new Set(
    r.decisions.filter((d) => d.userId === scope.userId && d.decision !== "in_review").map((d) => d.assetId),
  );
  const invited = reviewerIds.includes(scope.userId);
  const shown = full ? r.assets : r.assets.slice(0, 4);
  return {
    id: r.id,
    state: r.state as RequestState,
    requestedBy: r.requestedBy,
    ...(r.boardId ? { boardId: r.boardId } : {}),
    wholeTeam: r.wholeTeam,
    ...(r.note ? { note: r.note } : {}),
    ...(r.dueAt ? { dueAt: r.dueAt.toISOString() } : {}),
    overdue: isOverdue(r),
    createdAt: r.createdAt.toISOString(),
    ...(r.completedAt ? { completedAt: r.completedAt.toISOString() } : {}),
    progress: { decided: s.decided, total: s.total },
    reviewers: r.reviewers.map((x) => ({ id: x.user.id, name: x.user.name, finished: !!x.finishedAt })),
    assetCount: r.assets.length,
    myPending: invited ? assetIds.filter((a) => !mine.has(a)).length : 0,
    assets: shown.map((a) => ({
      assetId: a.assetId,
      kind: a.asset.kind,
      thumbnailUrl: `/api/v1/assets/${a.assetId}/thumbnail`,
      ...(a.asset.title ? { title: a.asset.title } : {}),
      ...(a.asset.generation?.prompt ? { prompt: a.asset.generation.prompt } : {}),
      state: s.assets[a.assetId] ?? "pending",
      decisions: full
        ? r.decisions
            .filter((d) => d.assetId === a.assetId && reviewerIds.includes(d.userId))
            .map((d) => ({
              userId: d.userId,
              decision: d.decision,
              ...(d.note ? { note: d.note } : {}),
              decidedAt: d.decidedAt.toISOString(),
            }))
        : [],
    })),
  };
}

/** Which assets: the selection (every one the team's, else 404) or the board's items as they are now. */
async function requestedAssets(scope: Scope, input: z.output<typeof createReviewRequest>): Promise<string[]> {
  if (input.boardId) {
    const board = await db().board.findFirst({ where: { id: input.boardId, teamId: scope.teamId } });
    if (!board) throw new AppError("not_found", `board ${input.boardId} does not exist`);
    const items = await db().boardItem.findMany({
      where: { boardId: board.id, asset: { trashedAt: null } },
      orderBy: [{ assetCreatedAt: "desc" }, { assetId: "desc" }],
      take: MAX_REQUEST_ASSETS + 1,
      select: { assetId: true },
    });
    if (!items.length) throw new AppError("invalid_request", "this board has no assets to review", "boardId");
    if (items.length > MAX_REQUEST_ASSETS)
      throw new AppError(
        "invalid_request",
        `a review request holds at most ${MAX_REQUEST_ASSETS} assets; this board has more`,
        "boardId",
        { limit: MAX_REQUEST_ASSETS },
      );
    return items.map((i) => i.assetId);
  }
  const ids = [...new Set(input.assetIds ?? [])];
  const found = new Set(
    (await db().asset.findMany({ where: { id: { in: ids }, teamId: scope.teamId }, select: { id: true } })).map(
      (a) => a.id,
    ),
  );
  const missing = ids.find((id) => !found.has(id));
  if (missing) throw new AppError("not_found", `asset ${missing} does not exist`);
  return ids;
}

/** Who: the named members (each must be in the team) or everyone in the team but the requester. */
async function requestedReviewers(caller: Caller, reviewerIds: "team" | string[]): Promise<string[]> {
  const members = await db().membership.findMany({ where: { teamId: caller.teamId }, select: { userId: true } });
  const inTeam = new Set(members.map((m) => m.userId));
  if (reviewerIds === "team") {
    const others = [...inTeam].filter((u) => u !== caller.userId);
    if (!others.length)
      throw new AppError(
        "invalid_request",
        "nobody else is in this team yet: invite someone to review",
        "reviewerIds",
        {
          reason: "no_reviewers",
        },
      );
    return others;
  }
  const ids = [...new Set(reviewerIds)];
  const stranger = ids.find((u) => !inTeam.has(u));
  if (stranger)
    throw new AppError("invalid_request", `reviewerIds: ${stranger} is not a member of this team`, "reviewerIds", {
      reason: "not_member",
    });
  return ids;
}

/** POST /api/v1/reviews. Assets not yet reviewed go "in review" (with history); each reviewer is notified. */
export async function createRequest(
  caller: Caller,
  input: z.output<typeof createReviewRequest>,
  now = new Date(),
): Promise<ReviewRequestView> {
  const dueAt = input.dueAt ? new Date(input.dueAt) : null;
  if (dueAt && dueAt.getTime() < now.getTime() - 60_000)
    throw new AppError("invalid_request", "dueAt must be in the future", "dueAt", { reason: "due_past" });
  if (dueAt && dueAt.getTime() > now.getTime() + MAX_DUE_DAYS * 86_400_000)
    throw new AppError("invalid_request", `dueAt must be within ${MAX_DUE_DAYS} days`, "dueAt", {
      reason: "due_far",
      limit: MAX_DUE_DAYS,
    });
  const assetIds = await requestedAssets(caller, input);
  const reviewerIds = await requestedReviewers(caller, input.reviewerIds);
  const id = randomUUID();
  const fresh = await db().asset.findMany({
    where: { id: { in: assetIds }, reviewState: "none" },
    select: { id: true },
  });
  await db().$transaction([
    db().reviewRequest.create({
      data: {
        id,
        teamId: caller.teamId,
        requestedById: caller.userId,
        boardId: input.boardId ?? null,
        wholeTeam: input.reviewerIds === "team",
        note: input.note || null,
        dueAt,
        assets: { create: assetIds.map((assetId, position) => ({ assetId, position })) },
        reviewers: { create: reviewerIds.map((userId) => ({ userId })) },
      },
    }),
    ...fresh.flatMap((a) => [
      db().reviewEvent.create({
        data: {
          id: randomUUID(),
          teamId: caller.teamId,
          assetId: a.id,
          actorId: caller.userId,
          fromState: "none",
          state: "in_review",
        },
      }),
      db().asset.update({ where: { id: a.id }, data: { reviewState: "in_review" } }),
    ]),
  ]);
  await notify({
    teamId: caller.teamId,
    type: "review_requested",
    actorId: caller.userId,
    userIds: reviewerIds,
    reviewId: id,
    excerpt: input.note,
  });
  void publishTeamChange(caller.teamId, "reviews").catch(() => undefined);
  return getRequest(caller, id);
}

export async function getRequest(scope: Scope, id: string): Promise<ReviewRequestView> {
  const r = await loadRow(scope.teamId, id);
  if (!r) throw new AppError("not_found", `review request ${id} does not exist`);
  return view(r, scope, true);
}

/** GET /api/v1/reviews: newest first, keyset pages, filtered by the caller's part in them and by overdue. */
export async function listRequests(scope: Scope, q: z.output<typeof listReviewsQuery>, now = new Date()) {
  const c = q.cursor ? decodeCursor(q.cursor) : undefined;
  const me = scope.userId;
  const mine =
    q.mine === "requested"
      ? { requestedById: me }
      : q.mine === "reviewer"
        ? { reviewers: { some: { userId: me } } }
        : q.mine === "waiting"
          ? { state: "pending", reviewers: { some: { userId: me, finishedAt: null } } }
          : q.mine === "involved"
            ? { OR: [{ requestedById: me }, { reviewers: { some: { userId: me } } }] }
            : {};
  const rows = await db().reviewRequest.findMany({
    where: {
      teamId: scope.teamId,
      AND: [
        mine,
        q.overdue === true ? { state: "pending", dueAt: { lt: now } } : {},
        q.overdue === false ? { OR: [{ state: { not: "pending" } }, { dueAt: null }, { dueAt: { gte: now } }] } : {},
        c
          ? {
              OR: [
                { createdAt: { lt: new Date(c.createdAt) } },
                { createdAt: new Date(c.createdAt), id: { lt: c.id } },
              ],
            }
          : {},
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    include,
  });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => view(r, scope, false)),
    ...(rows.length > q.limit && last
      ? { nextCursor: encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id }) }
      : {}),
  };
}

/** The requests that ask the caller to review this asset, newest first. */
export async function requestsAskingMe(scope: Scope, assetId: string): Promise<string[]> {
  const rows = await db().reviewRequestReviewer.findMany({
    where: { userId: scope.userId, request: { teamId: scope.teamId, assets: { some: { assetId } } } },
    select: { requestId: true, request: { select: { createdAt: true } } },
  });
  return rows.sort((a, b) => +b.request.createdAt - +a.request.createdAt).map((r) => r.requestId);
}

/**
 * An invited reviewer decided on an asset: the decision counts toward each request that asks them about it
 * (`in_review` withdraws it). Each request's state is worked out again; when it leaves "pending" (or moves
 * between decided states) the requester is told. Answers the asset's state over the newest request's reviewers.
 */
export async function recordRequestDecision(
  caller: Caller,
  assetId: string,
  requestIds: string[],
  decision: string,
  note: string | undefined,
): Promise<RequestState | undefined> {
  let newest: RequestState | undefined;
  for (const requestId of requestIds) {
    const key = { requestId_assetId_userId: { requestId, assetId, userId: caller.userId } };
    if (decision === "in_review") await db().reviewRequestDecision.deleteMany({ where: key.requestId_assetId_userId });
    else
      await db().reviewRequestDecision.upsert({
        where: key,
        create: { requestId, assetId, userId: caller.userId, decision, note: note || null },
        update: { decision, note: note || null, decidedAt: new Date() },
      });
    const r = await loadRow(caller.teamId, requestId);
    if (!r) continue;
    const assetIds = r.assets.map((a) => a.assetId);
    const s = requestState({ assetIds, reviewerIds: r.reviewers.map((x) => x.userId), decisions: r.decisions });
    newest ??= s.assets[assetId];
    const mineDone = new Set(
      r.decisions.filter((d) => d.userId === caller.userId && d.decision !== "in_review").map((d) => d.assetId),
    );
    const finished = assetIds.every((a) => mineDone.has(a));
    const before = r.state;
    await db().$transaction([
      db().reviewRequestReviewer.update({
        where: { requestId_userId: { requestId, userId: caller.userId } },
        data: { finishedAt: finished ? new Date() : null },
      }),
      db().reviewRequest.update({
        where: { id: requestId },
        data: {
          state: s.state,
          ...(s.state !== before ? { completedAt: s.state === "pending" ? null : new Date() } : {}),
        },
      }),
    ]);
    if (s.state !== before && s.state !== "pending")
      await notify({
        teamId: caller.teamId,
        type: "review_complete",
        actorId: caller.userId,
        userIds: [r.requestedById],
        reviewId: requestId,
        excerpt: s.state,
      });
  }
  if (requestIds.length) void publishTeamChange(caller.teamId, "reviews").catch(() => undefined);
  return newest;
}
