import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { freshStudioEnv } from "../../scripts/harness/studio-env";
import { call, people, routes, twoTeams, type Who } from "./route-bench";

// Review requests against a real SQLite database through the real route handlers with real API tokens: a member
// asks people (or the whole team) to review a selection or a board; invited reviewers decide through the asset's
// review route; the overall state follows Ziflow's rule; the reviewers and the requester are notified; another
// team reaches none of it; a reviewer decides but neither requests nor generates.

async function seed(who: Who, prompt = "a paper boat") {
  const { db } = await import("@/lib/db");
  const p = people[who];
  const a = await db().asset.create({
    data: {
      id: randomUUID(),
      teamId: p.teamId,
      createdById: p.id,
      kind: "image",
      mime: "image/png",
      origin: "upload",
      title: prompt,
      archiveState: "archived",
      storageKey: `x/${randomUUID()}`,
    },
  });
  return a.id;
}

const unread = async (who: Who) => (await call(who, "GET", "/api/v1/notifications?unread=true")).json;
const readAll = (who: Who) => call(who, "POST", "/api/v1/notifications/read", { all: true });
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();

beforeAll(async () => {
  freshStudioEnv("http://127.0.0.1:9", "k", { STUDIO_RATE_TOKEN_PER_MINUTE: "1000000" });
  await twoTeams({ teams: ["Requests A", "Requests B"] });
  routes["reviews"] = await import("@/app/api/v1/reviews/route");
  routes["reviews/[id]"] = await import("@/app/api/v1/reviews/[id]/route");
  routes["assets/[id]"] = await import("@/app/api/v1/assets/[id]/route");
  routes["assets/[id]/review"] = await import("@/app/api/v1/assets/[id]/review/route");
  routes["notifications"] = await import("@/app/api/v1/notifications/route");
  routes["notifications/read"] = await import("@/app/api/v1/notifications/read/route");
  routes["generations"] = await import("@/app/api/v1/generations/route");
  routes["boards"] = await import("@/app/api/v1/boards/route");
  routes["boards/[id]/items"] = await import("@/app/api/v1/boards/[id]/items/route");
});

