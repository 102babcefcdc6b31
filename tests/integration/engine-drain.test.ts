import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "@/emulator";
import { freshStudioEnv, TEST_SCOPE } from "../../scripts/harness/studio-env";
import { until } from "./helpers";

// Graceful shutdown of the engine (SIGTERM → lib/health/shutdown.ts → engine.drain): it stops claiming, waits for
// the polls in flight until the deadline, then hands back every lease it still holds, so that another process takes
// the work at once instead of after the 60 s lease. One poll hangs at TD; one claimed row waits behind it.

let emu: Emulator;

beforeAll(async () => {
  emu = await startEmulator({ port: 0, apiKey: "k", taskSeconds: 0.3, quiet: true, hangMs: 8000 });
  freshStudioEnv(emu.url, "k", { STUDIO_POLL_CONCURRENCY: "1" });
});
afterAll(async () => {
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
});
