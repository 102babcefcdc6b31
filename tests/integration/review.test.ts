import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { freshStudioEnv } from "../../scripts/harness/studio-env";
import { call, people, routes, twoTeams, type Who } from "./route-bench";

// Review against a real SQLite database through the real route handlers with real API tokens: comments with
// threads, times, shapes and mentions; ratings; decisions with history; notifications; another team sees none.

async function seed(who: Who, o: { kind?: string; prompt?: string; duration?: number } = {}) {
  const { db } = await import("@/lib/db");
  const p = people[who];
  const generationId = randomUUID();
  await db().generation.create({
    data: {
      id: generationId,
      teamId: p.teamId,
      createdById: p.id,
      model: "T0401003",
      mode: "text-to-video",
      prompt: o.prompt ?? "a paper boat",
      status: "succeeded",
    },
  });
  const a = await db().asset.create({
    data: {
      id: randomUUID(),
      teamId: p.teamId,
      createdById: p.id,
      kind: o.kind ?? "video",
      mime: o.kind === "image" ? "image/png" : "video/mp4",
      origin: "output",
      generationId,
      model: "T0401003",
      mode: "text-to-video",
      durationSeconds: o.kind === "image" ? null : (o.duration ?? 5),
      archiveState: "archived",
      storageKey: `x/${randomUUID()}`,
    },
  });
  return a.id;
}

const unread = async (who: Who) => (await call(who, "GET", "/api/v1/notifications?unread=true")).json;

beforeAll(async () => {
  freshStudioEnv("http://127.0.0.1:9", "k", { STUDIO_RATE_TOKEN_PER_MINUTE: "1000000" });
  await twoTeams({ teams: ["Review A", "Review B"], bobName: "Bob Li" });
  routes["assets/[id]"] = await import("@/app/api/v1/assets/[id]/route");
  routes["assets/[id]/comments"] = await import("@/app/api/v1/assets/[id]/comments/route");
  routes["assets/[id]/rating"] = await import("@/app/api/v1/assets/[id]/rating/route");
  routes["assets/[id]/review"] = await import("@/app/api/v1/assets/[id]/review/route");
  routes["comments/[id]"] = await import("@/app/api/v1/comments/[id]/route");
  routes["notifications"] = await import("@/app/api/v1/notifications/route");
  routes["notifications/read"] = await import("@/app/api/v1/notifications/read/route");
  routes["gallery"] = await import("@/app/api/v1/gallery/route");
  routes["generations"] = await import("@/app/api/v1/generations/route");
});

