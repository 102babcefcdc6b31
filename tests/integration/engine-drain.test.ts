import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "@/emulator";
import { freshStudioEnv, TEST_SCOPE } from "../../scripts/harness/studio-env";
import { until } from "./helpers";

// Graceful shutdown of the engine (SIGTERM → lib/health/shutdown.ts → engine.drain): it stops claiming, waits for
// the polls in flight until the deadline, then hands back every lease it still holds, so that another process takes
// the work at once instead of after the 60 s lease. One poll hangs at TD; one claimed row waits behind it.

let emu: Emulator;
// A file server that takes the request and never answers: an output download in flight at shutdown.
const requested: string[] = [];
const silent = http.createServer((req) => void requested.push(req.url ?? ""));
let silentUrl = "";

beforeAll(async () => {
  emu = await startEmulator({ port: 0, apiKey: "k", taskSeconds: 0.3, quiet: true, hangMs: 8000 });
  await new Promise<void>((ok) => silent.listen(0, "127.0.0.1", () => ok()));
  silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
  freshStudioEnv(emu.url, "k", {
    STUDIO_POLL_CONCURRENCY: "1",
    STUDIO_FETCH_ALLOW_ORIGINS: silentUrl,
    STUDIO_DB_QUERY_EVENTS: "1",
  });
});
afterAll(async () => {
  silent.closeAllConnections();
  silent.close();
  await emu.close();
});

describe("engine drain (graceful shutdown)", () => {
  it("a hung poll and a waiting claim: drain ends by its deadline, leaves no lease held, another owner polls both at once", async () => {
    const { createGeneration } = await import("@/lib/generations/create");
    const { startEngine, pollTick } = await import("@/lib/generations/engine");
    const { db } = await import("@/lib/db");
    const request = (prompt: string) =>
      createGeneration(
        { model: "T0401001", mode: "text-to-video", prompt, params: { duration: 5 } } as never,
        TEST_SCOPE,
      );
    const hung = await request("drain: the first status poll hangs [[fault:hang@poll]]");
    const waiting = await request("drain: claimed, waiting for the one poll slot");
    const engine = startEngine();
    const ids = [hung.id, waiting.id];
    // Both leased by this engine: one poll in flight (hanging), one row waiting for the slot.
    await until(
      () => db().generation.findMany({ where: { id: { in: ids } }, select: { leaseOwner: true } }),
      (rows) => rows.length === 2 && rows.every((r) => r.leaseOwner === engine.owner),
    );

    const t0 = Date.now();
    const drained = await engine.drain(Date.now() + 400);
    const took = Date.now() - t0;
    expect(took).toBeLessThan(2000);
    expect(drained.pollsReleased).toBe(2);
    const after = await db().generation.findMany({
      where: { id: { in: ids } },
      select: { status: true, leaseOwner: true, leaseExpiresAt: true },
    });
    expect(after.map((r) => [r.status, r.leaseOwner, r.leaseExpiresAt])).toEqual([
      ["running", null, null],
      ["running", null, null],
    ]);

    // Another process (a new owner) takes both on its very next pass: nothing waits for a lease to run out.
    const taken = await pollTick("another-process", { recover: false });
    expect(taken).toBe(2);
    const polled = await db().generation.findMany({ where: { id: { in: ids } }, select: { requestIds: true } });
    for (const p of polled) expect(JSON.parse(p.requestIds).length).toBeGreaterThanOrEqual(2);
  });

  it("a claim statement running when drain begins: the rows it leases are handed back too", async () => {
    const { createGeneration } = await import("@/lib/generations/create");
    const { startEngine } = await import("@/lib/generations/engine");
    const { db, onDbQuery } = await import("@/lib/db");
    const ids: string[] = [];
    for (const p of ["drain mid-claim 1", "drain mid-claim 2"])
      ids.push((await createGeneration({ model: "T0401001", mode: "text-to-video", prompt: p }, TEST_SCOPE)).id);
    const engine = startEngine();
    // Drain starts the moment the claim's UPDATE has run, before the engine has taken its rows.
    let drained: Promise<{ pollsReleased: number }> | undefined;
    const off = onDbQuery((q) => {
      if (!drained && /^\s*UPDATE/i.test(q) && /leaseOwner/.test(q) && /Generation/.test(q))
        drained = engine.drain(Date.now() + 2000);
    });
    try {
      await until(
        async () => drained,
        (d) => d !== undefined,
      );
      await drained;
    } finally {
      off();
    }
    const rows = await db().generation.findMany({ where: { id: { in: ids } }, select: { leaseOwner: true } });
    expect(rows.filter((r) => r.leaseOwner === engine.owner)).toEqual([]);
  });

  it("a download in flight: drain hands its claim back, so another process claims it at once", async () => {
    const { startEngine } = await import("@/lib/generations/engine");
    const { claimArchive } = await import("@/lib/generations/archive");
    const { db } = await import("@/lib/db");
    const engine = startEngine();
    const id = randomUUID();
    await db().asset.create({
      data: {
        id,
        teamId: TEST_SCOPE.teamId,
        kind: "video",
        mime: "video/mp4",
        origin: "output",
        upstreamUrl: `${silentUrl}/outputs/${id}.mp4`,
        upstreamExpiresAt: new Date(Date.now() + 3600_000),
      },
    });
    await until(
      async () => requested.some((u) => u.includes(id)),
      (seen) => seen,
    );
    const claimed = await db().asset.findUniqueOrThrow({ where: { id } });
    expect([claimed.archiveState, claimed.archiveClaim !== null]).toEqual(["archiving", true]);
    // While it is held, nobody else may take it.
    expect(await claimArchive(id)).toBeUndefined();

    const drained = await engine.drain(Date.now() + 300);
    // The first test's outputs may be downloading too: ours is among those handed back.
    expect(drained.archivesReleased).toBeGreaterThanOrEqual(1);
    const after = await db().asset.findUniqueOrThrow({ where: { id } });
    expect(after.archiveClaim).toBeNull();
    expect(after.nextArchiveAt!.getTime()).toBeLessThanOrEqual(Date.now());
    expect(await claimArchive(id)).toEqual(expect.any(String));
  });
});
