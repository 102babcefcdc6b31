import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { freshStudioEnv } from "../../scripts/harness/studio-env";
import { call, galleryIds, people, routes, twoTeams, type Who } from "./route-bench";

// The gallery against a real SQLite database (every migration, FTS5 triggers included), through the real route
// handlers with real API tokens: two teams, three roles.

const base = Date.parse("2026-06-01T00:00:00Z");
let clock = 0;

/** One output (with its generation) or upload; times step a second apart unless `at` is given (ties on purpose). */
async function seed(
  who: Who,
  o: {
    kind?: string;
    model?: string;
    mode?: string;
    prompt?: string;
    origin?: string;
    at?: number;
    archiveState?: string;
  } = {},
) {
  const { db } = await import("@/lib/db");
  const p = people[who];
  const createdAt = new Date(o.at ?? base + ++clock * 1000);
  const origin = o.origin ?? "output";
  const generationId = origin === "output" ? randomUUID() : null;
  if (generationId) {
    await db().generation.create({
      data: {
        id: generationId,
        teamId: p.teamId,
        createdById: p.id,
        model: o.model ?? "T0401003",
        mode: o.mode ?? "text-to-video",
        prompt: o.prompt ?? "a quiet lake",
        status: "succeeded",
        createdAt,
      },
    });
  }
  const a = await db().asset.create({
    data: {
      id: randomUUID(),
      teamId: p.teamId,
      createdById: p.id,
      kind: o.kind ?? "video",
      mime: o.kind === "image" ? "image/png" : "video/mp4",
      origin,
      generationId,
      model: generationId ? (o.model ?? "T0401003") : null,
      mode: generationId ? (o.mode ?? "text-to-video") : null,
      archiveState: o.archiveState ?? "archived",
      storageKey: `x/${randomUUID()}`,
      createdAt,
    },
  });
  return a.id;
}

beforeAll(async () => {
  freshStudioEnv("http://127.0.0.1:9", "k", { STUDIO_RATE_TOKEN_PER_MINUTE: "1000000" });
  await twoTeams({ teams: ["Studio A", "Studio B"] });
  routes["gallery"] = await import("@/app/api/v1/gallery/route");
  routes["gallery/bulk"] = await import("@/app/api/v1/gallery/bulk/route");
  routes["gallery/tags"] = await import("@/app/api/v1/gallery/tags/route");
  routes["assets/[id]"] = await import("@/app/api/v1/assets/[id]/route");
  routes["assets/[id]/restore"] = await import("@/app/api/v1/assets/[id]/restore/route");
  routes["assets/[id]/lineage"] = await import("@/app/api/v1/assets/[id]/lineage/route");
  routes["boards"] = await import("@/app/api/v1/boards/route");
  routes["boards/[id]"] = await import("@/app/api/v1/boards/[id]/route");
  routes["boards/[id]/items"] = await import("@/app/api/v1/boards/[id]/items/route");
});