describe("review requests", () => {
  it("a selection asked of two people: each decision counts, changes requested decides, then all approved; both sides are notified", async () => {
    const a1 = await seed("bob", "the lighthouse");
    const a2 = await seed("bob", "the harbour");
    await Promise.all((["alice", "bob", "rita"] as const).map(readAll));
    const created = await call("bob", "POST", "/api/v1/reviews", {
      assetIds: [a1, a2],
      reviewerIds: [people.alice.id, people.rita.id],
      dueAt: tomorrow(),
      note: "for the client on Friday",
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const id = created.json.id as string;
    expect(created.json).toMatchObject({
      state: "pending",
      requestedBy: { id: people.bob.id },
      wholeTeam: false,
      note: "for the client on Friday",
      overdue: false,
      progress: { decided: 0, total: 4 },
      assetCount: 2,
      myPending: 0,
    });
    expect(created.json.assets.map((a: { assetId: string }) => a.assetId)).toEqual([a1, a2]);
    // The assets are now in review, with history.
    const asset = (await call("bob", "GET", `/api/v1/assets/${a1}`)).json;
    expect(asset.review.state).toBe("in_review");
    expect(asset.review.history[0]).toMatchObject({ from: "none", state: "in_review", by: { id: people.bob.id } });
    // Each reviewer: "a review was requested of me", leading to the request.
    for (const who of ["alice", "rita"] as const) {
      const n = await unread(who);
      expect(n.items[0]).toMatchObject({
        type: "review_requested",
        reviewId: id,
        actor: { id: people.bob.id },
        excerpt: "for the client on Friday",
        link: `/reviews?id=${id}`,
      });
    }
    expect((await unread("bob")).unreadCount).toBe(0);

    // What waits for whom.
    const waiting = async (who: Who) =>
      (await call(who, "GET", "/api/v1/reviews?mine=waiting")).json.items.map((r: { id: string }) => r.id);
    expect(await waiting("rita")).toContain(id);
    expect(await waiting("alice")).toContain(id);
    expect(await waiting("bob")).not.toContain(id);
    expect((await call("bob", "GET", "/api/v1/reviews?mine=requested")).json.items[0].id).toBe(id);

    // The reviewer (role) decides both assets: the request still waits for Alice.
    for (const a of [a1, a2])
      expect((await call("rita", "POST", `/api/v1/assets/${a}/review`, { decision: "approved" })).status).toBe(200);
    let r = (await call("rita", "GET", `/api/v1/reviews/${id}`)).json;
    expect(r).toMatchObject({ state: "pending", progress: { decided: 2, total: 4 }, myPending: 0 });
    expect(r.reviewers.find((p: { id: string }) => p.id === people.rita.id).finished).toBe(true);
    expect(await waiting("rita")).not.toContain(id);
    // Rita approved a1, but Alice has not decided: the asset stays in review (no single voice approves it).
    expect((await call("bob", "GET", `/api/v1/assets/${a1}`)).json.review.state).toBe("in_review");
    expect((await unread("bob")).items.filter((n: { type: string }) => n.type === "review_complete")).toEqual([]);

    // Alice asks for changes on one asset: the whole request is "changes requested" at once; Bob is told.
    const ch = await call("alice", "POST", `/api/v1/assets/${a1}/review`, {
      decision: "changes_requested",
      note: "the horizon tilts",
    });
    expect(ch.status, JSON.stringify(ch.json)).toBe(200);
    expect(ch.json.state).toBe("changes_requested");
    r = (await call("bob", "GET", `/api/v1/reviews/${id}`)).json;
    expect(r.state).toBe("changes_requested");
    expect(r.completedAt).toBeTruthy();
    expect(r.assets[0]).toMatchObject({ assetId: a1, state: "changes_requested" });
    expect(r.assets[0].decisions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: people.rita.id, decision: "approved" }),
        expect.objectContaining({ userId: people.alice.id, decision: "changes_requested", note: "the horizon tilts" }),
      ]),
    );
    let done = (await unread("bob")).items.filter((n: { type: string }) => n.type === "review_complete");
    expect(done).toHaveLength(1);
    expect(done[0]).toMatchObject({ reviewId: id, excerpt: "changes_requested", link: `/reviews?id=${id}` });

    // Alice changes her mind and approves both (invited: no 409 for deciding after Rita): approved; Bob told again.
    for (const a of [a1, a2])
      expect((await call("alice", "POST", `/api/v1/assets/${a}/review`, { decision: "approved" })).status).toBe(200);
    r = (await call("bob", "GET", `/api/v1/reviews/${id}`)).json;
    expect(r).toMatchObject({ state: "approved", progress: { decided: 4, total: 4 } });
    expect((await call("bob", "GET", `/api/v1/assets/${a2}`)).json.review.state).toBe("approved");
    done = (await unread("bob")).items.filter((n: { type: string }) => n.type === "review_complete");
    expect(done.map((n: { excerpt: string }) => n.excerpt)).toEqual(["approved", "changes_requested"]);
  });

  it("a board asked of the whole team: everyone but the requester; a rejection rejects; overdue lists", async () => {
    const a1 = await seed("bob");
    const board = (await call("bob", "POST", "/api/v1/boards", { name: "Campaign" })).json;
    expect((await call("bob", "POST", `/api/v1/boards/${board.id}/items`, { assetIds: [a1] })).status).toBe(200);
    const created = await call("bob", "POST", "/api/v1/reviews", { boardId: board.id, reviewerIds: "team" });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    expect(created.json).toMatchObject({ boardId: board.id, wholeTeam: true, assetCount: 1 });
    expect(created.json.reviewers.map((p: { id: string }) => p.id).sort()).toEqual(
      [people.alice.id, people.rita.id].sort(),
    );
    const id = created.json.id as string;
    // Past its due date and still waiting: overdue for the people involved.
    const { db } = await import("@/lib/db");
    await db().reviewRequest.update({ where: { id }, data: { dueAt: new Date(Date.now() - 60_000) } });
    const overdue = (await call("rita", "GET", "/api/v1/reviews?mine=involved&overdue=true")).json.items;
    expect(overdue.map((r: { id: string }) => r.id)).toContain(id);
    expect(overdue.find((r: { id: string }) => r.id === id).overdue).toBe(true);
    expect((await call("rita", "POST", `/api/v1/assets/${a1}/review`, { decision: "rejected" })).status).toBe(200);
    const r = (await call("bob", "GET", `/api/v1/reviews/${id}`)).json;
    expect(r).toMatchObject({ state: "rejected", overdue: false });
    const again = (await call("rita", "GET", "/api/v1/reviews?mine=involved&overdue=true")).json.items;
    expect(again.map((x: { id: string }) => x.id)).not.toContain(id);
  });

  it("every bad input is a 400 naming what is wrong, before anything is written", async () => {
    const a1 = await seed("bob");
    const bad = async (body: unknown, field: string, text: RegExp) => {
      const res = await call("bob", "POST", "/api/v1/reviews", body);
      expect(res.status, JSON.stringify(res.json)).toBe(400);
      expect(res.json.error.field).toBe(field);
      expect(res.json.error.message).toMatch(text);
    };
    await bad({ reviewerIds: "team" }, "assetIds", /either assetIds or boardId/);
    await bad({ assetIds: [a1], boardId: "x", reviewerIds: "team" }, "assetIds", /either assetIds or boardId/);
    await bad({ assetIds: [a1], reviewerIds: [] }, "reviewerIds", /at least one person/);
    await bad({ assetIds: [a1], reviewerIds: [people.eve.id] }, "reviewerIds", /not a member of this team/);
    await bad({ assetIds: [a1], reviewerIds: "team", dueAt: "tomorrow" }, "dueAt", /ISO 8601/);
    await bad({ assetIds: [a1], reviewerIds: "team", dueAt: "2020-01-01T00:00:00Z" }, "dueAt", /in the future/);
    await bad(
      { assetIds: [a1], reviewerIds: "team", dueAt: new Date(Date.now() + 400 * 86_400_000).toISOString() },
      "dueAt",
      /within 366 days/,
    );
    await bad({ assetIds: Array.from({ length: 201 }, (_, i) => `a${i}`), reviewerIds: "team" }, "assetIds", /200/);
    const empty = (await call("bob", "POST", "/api/v1/boards", { name: "Empty" })).json;
    await bad({ boardId: empty.id, reviewerIds: "team" }, "boardId", /no assets/);
    // Eve's team has nobody else: "team" has nobody to ask.
    const own = await seed("eve");
    const res = await call("eve", "POST", "/api/v1/reviews", { assetIds: [own], reviewerIds: "team" });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ field: "reviewerIds", reason: "no_reviewers" });
  });

  it("another team's request, asset or board is a 404; a reviewer decides but neither requests nor generates", async () => {
    const a1 = await seed("bob");
    const board = (await call("bob", "POST", "/api/v1/boards", { name: "Private" })).json;
    const id = (await call("bob", "POST", "/api/v1/reviews", { assetIds: [a1], reviewerIds: "team" })).json.id;
    expect((await call("eve", "GET", `/api/v1/reviews/${id}`)).status).toBe(404);
    expect((await call("eve", "GET", "/api/v1/reviews")).json.items).toEqual([]);
    expect(
      (await call("eve", "POST", "/api/v1/reviews", { assetIds: [a1], reviewerIds: [people.eve.id] })).status,
    ).toBe(404);
    expect((await call("eve", "POST", "/api/v1/reviews", { boardId: board.id, reviewerIds: "team" })).status).toBe(404);
    expect((await call("eve", "POST", `/api/v1/assets/${a1}/review`, { decision: "approved" })).status).toBe(404);
    // Team A sees it in the team-wide list.
    expect((await call("alice", "GET", "/api/v1/reviews")).json.items.map((r: { id: string }) => r.id)).toContain(id);

    const asks = await call("rita", "POST", "/api/v1/reviews", { assetIds: [a1], reviewerIds: "team" });
    expect(asks.status).toBe(403);
    expect(asks.json.error).toMatchObject({ code: "forbidden", permission: "review:request" });
    const gen = await call("rita", "POST", "/api/v1/generations", {
      model: "T0401001",
      mode: "text-to-video",
      prompt: "x",
    });
    expect(gen.status).toBe(403);
    expect((await call("rita", "POST", `/api/v1/assets/${a1}/review`, { decision: "approved" })).status).toBe(200);
  });
});
