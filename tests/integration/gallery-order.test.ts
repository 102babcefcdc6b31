import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { freshStudioEnv } from "../../scripts/harness/studio-env";
import { readZip } from "../helpers/zip-read";
import { call, galleryIds, people, routes, twoTeams, type Who } from "./route-bench";

// A board's own order (reorder, pages, share, ZIP manifest) and sort=review, on a real SQLite database through the
// real route handlers.

const base = Date.parse("2026-07-01T00:00:00Z");
let clock = 0;

async function seed(who: Who, o: { reviewState?: string; at?: number; prompt?: string } = {}) {
  const { db } = await import("@/lib/db");
  const p = people[who];
  const createdAt = new Date(o.at ?? base + ++clock * 1000);
  const generationId = randomUUID();
  await db().generation.create({
    data: {
      id: generationId,
      teamId: p.teamId,
      createdById: p.id,
      model: "T0301001",
      mode: "text-to-image",
      prompt: o.prompt ?? "a red kite",
      status: "succeeded",
      createdAt,
    },
  });
  const a = await db().asset.create({
    data: {
      id: randomUUID(),
      teamId: p.teamId,
      createdById: p.id,
      kind: "image",
      mime: "image/png",
      origin: "output",
      generationId,
      model: "T0301001",
      mode: "text-to-image",
      archiveState: "archived",
      storageKey: `x/${randomUUID()}`,
      reviewState: o.reviewState ?? "none",
      createdAt,
    },
  });
  return a.id;
}

beforeAll(async () => {
  freshStudioEnv("http://127.0.0.1:9", "k", { STUDIO_RATE_TOKEN_PER_MINUTE: "1000000" });
  await twoTeams({ teams: ["Studio A", "Studio B"] });
  routes["gallery"] = await import("@/app/api/v1/gallery/route");
  routes["boards"] = await import("@/app/api/v1/boards/route");
  routes["boards/[id]/items"] = await import("@/app/api/v1/boards/[id]/items/route");
});

describe("board order", () => {
  it("lists as added, moves an item before another or to the end, pages by position, for the team only", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push(await seed("alice"));
    const board = (await call("alice", "POST", "/api/v1/boards", { name: "Order" })).json;
    const items = `/api/v1/boards/${board.id}/items`;
    await call("alice", "POST", items, { assetIds: [ids[2], ids[0], ids[1]] });
    await call("alice", "POST", items, { assetIds: ids.slice(3) });
    let want = [ids[2], ids[0], ids[1], ...ids.slice(3)];
    expect(await galleryIds("alice", `board=${board.id}`)).toEqual(want);

    const move = async (assetId: string, before?: string | null) => {
      const r = await call("bob", "PATCH", items, { assetId, ...(before !== undefined ? { before } : {}) });
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      want = want.filter((x) => x !== assetId);
      want.splice(before ? want.indexOf(before) : want.length, 0, assetId);
    };
    await move(ids[6], ids[2]); // to the front
    await move(ids[0]); // to the end
    await move(ids[4], ids[1]); // earlier
    await move(ids[1], ids[5]); // later
    await move(ids[3], null);
    expect(await galleryIds("alice", `board=${board.id}`)).toEqual(want);
    // Every page size gives the same order with no duplicates (keyset on position, assetId).
    for (const limit of [1, 2, 3]) expect(await galleryIds("alice", `board=${board.id}`, limit)).toEqual(want);
    expect(await galleryIds("alice", `board=${board.id}&sort=position&kind=image`, 2)).toEqual(want);
    // Moving before itself changes nothing.
    expect((await call("alice", "PATCH", items, { assetId: want[2], before: want[2] })).status).toBe(200);
    expect(await galleryIds("alice", `board=${board.id}`)).toEqual(want);

    // Not on the board, unknown board, a reviewer, another team.
    const stray = await seed("alice");
    expect((await call("alice", "PATCH", items, { assetId: stray })).json.error.code).toBe("validation_failed");
    expect((await call("alice", "PATCH", items, { assetId: want[0], before: stray })).status).toBe(422);
    expect((await call("alice", "PATCH", items, { assetId: "" })).status).toBe(400);
    expect((await call("rita", "PATCH", items, { assetId: want[0] })).status).toBe(403);
    expect((await call("eve", "PATCH", items, { assetId: want[0] })).status).toBe(404);
    expect(await galleryIds("alice", `board=${board.id}`)).toEqual(want);

    // The share link and the ZIP's manifest keep the order.
    const { sharedItems } = await import("@/lib/gallery/share-content");
    const share = { boardId: board.id, teamId: people.alice.teamId } as Parameters<typeof sharedItems>[0];
    expect((await sharedItems(share, "t")).items.map((i) => i.assetId)).toEqual(want);
    const { boardZip } = await import("@/lib/gallery/zip");
    const zip = Buffer.from(
      await (await boardZip({ teamId: people.alice.teamId, userId: people.alice.id }, board.id)).arrayBuffer(),
    );
    const manifest = JSON.parse(readZip(zip).get("manifest.json")!.toString("utf8"));
    expect(manifest.items.map((i: { assetId: string }) => i.assetId)).toEqual(want);
  });
});