describe("comments", () => {
  it("pins to a time and a rectangle, mentions a member, threads replies, edits, resolves and deletes", async () => {
    const asset = await seed("bob", { prompt: "the lighthouse at dusk" });
    const c = await call("rita", "POST", `/api/v1/assets/${asset}/comments`, {
      body: "@Bob Li the horizon tilts here, see https://example.com/ref",
      timeSeconds: 2.5,
      shapes: [{ type: "rect", x: 0.1, y: 0.2, w: 0.3, h: 0.25 }],
    });
    expect(c.status, JSON.stringify(c.json)).toBe(201);
    expect(c.json).toMatchObject({
      assetId: asset,
      parentId: null,
      timeSeconds: 2.5,
      shapes: [{ type: "rect", x: 0.1, y: 0.2, w: 0.3, h: 0.25 }],
      mentions: [{ id: people.bob.id, name: "Bob Li" }],
      author: { id: people.rita.id, name: "Rita" },
      resolved: false,
    });
    // Bob is mentioned: one notification (the mention), pointing at the comment and its time.
    const n = await unread("bob");
    expect(n.unreadCount).toBe(1);
    expect(n.items[0]).toMatchObject({
      type: "mention",
      assetId: asset,
      commentId: c.json.id,
      timeSeconds: 2.5,
      actor: { name: "Rita" },
      link: `/gallery?asset=${asset}&comment=${c.json.id}&t=2.5`,
    });

    const reply = await call("bob", "POST", `/api/v1/assets/${asset}/comments`, {
      body: "fixed in the next run",
      parentId: c.json.id,
    });
    expect(reply.status).toBe(201);
    expect(reply.json.parentId).toBe(c.json.id);
    // The thread's author (Rita) hears of the reply.
    expect((await unread("rita")).items[0]).toMatchObject({ type: "comment", commentId: reply.json.id });

    const range = await call("alice", "POST", `/api/v1/assets/${asset}/comments`, {
      body: "this range is too dark",
      timeSeconds: 1,
      endSeconds: 3.25,
      shapes: [
        { type: "point", x: 0.5, y: 0.5 },
        {
          type: "path",
          points: [
            [0, 0],
            [0.5, 0.4],
            [1, 1],
          ],
        },
      ],
    });
    expect(range.status).toBe(201);

    const list = await call("alice", "GET", `/api/v1/assets/${asset}/comments`);
    expect(list.json.items.map((x: { id: string }) => x.id)).toEqual([c.json.id, reply.json.id, range.json.id]);
    expect(list.json.items[1].parentId).toBe(c.json.id);
    const page = await call("alice", "GET", `/api/v1/assets/${asset}/comments?limit=2`);
    expect(page.json.items).toHaveLength(2);
    const next = await call("alice", "GET", `/api/v1/assets/${asset}/comments?limit=2&cursor=${page.json.nextCursor}`);
    expect(next.json.items.map((x: { id: string }) => x.id)).toEqual([range.json.id]);
    expect(next.json.nextCursor).toBeUndefined();

    // Only the author edits; anyone who may comment resolves; only the author (or an admin) deletes.
    expect((await call("bob", "PATCH", `/api/v1/comments/${c.json.id}`, { body: "mine now" })).status).toBe(403);
    const edited = await call("rita", "PATCH", `/api/v1/comments/${c.json.id}`, { body: "the horizon tilts" });
    expect(edited.json).toMatchObject({ body: "the horizon tilts", mentions: [] });
    expect(edited.json.editedAt).toEqual(expect.any(String));
    const resolved = await call("bob", "PATCH", `/api/v1/comments/${c.json.id}`, { resolved: true });
    expect(resolved.json).toMatchObject({ resolved: true, resolvedBy: { name: "Bob Li" } });
    const reopened = await call("rita", "PATCH", `/api/v1/comments/${c.json.id}`, { resolved: false });
    expect(reopened.json.resolved).toBe(false);
    expect((await call("bob", "DELETE", `/api/v1/comments/${range.json.id}`)).status).toBe(403);
    expect((await call("alice", "DELETE", `/api/v1/comments/${c.json.id}`)).status).toBe(200); // admin
    expect(
      (await call("alice", "GET", `/api/v1/assets/${asset}/comments`)).json.items.map((x: { id: string }) => x.id),
    ).toEqual([range.json.id]); // the reply went with its thread
  });

  it("refuses bad shapes, times and bodies with a message naming the limit", async () => {
    const asset = await seed("bob", { duration: 4 });
    const image = await seed("bob", { kind: "image" });
    const bad = async (who: Who, id: string, body: unknown) => {
      const r = await call(who, "POST", `/api/v1/assets/${id}/comments`, body);
      expect(r.status, JSON.stringify(r.json)).toBe(400);
      return r.json.error as { code: string; message: string; field?: string };
    };
    expect(await bad("bob", asset, { body: "x", shapes: [{ type: "point", x: 1.2, y: 0.5 }] })).toMatchObject({
      field: "shapes.0.x",
      message: "shapes.0.x must be at most 1",
    });
    expect(
      (await bad("bob", asset, { body: "x", shapes: [{ type: "rect", x: 0.8, y: 0, w: 0.5, h: 0.1 }] })).message,
    ).toMatch(/inside the picture/);
    expect((await bad("bob", asset, { body: "x", shapes: [{ type: "circle", x: 0, y: 0 }] })).field).toBe(
      "shapes.0.type",
    );
    expect((await bad("bob", asset, { body: "x", shapes: [{ type: "path", points: [[0, 0]] }] })).message).toMatch(
      /at least 2 items/,
    );
    expect((await bad("bob", asset, { body: "   " })).message).toMatch(/body must be at least 1 characters/);
    expect((await bad("bob", asset, { body: "x".repeat(5001) })).message).toMatch(/5000 characters/);
    expect((await bad("bob", asset, { body: "x", timeSeconds: 2, endSeconds: 1 })).message).toMatch(/after/);
    expect((await bad("bob", asset, { body: "x", endSeconds: 1 })).message).toMatch(/needs timeSeconds/);
    expect((await bad("bob", asset, { body: "x", timeSeconds: 9 })).message).toMatch(/length \(4 s\)/);
    expect((await bad("bob", image, { body: "x", timeSeconds: 1 })).field).toBe("timeSeconds");
  });

  it("makes comments searchable in the gallery, and forgets them when deleted", async () => {
    const asset = await seed("alice", { prompt: "a plain prompt" });
    const c = await call("rita", "POST", `/api/v1/assets/${asset}/comments`, { body: "需要更暖的色调 warmer grading" });
    const hits = async (q: string) =>
      (await call("alice", "GET", `/api/v1/gallery?q=${encodeURIComponent(q)}`)).json.items.map(
        (i: { assetId: string }) => i.assetId,
      );
    expect(await hits("warmer grading")).toEqual([asset]);
    expect(await hits("暖的色")).toEqual([asset]);
    await call("rita", "PATCH", `/api/v1/comments/${c.json.id}`, { body: "fine now" });
    expect(await hits("warmer")).toEqual([]);
    expect(await hits("fine now")).toEqual([asset]);
    await call("rita", "DELETE", `/api/v1/comments/${c.json.id}`);
    expect(await hits("fine now")).toEqual([]);
    expect(await hits("plain prompt")).toEqual([asset]);
  });
});