describe("gallery pages", () => {
  it("pages by (createdAt, id) with no duplicates or gaps, ties included, both directions", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 95; i++) ids.push(await seed("bob", { model: "T0501001", prompt: `page test ${i}` }));
    // Five rows with the very same time: the id breaks the tie.
    const tie = base + 500_000;
    for (let i = 0; i < 5; i++) ids.push(await seed("bob", { model: "T0501001", at: tie }));
    const newest = await galleryIds("alice", "model=T0501001", 7);
    expect(newest).toHaveLength(100);
    expect(new Set(newest).size).toBe(100);
    expect(new Set(newest)).toEqual(new Set(ids));
    const oldest = await galleryIds("alice", "model=T0501001&sort=oldest", 9);
    expect(oldest).toEqual([...newest].reverse());
    const first = await call("alice", "GET", "/api/v1/gallery?model=T0501001&limit=3");
    expect(first.json.items[0]).toMatchObject({
      assetId: newest[0],
      kind: "video",
      mime: "video/mp4",
      thumbnailUrl: `/api/v1/assets/${newest[0]}/thumbnail`,
      model: "T0501001",
      mode: "text-to-video",
      creator: { id: people.bob.id, name: "Bob" },
      tags: [],
      favorite: false,
    });
    expect(first.json.items[0].generationId).toEqual(expect.any(String));
  });

  it("stays stable while new items arrive between pages", async () => {
    for (let i = 0; i < 10; i++) await seed("bob", { model: "T0501002" });
    const p1 = await call("alice", "GET", "/api/v1/gallery?model=T0501002&limit=4");
    for (let i = 0; i < 3; i++) await seed("bob", { model: "T0501002" }); // newer than everything
    const rest = [];
    let cursor = p1.json.nextCursor;
    while (cursor) {
      const r = await call("alice", "GET", `/api/v1/gallery?model=T0501002&limit=4&cursor=${cursor}`);
      rest.push(...r.json.items.map((x: { assetId: string }) => x.assetId));
      cursor = r.json.nextCursor;
    }
    const seen = [...p1.json.items.map((x: { assetId: string }) => x.assetId), ...rest];
    expect(seen).toHaveLength(10);
    expect(new Set(seen).size).toBe(10);
  });

  it("refuses a limit over 200 and a forged cursor", async () => {
    expect((await call("alice", "GET", "/api/v1/gallery?limit=201")).status).toBe(400);
    expect((await call("alice", "GET", "/api/v1/gallery?cursor=bm9wZQ")).json.error).toMatchObject({
      code: "invalid_request",
      field: "cursor",
    });
  });
});

describe("filters", () => {
  let img: string, vid: string, upload: string, other: string;
  beforeAll(async () => {
    img = await seed("alice", { kind: "image", model: "T0301001", mode: "text-to-image", prompt: "filters image" });
    vid = await seed("bob", { kind: "video", model: "T0301001", mode: "first-frame", prompt: "filters video" });
    upload = await seed("alice", { kind: "image", origin: "upload" });
    other = await seed("alice", { kind: "audio", model: "T0301002", mode: "speech" });
  });

  it("kind, model, mode, creator, and uploads only behind origin", async () => {
    expect(await galleryIds("alice", "model=T0301001")).toEqual([vid, img]);
    expect(await galleryIds("alice", "model=T0301001&kind=image")).toEqual([img]);
    expect(await galleryIds("alice", "mode=first-frame")).toEqual([vid]);
    expect(await galleryIds("alice", `model=T0301001&creator=${people.alice.id}`)).toEqual([img]);
    expect(await galleryIds("alice", "kind=audio")).toEqual([other]);
    const outputs = await galleryIds("alice", "");
    expect(outputs).not.toContain(upload);
    expect(await galleryIds("alice", "origin=upload")).toEqual([upload]);
    expect(await galleryIds("alice", "origin=all")).toContain(upload);
  });

  it("archive state: saved, not saved yet (temporary or being saved), failed; with the other filters", async () => {
    const m = "T0301009";
    const saved = await seed("alice", { model: m, kind: "image", mode: "text-to-image" });
    const temporary = await seed("alice", { model: m, archiveState: "temporary" });
    const archiving = await seed("bob", { model: m, archiveState: "archiving" });
    const failed = await seed("bob", { model: m, archiveState: "failed" });
    expect(await galleryIds("alice", `model=${m}`)).toEqual([failed, archiving, temporary, saved]);
    expect(await galleryIds("alice", `model=${m}&archive=archived`)).toEqual([saved]);
    expect(await galleryIds("alice", `model=${m}&archive=pending`)).toEqual([archiving, temporary]);
    expect(await galleryIds("alice", `model=${m}&archive=failed`)).toEqual([failed]);
    expect(await galleryIds("alice", `model=${m}&archive=pending&creator=${people.bob.id}`)).toEqual([archiving]);
    expect(await galleryIds("alice", `model=${m}&archive=pending`, 1)).toEqual([archiving, temporary]);
    const items = (await call("alice", "GET", `/api/v1/gallery?model=${m}&archive=failed`)).json.items;
    expect(items[0]).toMatchObject({ assetId: failed, archiveState: "failed" });
    expect(items[0].fileUrl).toBeUndefined();
    // Another team's caller sees none of them, whatever the state.
    expect(await galleryIds("eve", `model=${m}&archive=pending`)).toEqual([]);
    const bad = await call("alice", "GET", "/api/v1/gallery?archive=lost");
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ code: "invalid_request", field: "archive" });
  });

  it("from and to (a bare date is the whole day), tag, favourite and board, alone and together", async () => {
    const { db } = await import("@/lib/db");
    const at = (await db().asset.findUniqueOrThrow({ where: { id: img } })).createdAt;
    const dayStr = at.toISOString().slice(0, 10);
    const sameDay = await galleryIds("alice", `model=T0301001&from=${dayStr}&to=${dayStr}`);
    expect(sameDay).toEqual([vid, img]);
    expect(await galleryIds("alice", `model=T0301001&from=${new Date(at.getTime() + 1).toISOString()}`)).toEqual([vid]);
    expect(await galleryIds("alice", `model=T0301001&to=${at.toISOString()}`)).toEqual([img]);
    expect(await galleryIds("alice", "model=T0301001&to=2020-01-01")).toEqual([]);

    expect(
      (await call("alice", "PATCH", `/api/v1/assets/${img}`, { tags: ["Hero shot", "  draft  "] })).json.tags,
    ).toEqual(["Hero shot", "draft"]);
    await call("alice", "PATCH", `/api/v1/assets/${vid}`, { tags: ["draft"], favorite: true });
    expect(await galleryIds("alice", "tag=draft")).toEqual([vid, img]);
    expect(await galleryIds("alice", "tag=draft&kind=image")).toEqual([img]);
    expect(await galleryIds("alice", "favorite=true")).toEqual([vid]);
    expect(await galleryIds("alice", "favorite=true&tag=draft")).toEqual([vid]);
    const board = (await call("alice", "POST", "/api/v1/boards", { name: "Picks" })).json;
    await call("alice", "POST", `/api/v1/boards/${board.id}/items`, { assetIds: [img, vid] });
    expect(await galleryIds("alice", `board=${board.id}&sort=newest`)).toEqual([vid, img]);
    // Without a sort, a board lists in its own order: as added.
    expect(await galleryIds("alice", `board=${board.id}`)).toEqual([img, vid]);
    expect(await galleryIds("alice", `board=${board.id}&favorite=true`)).toEqual([vid]);
    expect(await galleryIds("alice", `board=${board.id}&tag=Hero shot`)).toEqual([img]);
    expect(await galleryIds("alice", `board=${board.id}&kind=video`)).toEqual([vid]);
  });
});

