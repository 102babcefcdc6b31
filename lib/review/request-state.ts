// The overall state of a review request, from each invited reviewer's decision on each asset (Ziflow's rule,
// with Filestage's "reject" placed in it). Pure, so the rule is tested on its own (tests/unit/review-request-state).
//
// - any `changes_requested` → `changes_requested` (one person asking for changes decides the stage, at once);
// - else any `rejected` → `rejected` (nobody asked for a fix, somebody said no: decided, at once);
// - else every reviewer has `approved` every asset → `approved`;
// - else `pending` (decisions still missing; `in_review` from a reviewer counts as no decision yet).
// The same rule gives each asset's state over its reviewers. A request with nobody or nothing to review is pending.

export const REQUEST_STATES = ["pending", "approved", "changes_requested", "rejected"] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** One reviewer's latest decision on one asset ("in_review" or anything unknown = not decided). */
export type Vote = string | undefined;

export function overallState(votes: readonly Vote[], expected: number): RequestState {
  if (votes.includes("changes_requested")) return "changes_requested";
  if (votes.includes("rejected")) return "rejected";
  const approved = votes.filter((v) => v === "approved").length;
  return expected > 0 && approved >= expected ? "approved" : "pending";
}

export interface RequestVotes {
  assetIds: readonly string[];
  reviewerIds: readonly string[];
  /** Latest decision per (asset, reviewer); only invited reviewers' decisions on the request's assets count. */
  decisions: readonly { assetId: string; userId: string; decision: string }[];
}

/** The request's state, each asset's state, and how many of the (asset × reviewer) decisions are in. */
export function requestState(r: RequestVotes): {
  state: RequestState;
  assets: Record<string, RequestState>;
  decided: number;
  total: number;
} {
  const assets = new Set(r.assetIds);
  const reviewers = new Set(r.reviewerIds);
  const byAsset = new Map<string, Map<string, string>>();
  for (const d of r.decisions) {
    if (!assets.has(d.assetId) || !reviewers.has(d.userId)) continue;
    let m = byAsset.get(d.assetId);
    if (!m) byAsset.set(d.assetId, (m = new Map()));
    m.set(d.userId, d.decision);
  }
  const all: Vote[] = [];
  const perAsset: Record<string, RequestState> = {};
  for (const a of assets) {
    const votes = [...(byAsset.get(a)?.values() ?? [])];
    perAsset[a] = overallState(votes, reviewers.size);
    all.push(...votes);
  }
  const total = assets.size * reviewers.size;
  const decided = all.filter((v) => v === "approved" || v === "changes_requested" || v === "rejected").length;
  return { state: overallState(all, total), assets: perAsset, decided, total };
}

/** Past its due date and still waiting for decisions. */
export function isOverdue(r: { state: string; dueAt: Date | string | null | undefined }, now = Date.now()): boolean {
  return r.state === "pending" && !!r.dueAt && new Date(r.dueAt).getTime() < now;
}