describe("ratings and decisions", () => {
  it("keeps one rating per person, the mean and count; filters and sorts the gallery by them", async () => {
    const a1 = await seed("bob", { prompt: "rating one" });
    const a2 = await seed("bob", { prompt: "rating two" });
    for (const stars of [0, 6, 2.5, "4"]) {
      const r = await call("rita", "PUT", `/api/v1/assets/${a1}/rating`, { stars });
      expect(r.status).toBe(400);
      expect(r.json.error.field).toBe("stars");
    }
    expect((await call("rita", "PUT", `/api/v1/assets/${a1}/rating`, { stars: 5 })).json).toEqual({
      mine: 5,
      average: 5,
      count: 1,
    });
    await call("alice", "PUT", `/api/v1/assets/${a1}/rating`, { stars: 2 });
    await call("alice", "PUT", `/api/v1/assets/${a1}/rating`, { stars: 4 }); // changes, not adds
    await call("bob", "PUT", `/api/v1/assets/${a2}/rating`, { stars: 3 });
    const got = await call("alice", "GET", `/api/v1/assets/${a1}`);
    expect(got.json.rating).toEqual({ mine: 4, average: 4.5, count: 2 });
    expect((await call("bob", "GET", `/api/v1/assets/${a1}`)).json.rating).toEqual({ average: 4.5, count: 2 });

    const ids = async (q: string) =>
      (await call("alice", "GET", `/api/v1/gallery?q=rating&${q}`)).json.items.map(
        (i: { assetId: string }) => i.assetId,
      );
    expect(await ids("rating_gte=4")).toEqual([a1]);
    expect(await ids("sort=rating")).toEqual([a1, a2]);
    // Keyset pages in rating order.
    const p1 = await call("alice", "GET", `/api/v1/gallery?q=rating&sort=rating&limit=1`);
    const p2 = await call("alice", "GET", `/api/v1/gallery?q=rating&sort=rating&limit=1&cursor=${p1.json.nextCursor}`);
    expect([p1.json.items[0].assetId, p2.json.items[0].assetId]).toEqual([a1, a2]);
    expect((await call("alice", "GET", `/api/v1/gallery?rating_gte=6`)).status).toBe(400);
  });

  it("records every decision with who, when and a note; a decision stands unless an admin overrides", async () => {
    const asset = await seed("bob", { prompt: "decision asset" });
    expect((await call("bob", "GET", `/api/v1/assets/${asset}`)).json.review).toEqual({ state: "none", history: [] });
    expect((await call("rita", "POST", `/api/v1/assets/${asset}/review`, { decision: "maybe" })).status).toBe(400);
    const r1 = await call("rita", "POST", `/api/v1/assets/${asset}/review`, {
      decision: "changes_requested",
      note: "warmer, please",
    });
    expect(r1.status, JSON.stringify(r1.json)).toBe(200);
    expect(r1.json).toMatchObject({ state: "changes_requested", decidedBy: { name: "Rita" } });
    expect((await unread("bob")).items.some((n: { type: string }) => n.type === "decision")).toBe(true);
    // Bob (a member) cannot overrule Rita; Alice (admin) can, and the history says so.
    const clash = await call("bob", "POST", `/api/v1/assets/${asset}/review`, { decision: "approved" });
    expect(clash.status).toBe(409);
    expect(clash.json.error).toMatchObject({ code: "conflict", reason: "decided", by: "Rita" });
    await call("alice", "POST", `/api/v1/assets/${asset}/review`, { decision: "approved", note: "ship it" });
    const got = (await call("bob", "GET", `/api/v1/assets/${asset}`)).json.review;
    expect(got.state).toBe("approved");
    expect(
      got.history.map((h: { state: string; override: boolean; by: { name: string } }) => [
        h.state,
        h.override,
        h.by.name,
      ]),
    ).toEqual([
      ["approved", true, "Alice"],
      ["changes_requested", false, "Rita"],
    ]);
    expect(got.history[1]).toMatchObject({ from: "none", note: "warmer, please" });
    const approved = (await call("alice", "GET", `/api/v1/gallery?review=approved`)).json.items;
    expect(approved.map((i: { assetId: string }) => i.assetId)).toContain(asset);
  });
});