describe("search", () => {
  let cat: string, cyber: string, sunset: string, titled: string;
  beforeAll(async () => {
    cat = await seed("alice", { prompt: "一只橘色的猫咪在窗台上晒太阳" });
    cyber = await seed("alice", { prompt: "赛博朋克风格的城市夜景，霓虹灯" });
    sunset = await seed("bob", { prompt: "A golden Sunset over the sea, drone shot" });
    titled = await seed("bob", { prompt: "untitled study" });
    await call("alice", "PATCH", `/api/v1/assets/${titled}`, { title: "海边日落 final cut", tags: ["客户A", "ok"] });
  });
  const q = (s: string) => galleryIds("alice", `q=${encodeURIComponent(s)}`);

  it("Chinese: three or more characters through the trigram index, one and two through the fallback", async () => {
    expect(await q("赛博朋克")).toEqual([cyber]);
    expect(await q("猫咪")).toEqual([cat]);
    expect(await q("猫")).toEqual([cat]);
    expect(await q("城市 霓虹")).toEqual([cyber]);
    expect(await q("猫咪 霓虹")).toEqual([]);
  });

  it("English, case-insensitive, short words too; titles and tags are searched", async () => {
    expect(await q("sunset")).toEqual([sunset]);
    expect(await q("GOLDEN sea")).toEqual([sunset]);
    expect(await q("日落")).toEqual([titled]);
    expect(await q("final cut")).toEqual([titled]);
    expect(await q("客户A")).toEqual([titled]);
    expect(await q("ok")).toContain(titled);
    expect(await q("50%_")).toEqual([]);
    expect(await q('"quoted')).toEqual([]);
  });

  it("follows changes: a new title, removed tags, a deleted asset", async () => {
    await call("alice", "PATCH", `/api/v1/assets/${titled}`, { title: null, tags: [] });
    expect(await q("日落")).toEqual([]);
    expect(await q("客户A")).toEqual([]);
    expect(await q("untitled")).toEqual([titled]);
    const { db } = await import("@/lib/db");
    await db().asset.delete({ where: { id: sunset } });
    expect(await q("sunset")).toEqual([]);
  });
});