describe("sort=review", () => {
  it("changes requested, in review, none, approved, rejected; newest first within; pages without gaps", async () => {
    const states = ["approved", "none", "rejected", "in_review", "changes_requested"];
    const made: { id: string; state: string; at: number }[] = [];
    const tie = base + 500_000;
    for (let i = 0; i < 20; i++) {
      const state = states[i % states.length];
      const at = i % 4 === 0 ? tie : base + 100_000 + i * 1000;
      made.push({ id: await seed("alice", { reviewState: state, at, prompt: "review order" }), state, at });
    }
    const rank = ["changes_requested", "in_review", "none", "approved", "rejected"];
    const mine = new Set(made.map((m) => m.id));
    const want = [...made]
      .sort((a, b) => rank.indexOf(a.state) - rank.indexOf(b.state) || b.at - a.at || (a.id < b.id ? 1 : -1))
      .map((m) => m.id);
    for (const limit of [1, 3, 7, 200]) {
      expect((await galleryIds("alice", "sort=review", limit)).filter((id) => mine.has(id))).toEqual(want);
    }
    expect(await galleryIds("alice", "sort=review&review=in_review&q=review", 2)).toEqual(
      want.filter((id) => made.find((m) => m.id === id)?.state === "in_review"),
    );
    // On a board too (there it is not one index range: documented in lib/gallery/list.ts).
    const board = (await call("alice", "POST", "/api/v1/boards", { name: "Review" })).json;
    await call("alice", "POST", `/api/v1/boards/${board.id}/items`, { assetIds: made.map((m) => m.id) });
    expect(await galleryIds("alice", `board=${board.id}&sort=review`, 4)).toEqual(want);
    expect(await galleryIds("eve", "sort=review")).toEqual([]);
  });

  // SQLite's planner (the default backend); PostgreSQL picks by its statistics, which a handful of test rows skew.
  it.skipIf(!!process.env.STUDIO_TEST_PG_URL)(
    "reads one index range per state (no temp B-tree for the order)",
    async () => {
      const { db } = await import("@/lib/db");
      const plan = await db().$queryRawUnsafe<{ detail: string }[]>(
        `EXPLAIN QUERY PLAN SELECT a."id" FROM "Asset" a WHERE a."teamId" = ? AND a."trashedAt" IS NULL AND a."origin" = ? AND a."reviewState" = ? ORDER BY a."createdAt" DESC, a."id" DESC LIMIT 60`,
        people.alice.teamId,
        "output",
        "in_review",
      );
      const text = plan.map((p) => p.detail).join("\n");
      expect(text).toMatch(/USING INDEX Asset_teamId_reviewState_createdAt_id_idx/);
      expect(text).not.toMatch(/TEMP B-TREE/);
    },
  );
});