describe("notifications and access", () => {
  it("marks some or all read, only the caller's own", async () => {
    const before = await unread("bob");
    expect(before.unreadCount).toBeGreaterThan(1);
    const one = before.items[0].id;
    expect((await call("eve", "POST", "/api/v1/notifications/read", { ids: [one] })).json.marked).toBe(0);
    expect((await call("bob", "POST", "/api/v1/notifications/read", { ids: [one] })).json).toEqual({
      marked: 1,
      unreadCount: before.unreadCount - 1,
    });
    expect((await call("bob", "POST", "/api/v1/notifications/read", { ids: [] })).status).toBe(400);
    expect((await call("bob", "POST", "/api/v1/notifications/read", { all: true })).json.unreadCount).toBe(0);
    expect((await call("bob", "GET", "/api/v1/notifications?unread=false")).json.items.length).toBe(before.unreadCount);
  });

  it("another team's asset and comments are a 404 for every route; a reviewer comments, rates, decides but never generates", async () => {
    const asset = await seed("alice");
    const c = await call("alice", "POST", `/api/v1/assets/${asset}/comments`, { body: "ours" });
    for (const [m, p, b] of [
      ["GET", `/api/v1/assets/${asset}/comments`, undefined],
      ["POST", `/api/v1/assets/${asset}/comments`, { body: "theirs" }],
      ["PATCH", `/api/v1/comments/${c.json.id}`, { resolved: true }],
      ["DELETE", `/api/v1/comments/${c.json.id}`, undefined],
      ["PUT", `/api/v1/assets/${asset}/rating`, { stars: 1 }],
      ["POST", `/api/v1/assets/${asset}/review`, { decision: "rejected" }],
      ["GET", `/api/v1/assets/${asset}`, undefined],
    ] as const) {
      const r = await call("eve", m, p, b);
      expect(r.status, `${m} ${p}`).toBe(404);
    }
    // A reply to another team's comment from one's own asset is a 404 as well.
    const mine = await seed("eve");
    expect(
      (await call("eve", "POST", `/api/v1/assets/${mine}/comments`, { body: "x", parentId: c.json.id })).status,
    ).toBe(404);
    expect((await call("alice", "GET", `/api/v1/assets/${asset}`)).json.review.history).toEqual([]);

    expect((await call("rita", "POST", `/api/v1/assets/${asset}/comments`, { body: "ok" })).status).toBe(201);
    expect((await call("rita", "PUT", `/api/v1/assets/${asset}/rating`, { stars: 3 })).status).toBe(200);
    expect((await call("rita", "POST", `/api/v1/assets/${asset}/review`, { decision: "in_review" })).status).toBe(200);
    const gen = await call("rita", "POST", "/api/v1/generations", {
      model: "T0401001",
      mode: "text-to-video",
      prompt: "x",
    });
    expect(gen.status).toBe(403);
    expect(gen.json.error.permission).toBe("generation:create");
  });
});