describe("favourites, roles, trash", () => {
  it("a star is one person's: others see favorite false and do not get it in their favourites", async () => {
    const id = await seed("bob", { model: "T0601001" });
    expect((await call("bob", "PATCH", `/api/v1/assets/${id}`, { favorite: true })).json.favorite).toBe(true);
    expect((await call("alice", "GET", `/api/v1/gallery?model=T0601001`)).json.items[0].favorite).toBe(false);
    expect((await call("bob", "GET", `/api/v1/gallery?model=T0601001`)).json.items[0].favorite).toBe(true);
    expect(await galleryIds("alice", "favorite=true&model=T0601001")).toEqual([]);
    expect(await galleryIds("bob", "favorite=true&model=T0601001")).toEqual([id]);
    expect(await galleryIds("alice", "favorite=false&model=T0601001")).toEqual([id]);
    // Reviewers may star but not change what the team sees.
    expect((await call("rita", "PATCH", `/api/v1/assets/${id}`, { favorite: true })).status).toBe(200);
    expect((await call("rita", "PATCH", `/api/v1/assets/${id}`, { tags: ["x"] })).json.error).toMatchObject({
      code: "forbidden",
      permission: "gallery:organize",
    });
    expect((await call("rita", "DELETE", `/api/v1/assets/${id}`)).status).toBe(403);
    expect((await call("rita", "POST", "/api/v1/boards", { name: "r" })).status).toBe(403);
    expect((await call("bob", "PATCH", `/api/v1/assets/${id}`, { favorite: false })).json.favorite).toBe(false);
  });

  it("trash hides from every list, the trash lists it, restore brings it back", async () => {
    const id = await seed("alice", { model: "T0601002", prompt: "trash me please" });
    expect((await call("bob", "DELETE", `/api/v1/assets/${id}`)).status).toBe(200);
    expect(await galleryIds("alice", "model=T0601002")).toEqual([]);
    expect(await galleryIds("alice", "q=trash me")).toEqual([]);
    expect(await galleryIds("alice", "trashed=true&model=T0601002")).toEqual([id]);
    expect((await call("alice", "POST", `/api/v1/assets/${id}/restore`)).status).toBe(200);
    expect(await galleryIds("alice", "model=T0601002")).toEqual([id]);
    expect(await galleryIds("alice", "trashed=true&model=T0601002")).toEqual([]);
  });

  it("bulk: favourite, tag and trash a selection", async () => {
    const ids = [
      await seed("alice", { model: "T0601003" }),
      await seed("alice", { model: "T0601003" }),
      await seed("alice", { model: "T0601003" }),
    ];
    expect((await call("rita", "POST", "/api/v1/gallery/bulk", { action: "favorite", assetIds: ids })).json).toEqual({
      changed: 3,
    });
    expect(await galleryIds("rita", "favorite=true&model=T0601003")).toHaveLength(3);
    expect(
      (await call("rita", "POST", "/api/v1/gallery/bulk", { action: "addTags", assetIds: ids, tags: ["x"] })).status,
    ).toBe(403);
    expect(
      (await call("bob", "POST", "/api/v1/gallery/bulk", { action: "addTags", assetIds: ids, tags: ["batch", "b2"] }))
        .json,
    ).toEqual({ changed: 6 });
    expect(
      (await call("bob", "POST", "/api/v1/gallery/bulk", { action: "addTags", assetIds: ids, tags: ["batch"] })).json,
    ).toEqual({ changed: 0 });
    expect(await galleryIds("bob", "tag=batch")).toEqual([...ids].reverse());
    expect((await call("bob", "GET", "/api/v1/gallery/tags?prefix=ba")).json.items).toEqual([
      { tag: "batch", count: 3 },
    ]);
    expect(
      (await call("bob", "POST", "/api/v1/gallery/bulk", { action: "trash", assetIds: ids.slice(0, 2) })).json,
    ).toEqual({ changed: 2 });
    expect(await galleryIds("bob", "model=T0601003")).toEqual([ids[2]]);
  });
});

