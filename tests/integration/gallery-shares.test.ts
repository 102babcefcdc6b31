import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { freshStudioEnv } from "../../scripts/harness/studio-env";
import { readZip } from "../helpers/zip-read";

// Share links and ZIPs against a real SQLite database and real stored files, through the real route handlers:
// a creator's token on one side, nobody (or a cookie) on the public side, another team trying its luck.
type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const mods: Record<string, Record<string, unknown>> = {};
const people = {} as Record<"alice" | "rita" | "eve", { id: string; token: string; teamId: string }>;

async function raw(
  mod: string,
  method: string,
  path: string,
  params: Record<string, string>,
  o: { who?: keyof typeof people; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Response> {
  const handler = mods[mod]?.[method] as Handler | undefined;
  if (!handler) throw new Error(`no route ${method} ${mod}`);
  const req = new NextRequest(new URL(path, "http://studio.test"), {
    method,
    headers: {
      ...(o.who ? { Authorization: `Bearer ${people[o.who].token}` } : {}),
      ...(o.body !== undefined ? { "Content-Type": "application/json" } : {}),
      ...o.headers,
    },
    body: o.body === undefined ? undefined : JSON.stringify(o.body),
  });
  return handler(req, { params: Promise.resolve(params) });
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function json(res: Response): Promise<{ status: number; json: any }> {
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

const VIDEO = Buffer.alloc(10_000, 7);
const assets: string[] = [];
let boardId = "";

async function seed(teamId: string, userId: string, prompt: string) {
  const { db } = await import("@/lib/db");
  const { writeBuffer } = await import("@/lib/storage");
  const id = randomUUID();
  const gen = randomUUID();
  const key = `outputs/${id}.mp4`;
  await writeBuffer(key, VIDEO);
  await db().generation.create({
    data: {
      id: gen,
      teamId,
      createdById: userId,
      model: "T0401003",
      mode: "text-to-video",
      prompt,
      params: JSON.stringify({ seed: 42, duration: 5 }),
      status: "succeeded",
    },
  });
  await db().asset.create({
    data: {
      id,
      teamId,
      createdById: userId,
      kind: "video",
      mime: "video/mp4",
      origin: "output",
      generationId: gen,
      model: "T0401003",
      mode: "text-to-video",
      archiveState: "archived",
      storageKey: key,
      size: VIDEO.length,
    },
  });
  return id;
}

const tokenOf = (url: string) => new URL(url).pathname.split("/").at(-1) ?? "";
const pub = (token: string, cookie?: string) =>
  raw("s", "GET", `/api/v1/s/${token}`, { token }, { headers: cookie ? { cookie } : {} }).then(json);
const file = (token: string, assetId: string, headers: Record<string, string> = {}) =>
  raw("s/file", "GET", `/api/v1/s/${token}/assets/${assetId}/file`, { token, assetId }, { headers });

beforeAll(async () => {
  freshStudioEnv("http://127.0.0.1:9", "k", { STUDIO_RATE_SHARE_PASSWORD: "3" });
  const { createAccount, createTeam, addMember } = await import("@/lib/auth/accounts");
  const { createToken } = await import("@/lib/auth/tokens");
  const alice = await createAccount({ name: "Alice", email: "alice@example.com", password: "correct horse 1" });
  const rita = await createAccount({ name: "Rita", email: "rita@example.com", password: "correct horse 3" });
  const eve = await createAccount({ name: "Eve", email: "eve@example.com", password: "correct horse 4" });
  const a = await createTeam("Studio A", alice.id, "admin");
  await addMember(a.id, rita.id, "reviewer");
  const b = await createTeam("Studio B", eve.id, "admin");
  for (const [name, user, team] of [
    ["alice", alice, a],
    ["rita", rita, a],
    ["eve", eve, b],
  ] as const)
    people[name] = {
      id: user.id,
      teamId: team.id,
      token: (await createToken({ teamId: team.id, userId: user.id }, "test")).token,
    };
  mods["shares"] = await import("@/app/api/v1/shares/route");
  mods["shares/[id]"] = await import("@/app/api/v1/shares/[id]/route");
  mods["s"] = await import("@/app/api/v1/s/[token]/route");
  mods["s/unlock"] = await import("@/app/api/v1/s/[token]/unlock/route");
  mods["s/file"] = await import("@/app/api/v1/s/[token]/assets/[assetId]/file/route");
  mods["boards"] = await import("@/app/api/v1/boards/route");
  mods["boards/items"] = await import("@/app/api/v1/boards/[id]/items/route");
  mods["boards/zip"] = await import("@/app/api/v1/boards/[id]/zip/route");
  mods["gallery/zip"] = await import("@/app/api/v1/gallery/zip/route");
  for (const p of ["一只橘猫在屋顶", "golden sunset", "not on the board"]) assets.push(await seed(a.id, alice.id, p));
  await seed(b.id, eve.id, "team B's secret");
  boardId = (await json(await raw("boards", "POST", "/api/v1/boards", {}, { who: "alice", body: { name: "猫/猫" } })))
    .json.id;
  await raw(
    "boards/items",
    "POST",
    `/api/v1/boards/${boardId}/items`,
    { id: boardId },
    {
      who: "alice",
      body: { assetIds: assets.slice(0, 2) },
    },
  );
});

const create = (who: keyof typeof people, body: unknown) =>
  raw("shares", "POST", "/api/v1/shares", {}, { who, body }).then(json);

describe("share links", () => {
  it("an asset link shows that asset only, streams with Range, hides the prompt unless asked, counts nothing on files", async () => {
    const r = await create("alice", { assetId: assets[0] });
    expect(r.status).toBe(201);
    expect(r.json.url).toMatch(/^http:\/\/studio\.test\/s\/[A-Za-z0-9_-]{32}$/);
    const token = tokenOf(r.json.url);
    const { db } = await import("@/lib/db");
    const row = await db().share.findUniqueOrThrow({ where: { id: r.json.id } });
    expect(row.tokenHash).not.toContain(token);
    const page = await pub(token);
    expect(page.status).toBe(200);
    expect(page.json.items).toHaveLength(1);
    expect(page.json.items[0].prompt).toBeUndefined();
    expect(page.json.items[0].downloadUrl).toBeUndefined();
    const text = JSON.stringify(page.json);
    for (const other of assets.slice(1)) expect(text).not.toContain(other);
    const part = await file(token, assets[0], { range: "bytes=100-199" });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 100-199/${VIDEO.length}`);
    expect((await part.arrayBuffer()).byteLength).toBe(100);
    expect((await file(token, assets[1])).status).toBe(404);
    expect((await file(token, assets[0], {})).status).toBe(200);
    const dl = await raw("s/file", "GET", `/api/v1/s/${token}/assets/${assets[0]}/file?download=1`, {
      token,
      assetId: assets[0],
    });
    expect(dl.status).toBe(403);
  });

  it("showPrompt and allowDownload add the prompt, settings and a download", async () => {
    const r = await create("alice", { assetId: assets[1], showPrompt: true, allowDownload: true });
    const token = tokenOf(r.json.url);
    const item = (await pub(token)).json.items[0];
    expect(item.prompt).toBe("golden sunset");
    expect(item.params).toEqual({ seed: 42, duration: 5 });
    const dl = await raw("s/file", "GET", item.downloadUrl, { token, assetId: assets[1] });
    expect(dl.status).toBe(200);
    expect(dl.headers.get("content-disposition")).toMatch(/^attachment/);
  });

  it("revoked, expired and trashed links answer 404 alike; bad tokens too", async () => {
    const { db } = await import("@/lib/db");
    const r = await create("alice", { assetId: assets[0] });
    const token = tokenOf(r.json.url);
    expect((await raw("shares/[id]", "DELETE", "/", { id: r.json.id }, { who: "eve" })).status).toBe(404);
    expect((await raw("shares/[id]", "DELETE", "/", { id: r.json.id }, { who: "rita" })).status).toBe(403);
    const rev = await json(await raw("shares/[id]", "DELETE", "/", { id: r.json.id }, { who: "alice" }));
    expect(rev.json.state).toBe("revoked");
    expect((await pub(token)).status).toBe(404);
    expect((await file(token, assets[0])).status).toBe(404);

    const e = await create("alice", { assetId: assets[0], expiresAt: new Date(Date.now() + 60_000).toISOString() });
    expect((await pub(tokenOf(e.json.url))).status).toBe(200);
    await db().share.update({ where: { id: e.json.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await pub(tokenOf(e.json.url))).status).toBe(404);

    const t = await create("alice", { assetId: assets[2] });
    expect((await pub(tokenOf(t.json.url))).status).toBe(200);
    await db().asset.update({ where: { id: assets[2] }, data: { trashedAt: new Date() } });
    expect((await pub(tokenOf(t.json.url))).status).toBe(404);
    await db().asset.update({ where: { id: assets[2] }, data: { trashedAt: null } });

    expect((await pub("x".repeat(32))).status).toBe(404);
    const past = await create("alice", { assetId: assets[0], expiresAt: "2020-01-01T00:00:00Z" });
    expect(past.status).toBe(400);
    expect((await create("alice", { assetId: assets[0], boardId })).status).toBe(400);
  });

  it("a password locks the page and the files; wrong answers are limited; the right one sets a cookie", async () => {
    const r = await create("alice", { assetId: assets[0], password: "open sesame" });
    const token = tokenOf(r.json.url);
    const { db } = await import("@/lib/db");
    const row = await db().share.findUniqueOrThrow({ where: { id: r.json.id } });
    expect(row.passwordHash).not.toContain("open sesame");
    expect((await pub(token)).status).toBe(401);
    expect((await file(token, assets[0])).status).toBe(401);
    const unlock = (password: string, ip = "10.0.0.1") =>
      raw(
        "s/unlock",
        "POST",
        `/api/v1/s/${token}/unlock`,
        { token },
        {
          body: { password },
          headers: { "x-forwarded-for": ip },
        },
      );
    for (let i = 0; i < 3; i++) expect((await unlock("wrong")).status).toBe(403);
    const limited = await unlock("open sesame");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    const ok = await unlock("open sesame", "10.0.0.2");
    expect(ok.status).toBe(204);
    const cookie = ok.headers.get("set-cookie")?.split(";")[0] ?? "";
    expect(cookie).toMatch(/^td_share_/);
    expect((await pub(token, cookie)).status).toBe(200);
    expect((await file(token, assets[0], { cookie })).status).toBe(200);
    expect((await pub(token, cookie.replace(/=.*/, "=forged"))).status).toBe(401);
  });

  it("another team cannot share, list or see our records; a reviewer cannot share", async () => {
    expect((await create("eve", { assetId: assets[0] })).status).toBe(404);
    expect((await create("eve", { boardId })).status).toBe(404);
    expect((await create("rita", { assetId: assets[0] })).status).toBe(403);
    const list = await json(await raw("shares", "GET", "/api/v1/shares", {}, { who: "eve" }));
    expect(list.json.items).toEqual([]);
    const ours = await json(await raw("shares", "GET", `/api/v1/shares?assetId=${assets[0]}`, {}, { who: "rita" }));
    expect(ours.json.items.length).toBeGreaterThan(2);
    expect(JSON.stringify(ours.json)).not.toMatch(/tokenHash|passwordHash/);
  });

  it("a board link lists the board's items only, and counts page views", async () => {
    const r = await create("alice", { boardId });
    const token = tokenOf(r.json.url);
    const page = await pub(token);
    expect(page.json.kind).toBe("board");
    expect(page.json.items.map((i: { assetId: string }) => i.assetId).sort()).toEqual(assets.slice(0, 2).sort());
    expect((await file(token, assets[1])).status).toBe(200);
    expect((await file(token, assets[2])).status).toBe(404);
    const { countView, openShare } = await import("@/lib/gallery/shares");
    await countView(await openShare(token));
    const { db } = await import("@/lib/db");
    expect((await db().share.findUniqueOrThrow({ where: { id: r.json.id } })).viewCount).toBe(1);
  });
});

describe("ZIPs", () => {
  it("a board's ZIP holds its files and a manifest of prompts and parameters", async () => {
    const res = await raw("boards/zip", "GET", `/api/v1/boards/${boardId}/zip`, { id: boardId }, { who: "alice" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    const zip = readZip(Buffer.from(await res.arrayBuffer()));
    const manifest = JSON.parse(zip.get("manifest.json")!.toString("utf8"));
    expect(manifest.items).toHaveLength(2);
    expect(manifest.items.map((i: { prompt: string }) => i.prompt).sort()).toEqual(["golden sunset", "一只橘猫在屋顶"]);
    expect(manifest.items[0].params).toEqual({ seed: 42, duration: 5 });
    for (const i of manifest.items) expect(zip.get(i.file)?.equals(VIDEO)).toBe(true);
    expect(zip.size).toBe(3);
    const other = await raw("boards/zip", "GET", "/", { id: boardId }, { who: "eve" });
    expect(other.status).toBe(404);
  });

  it("a selection's ZIP skips other teams' assets", async () => {
    const res = await raw(
      "gallery/zip",
      "POST",
      "/api/v1/gallery/zip",
      {},
      {
        who: "eve",
        body: { assetIds: assets },
      },
    );
    expect(res.status).toBe(200);
    const zip = readZip(Buffer.from(await res.arrayBuffer()));
    expect([...zip.keys()]).toEqual(["manifest.json"]);
    const mine = await raw(
      "gallery/zip",
      "POST",
      "/api/v1/gallery/zip",
      {},
      {
        who: "alice",
        body: { assetIds: assets },
      },
    );
    const z2 = readZip(Buffer.from(await mine.arrayBuffer()));
    expect(z2.size).toBe(4);
  });
});

describe("search beyond the probe window", () => {
  it("a common word pages through every match in order; a rare old one is found through the FTS index", async () => {
    const { seedDemoGallery, removeDemoGallery } = await import("@/lib/gallery/demo-seed");
    const { listGallery } = await import("@/lib/gallery/list");
    const { db } = await import("@/lib/db");
    const scope = { teamId: people.eve.teamId, userId: people.eve.id };
    await seedDemoGallery(scope.teamId, scope.userId, 2400);
    // Older than every demo row, so the probe window (the newest rows) never reaches it.
    const old = await seed(scope.teamId, scope.userId, "独一无二的老照片 unique-needle");
    await db().asset.update({ where: { id: old }, data: { createdAt: new Date("2020-01-01T00:00:00Z") } });
    for (const q of ["独一无二", "unique-needle", "老照"]) {
      const r = await listGallery(scope, { q });
      expect(
        r.items.map((i) => i.assetId),
        q,
      ).toEqual([old]);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const r = await listGallery(scope, { q: "赛博朋克", limit: 70, cursor });
      seen.push(...r.items.map((i) => i.createdAt));
      cursor = r.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(300);
    expect([...seen].sort().reverse()).toEqual(seen);
    expect(await removeDemoGallery(scope.teamId)).toBe(2400);
    expect((await listGallery(scope, {})).items.map((i) => i.assetId)).toEqual(expect.arrayContaining([old]));
  });
});

describe("trash purge and the orphan sweeper", () => {
  it("purges what is past the trash period, keeps inputs of other work, sweeps only old unreferenced files", async () => {
    const { db } = await import("@/lib/db");
    const { statKey, writeBuffer } = await import("@/lib/storage");
    const { emptyTrash, purgeExpiredTrash, sweepOrphanFiles } = await import("@/lib/gallery/purge");
    const { utimes } = await import("node:fs/promises");
    const { pathForKey } = await import("@/lib/storage");
    const scope = { teamId: people.alice.teamId, userId: people.alice.id };
    const old = await seed(scope.teamId, scope.userId, "purge: old");
    const fresh = await seed(scope.teamId, scope.userId, "purge: fresh");
    const input = await seed(scope.teamId, scope.userId, "purge: used as input");
    const keyOf = async (id: string) => (await db().asset.findUniqueOrThrow({ where: { id } })).storageKey!;
    const [oldKey, freshKey] = [await keyOf(old), await keyOf(fresh)];
    await db().asset.update({ where: { id: old }, data: { trashedAt: new Date(Date.now() - 31 * 86_400_000) } });
    await db().asset.update({ where: { id: fresh }, data: { trashedAt: new Date() } });
    await db().asset.update({ where: { id: input }, data: { trashedAt: new Date(Date.now() - 40 * 86_400_000) } });
    const user = await db().generation.findFirstOrThrow({ where: { teamId: scope.teamId } });
    await db().generationInput.create({
      data: { id: randomUUID(), generationId: user.id, role: "reference", assetId: input },
    });
    expect(await purgeExpiredTrash()).toBe(1);
    expect(await db().asset.findUnique({ where: { id: old } })).toBeNull();
    expect(await statKey(oldKey)).toBeUndefined();
    expect(await db().asset.findUnique({ where: { id: input } })).not.toBeNull();
    expect(await db().asset.findUnique({ where: { id: fresh } })).not.toBeNull();
    // Another team's "empty trash" touches nothing of ours; ours takes the fresh one (the input stays).
    expect((await emptyTrash({ teamId: people.eve.teamId, userId: people.eve.id })).purged).toBe(0);
    expect((await emptyTrash(scope)).purged).toBe(1);
    expect(await statKey(freshKey)).toBeUndefined();
    expect(await db().asset.findUnique({ where: { id: input } })).not.toBeNull();

    // Sweeper: an old orphan goes; a new orphan (a writer about to record it), a referenced file and temp files stay.
    const aged = new Date(Date.now() - 2 * 86_400_000);
    await writeBuffer("outputs/orphans/old.mp4", VIDEO);
    await writeBuffer("outputs/orphans/new.mp4", VIDEO);
    await writeBuffer("outputs/orphans/x.mp4.1234.part", VIDEO);
    for (const k of ["outputs/orphans/old.mp4", "outputs/orphans/x.mp4.1234.part", await keyOf(input)])
      await utimes(pathForKey(k), aged, aged);
    expect(await sweepOrphanFiles()).toBe(1);
    expect(await statKey("outputs/orphans/old.mp4")).toBeUndefined();
    expect(await statKey("outputs/orphans/new.mp4")).toBeDefined();
    expect(await statKey("outputs/orphans/x.mp4.1234.part")).toBeDefined();
    expect(await statKey(await keyOf(input))).toBeDefined();
  });
});
