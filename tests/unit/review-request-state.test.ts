import { describe, expect, it } from "vitest";
import { isOverdue, overallState, requestState } from "@/lib/review/request-state";

// The review request's overall state (Ziflow's rule, with reject placed in it), on its own.

describe("overallState", () => {
  it("any changes_requested decides the stage, whatever else was said", () => {
    expect(overallState(["approved", "changes_requested", "approved"], 3)).toBe("changes_requested");
    expect(overallState(["rejected", "changes_requested"], 4)).toBe("changes_requested");
    expect(overallState(["changes_requested"], 5)).toBe("changes_requested");
  });
  it("else any rejected rejects, even before everyone decided", () => {
    expect(overallState(["approved", "rejected"], 2)).toBe("rejected");
    expect(overallState(["rejected"], 3)).toBe("rejected");
  });
  it("approved only when every expected decision is an approval", () => {
    expect(overallState(["approved", "approved"], 2)).toBe("approved");
    expect(overallState(["approved"], 2)).toBe("pending");
    expect(overallState(["approved", "in_review"], 2)).toBe("pending");
  });
  it("nothing (or nobody to ask) is pending", () => {
    expect(overallState([], 2)).toBe("pending");
    expect(overallState([], 0)).toBe("pending");
    expect(overallState([undefined, "in_review"], 2)).toBe("pending");
  });
});

describe("requestState", () => {
  const base = { assetIds: ["a1", "a2"], reviewerIds: ["r1", "r2"] };
  it("counts only invited reviewers on the request's assets", () => {
    const s = requestState({
      ...base,
      decisions: [
        { assetId: "a1", userId: "r1", decision: "approved" },
        { assetId: "a1", userId: "stranger", decision: "changes_requested" },
        { assetId: "other", userId: "r2", decision: "rejected" },
      ],
    });
    expect(s).toEqual({ state: "pending", assets: { a1: "pending", a2: "pending" }, decided: 1, total: 4 });
  });
  it("all approved → approved; one asset's changes make the request's", () => {
    const all = (d: string) =>
      ["a1", "a2"].flatMap((assetId) => ["r1", "r2"].map((userId) => ({ assetId, userId, decision: d })));
    expect(requestState({ ...base, decisions: all("approved") }).state).toBe("approved");
    const s = requestState({
      ...base,
      decisions: [...all("approved").slice(1), { assetId: "a1", userId: "r1", decision: "changes_requested" }],
    });
    expect(s.state).toBe("changes_requested");
    expect(s.assets).toEqual({ a1: "changes_requested", a2: "approved" });
    expect(s.decided).toBe(4);
  });
  it("the last decision per person and asset counts", () => {
    const s = requestState({
      assetIds: ["a1"],
      reviewerIds: ["r1"],
      decisions: [
        { assetId: "a1", userId: "r1", decision: "changes_requested" },
        { assetId: "a1", userId: "r1", decision: "approved" },
      ],
    });
    expect(s.state).toBe("approved");
  });
});

describe("isOverdue", () => {
  const now = Date.parse("2026-06-01T12:00:00Z");
  it("past due and still pending", () => {
    expect(isOverdue({ state: "pending", dueAt: "2026-06-01T11:59:00Z" }, now)).toBe(true);
    expect(isOverdue({ state: "pending", dueAt: "2026-06-01T12:01:00Z" }, now)).toBe(false);
    expect(isOverdue({ state: "approved", dueAt: "2026-05-01T00:00:00Z" }, now)).toBe(false);
    expect(isOverdue({ state: "pending", dueAt: null }, now)).toBe(false);
  });
});