describe("boards", () => {
  it("create, rename, add (twice is a no-op), remove, cover, delete keeps the assets", async () => {
    const a1 = await seed("alice", { model: "T0701001" });
    const a2 = await seed("alice", { model: "T0701001" });
    const created = await call("bob", "POST", "/api/v1/boards", { name: "  Moodboard " });
    expect(created.status).toBe(201);
    const id = created.json.id;
    expect(created.json).toMatchObject({ name: "Moodboard", itemCount: 0 });
    expect((await call("bob", "POST", `/api/v1/boards/${id}/items`, { assetIds: [a1, a2] })).json).toMatchObject({
      added: 2,
      board: { itemCount: 2 },
    });
    expect((await call("bob", "POST", `/api/v1/boards/${id}/items`, { assetIds: [a1] })).json.added).toBe(0);
    expect(
      (await call("alice", "PATCH", `/api/v1/boards/${id}`, { name: "Mood", coverAssetId: a1 })).json,
    ).toMatchObject({ name: "Mood", coverAssetId: a1, coverUrl: `/api/v1/assets/${a1}/thumbnail` });
    expect((await call("alice", "GET", "/api/v1/boards")).json.items.map((b: { id: string }) => b.id)).toContain(id);
    expect((await call("bob", "DELETE", `/api/v1/boards/${id}/items`, { assetIds: [a2] })).json).toMatchObject({
      removed: 1,
      board: { itemCount: 1 },
    });
    expect(await galleryIds("alice", `board=${id}`)).toEqual([a1]);
    expect((await call("alice", "DELETE", `/api/v1/boards/${id}`)).status).toBe(204);
    expect((await call("alice", "GET", `/api/v1/boards/${id}`)).status).toBe(404);
    expect(await galleryIds("alice", "model=T0701001")).toEqual([a2, a1]);
  });
});

describe("another team", () => {
  it("never sees, changes or collects team A's assets and boards", async () => {
    const mine = await seed("alice", { model: "T0801001", prompt: "secret project alpha" });
    const board = (await call("alice", "POST", "/api/v1/boards", { name: "A only" })).json;
    const theirs = await seed("eve", { model: "T0801001", prompt: "secret project beta" });
    expect(await galleryIds("eve", "model=T0801001")).toEqual([theirs]);
    expect(await galleryIds("eve", "q=secret project")).toEqual([theirs]);
    expect(await galleryIds("eve", "origin=all")).not.toContain(mine);
    expect((await call("eve", "GET", `/api/v1/assets/${mine}`)).status).toBe(404);
    expect((await call("eve", "PATCH", `/api/v1/assets/${mine}`, { favorite: true })).status).toBe(404);
    expect((await call("eve", "PATCH", `/api/v1/assets/${mine}`, { tags: ["x"] })).status).toBe(404);
    expect((await call("eve", "DELETE", `/api/v1/assets/${mine}`)).status).toBe(404);
    expect((await call("eve", "POST", `/api/v1/assets/${mine}/restore`)).status).toBe(404);
    expect((await call("eve", "GET", `/api/v1/boards/${board.id}`)).status).toBe(404);
    expect((await call("eve", "GET", `/api/v1/gallery?board=${board.id}`)).status).toBe(404);
    expect((await call("eve", "POST", `/api/v1/boards/${board.id}/items`, { assetIds: [theirs] })).status).toBe(404);
    expect((await call("eve", "GET", "/api/v1/boards")).json.items).toEqual([]);
    const evesBoard = (await call("eve", "POST", "/api/v1/boards", { name: "B" })).json;
    expect(
      (await call("eve", "POST", `/api/v1/boards/${evesBoard.id}/items`, { assetIds: [mine, theirs] })).json.added,
    ).toBe(1);
    expect((await call("eve", "POST", "/api/v1/gallery/bulk", { action: "trash", assetIds: [mine] })).json).toEqual({
      changed: 0,
    });
    expect((await call("eve", "GET", "/api/v1/gallery/tags")).json.items).toEqual([]);
    expect(await galleryIds("alice", "model=T0801001")).toEqual([mine]);
  });
});

