import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { mediaMade, studioTestbed, until } from "./helpers";
import { call, people, routes, twoTeams, type Who } from "./route-bench";

// Version stacks through the real routes, the real engine and the emulator: a create with `versionOf` joins the
// source's stack once its output is stored; the asset answers its stack newest first with the setting changes; the
// gallery shows a stack once; another team's asset is a 404 and nothing is sent for it.

const bed = studioTestbed({ taskSeconds: 0.2, env: { STUDIO_RATE_TOKEN_PER_MINUTE: "1000000" } });

beforeAll(async () => {
  await twoTeams({ teams: ["Stacks A", "Stacks B"] });
  routes["generations"] = await import("@/app/api/v1/generations/route");
  routes["generations/[id]"] = await import("@/app/api/v1/generations/[id]/route");
  routes["assets/[id]"] = await import("@/app/api/v1/assets/[id]/route");
  routes["assets/[id]/versions"] = await import("@/app/api/v1/assets/[id]/versions/route");
  routes["gallery"] = await import("@/app/api/v1/gallery/route");
  const { startEngine } = await import("@/lib/generations/engine");
  startEngine();
});

/** Create as `who` and wait for the stored output; returns the main output's asset id. */
async function generate(who: Who, body: Record<string, unknown>): Promise<{ assetId: string; genId: string }> {
  const res = await call(who, "POST", "/api/v1/generations", {
    model: "T0401001",
    mode: "text-to-video",
    prompt: "a paper boat on a canal",
    ...body,
  });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  const done = await until(
    async () => (await call(who, "GET", `/api/v1/generations/${res.json.id}`)).json,
    (g) => g.status === "succeeded",
    20_000,
  );
  return { assetId: done.outputs.find((o: { role?: string }) => o.role !== "last_frame").assetId, genId: done.id };
}

describe("version stacks", () => {
  it("stacks re-runs as v1, v2, v3 with their changes, shows a stack once in the gallery, and hides it from others", async () => {
    const v1 = await generate("alice", { params: { duration: 4, ratio: "16:9" } });
    const alone = (await call("alice", "GET", `/api/v1/assets/${v1.assetId}`)).json;
    expect(alone.stack).toBeNull();
    expect(alone.versions).toEqual([]);

    const v2 = await generate("bob", { params: { duration: 4, ratio: "9:16" }, versionOf: v1.assetId });
    expect((await call("bob", "GET", `/api/v1/generations/${v2.genId}`)).json.versionOf).toBe(v1.assetId);
    // A new version of v2 joins the same stack (v1's), as v3.
    const v3 = await generate("alice", {
      prompt: "a paper boat on a canal at dusk",
      params: { duration: 4, ratio: "9:16" },
      versionOf: v2.assetId,
    });

    // A succeeded output is readable before its poster is made (the media loop follows): let every version's be
    // made, so the two reads compared below see the same rows.
    for (const v of [v1, v2, v3]) await mediaMade(v.assetId);

    const got = (await call("alice", "GET", `/api/v1/assets/${v1.assetId}`)).json;
    expect(got.stack).toEqual({ id: v1.assetId, version: 1, count: 3, latestAssetId: v3.assetId });
    expect(got.versions.map((v: { assetId: string; version: number }) => [v.assetId, v.version])).toEqual([
      [v3.assetId, 3],
      [v2.assetId, 2],
      [v1.assetId, 1],
    ]);
    expect(got.versions[1].changes).toEqual([{ field: "ratio", from: "16:9", to: "9:16" }]);
    expect(got.versions[0].changes).toEqual([
      { field: "prompt", from: "a paper boat on a canal", to: "a paper boat on a canal at dusk" },
    ]);
    expect(got.versions[2].changes).toBeUndefined();
    expect(got.versions[1]).toMatchObject({
      commentCount: 0,
      creator: { id: people.bob.id },
      params: { ratio: "9:16" },
    });
    const same = (await call("rita", "GET", `/api/v1/assets/${v3.assetId}/versions`)).json;
    expect(same.stack).toMatchObject({ id: v1.assetId, version: 3, count: 3 });
    expect(same.versions).toEqual(got.versions);

    // The grid: the stack once, by its latest, with the count; `versions=all` every version.
    const grid = (await call("alice", "GET", "/api/v1/gallery")).json.items;
    const ids = [v1, v2, v3].map((v) => v.assetId);
    expect(grid.filter((i: { assetId: string }) => ids.includes(i.assetId))).toEqual([
      expect.objectContaining({ assetId: v3.assetId, stack: { id: v1.assetId, version: 3, count: 3 } }),
    ]);
    const all = (await call("alice", "GET", "/api/v1/gallery?versions=all")).json.items;
    expect(all.filter((i: { assetId: string }) => ids.includes(i.assetId))).toHaveLength(3);
    // The latest in the trash: the one before it is the stack's tile again.
    const { db } = await import("@/lib/db");
    await db().asset.update({ where: { id: v3.assetId }, data: { trashedAt: new Date() } });
    const after = (await call("alice", "GET", "/api/v1/gallery")).json.items;
    expect(after.filter((i: { assetId: string }) => ids.includes(i.assetId))).toEqual([
      expect.objectContaining({ assetId: v2.assetId, stack: { id: v1.assetId, version: 2, count: 2 } }),
    ]);
    await db().asset.update({ where: { id: v3.assetId }, data: { trashedAt: null } });

    // Another team: 404 everywhere, and a create naming the asset is refused before anything is sent.
    expect((await call("eve", "GET", `/api/v1/assets/${v1.assetId}`)).status).toBe(404);
    expect((await call("eve", "GET", `/api/v1/assets/${v1.assetId}/versions`)).status).toBe(404);
    const creates = bed.emu.tasks.creates;
    const theirs = await call("eve", "POST", "/api/v1/generations", {
      model: "T0401001",
      mode: "text-to-video",
      prompt: "x",
      versionOf: v1.assetId,
    });
    expect(theirs.status).toBe(404);
    expect(theirs.json.error).toMatchObject({ code: "not_found", field: "versionOf" });
    expect(bed.emu.tasks.creates).toBe(creates);
    // A reviewer sees the stack but cannot add a version.
    expect(
      (
        await call("rita", "POST", "/api/v1/generations", {
          model: "T0401001",
          mode: "text-to-video",
          prompt: "x",
          versionOf: v1.assetId,
        })
      ).status,
    ).toBe(403);
  }, 60_000);

  it("refuses a source of another kind or in the trash, naming why, before anything is sent", async () => {
    const { db } = await import("@/lib/db");
    const image = await db().asset.create({
      data: { id: randomUUID(), teamId: people.alice.teamId, kind: "image", mime: "image/png", origin: "upload" },
    });
    const creates = bed.emu.tasks.creates;
    const wrong = await call("alice", "POST", "/api/v1/generations", {
      model: "T0401001",
      mode: "text-to-video",
      prompt: "x",
      versionOf: image.id,
    });
    expect(wrong.status).toBe(422);
    expect(wrong.json.error.message).toBe(
      `versionOf: asset ${image.id} is image; this model makes video, so it cannot be a new version of it`,
    );
    await db().asset.update({ where: { id: image.id }, data: { trashedAt: new Date() } });
    const trashed = await call("alice", "POST", "/api/v1/generations", {
      model: "T0302007",
      mode: "text-to-image",
      prompt: "x",
      versionOf: image.id,
    });
    expect(trashed.status).toBe(422);
    expect(trashed.json.error.message).toContain("is in the trash");
    expect(bed.emu.tasks.creates).toBe(creates);
  });
});