describe("thumbnails", () => {
  it("an image gets a ≤400 px WebP and a ThumbHash, served by the thumbnail route to its team only", async () => {
    const sharp = (await import("sharp")).default;
    const { Readable } = await import("node:stream");
    const { storeAsset } = await import("@/lib/assets/store");
    const png = await sharp({ create: { width: 1200, height: 600, channels: 3, background: "#c0392b" } })
      .png()
      .toBuffer();
    const up = await storeAsset(Readable.from([png]), { teamId: people.alice.teamId, userId: people.alice.id });
    const [item] = await galleryIds("alice", "origin=upload&kind=image", 1).then(async (ids) => {
      expect(ids).toContain(up.id);
      return (await call("alice", "GET", "/api/v1/gallery?origin=upload&kind=image&limit=1")).json.items;
    });
    expect(item).toMatchObject({
      assetId: up.id,
      thumbnailUrl: `/api/v1/assets/${up.id}/thumbnail`,
      thumbhash: expect.stringMatching(/^[A-Za-z0-9+/=]{20,}$/),
    });
    const thumbRoute = await import("@/app/api/v1/assets/[id]/thumbnail/route");
    const get = (who: Who) =>
      thumbRoute.GET(
        new NextRequest(`http://studio.test/api/v1/assets/${up.id}/thumbnail`, {
          headers: { Authorization: `Bearer ${people[who].token}` },
        }),
        { params: Promise.resolve({ id: up.id }) },
      );
    const res = await get("bob");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/webp");
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", 400, 200]);
    expect((await get("eve")).status).toBe(404);
    const { thumbHashToApproximateAspectRatio } = await import("thumbhash");
    expect(thumbHashToApproximateAspectRatio(Buffer.from(item.thumbhash, "base64"))).toBeGreaterThan(1.5);
  });
});

describe("lineage", () => {
  it("made from walks up through the inputs' generations, used in walks down, for the team only", async () => {
    const { db } = await import("@/lib/db");
    const a1 = await seed("alice", { kind: "image", model: "T0302007", mode: "text-to-image", prompt: "lineage root" });
    const chain = async (input: string, prompt: string) => {
      const out = await seed("alice", { model: "T0401001", mode: "first-frame", prompt });
      const genId = (await db().asset.findUniqueOrThrow({ where: { id: out } })).generationId!;
      await db().generationInput.create({
        data: { id: randomUUID(), generationId: genId, role: "first_frame", assetId: input },
      });
      return { out, genId };
    };
    const b = await chain(a1, "lineage middle");
    const c = await chain(b.out, "lineage leaf");
    const r = await call("bob", "GET", `/api/v1/assets/${b.out}/lineage`);
    expect(r.status).toBe(200);
    expect(r.json.madeFrom.map((n: { prompt: string; depth: number }) => [n.prompt, n.depth])).toEqual([
      ["lineage middle", 1],
      ["lineage root", 2],
    ]);
    expect(r.json.madeFrom[0].inputs).toEqual([
      { role: "first_frame", position: 0, assetId: a1, thumbnailUrl: `/api/v1/assets/${a1}/thumbnail` },
    ]);
    expect(r.json.usedIn.map((n: { generationId: string }) => n.generationId)).toEqual([c.genId]);
    expect(r.json.usedIn[0].outputs[0]).toMatchObject({ assetId: c.out });
    const root = await call("alice", "GET", `/api/v1/assets/${a1}/lineage`);
    expect(root.json.usedIn.map((n: { depth: number }) => n.depth)).toEqual([1, 2]);
    expect((await call("eve", "GET", `/api/v1/assets/${b.out}/lineage`)).status).toBe(404);
  });
});
