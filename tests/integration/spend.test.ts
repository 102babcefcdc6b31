import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { loadStudio, studioTestbed, until } from "./helpers";
import { TEST_SCOPE } from "../../scripts/harness/studio-env";

// The ledger and budgets against a real database and the real emulator: reserve with the check in one
// transaction, settle to the actual usage, release what fails, and no overrun under concurrency.

const bed = studioTestbed({ taskSeconds: 0.3, env: { TD_TIMEOUT_MS: "3000" } });

async function spend() {
  const [prices, budgets, ledger] = await Promise.all([
    import("@/lib/spend/prices"),
    import("@/lib/spend/budgets"),
    import("@/lib/spend/ledger"),
  ]);
  return { ...prices, ...budgets, ...ledger };
}

const T2V = (prompt: string, duration = 5) => ({
  model: "T0401001",
  mode: "text-to-video" as const,
  prompt,
  params: { duration, resolution: "720P" },
});

describe("ledger", () => {
  it("reserves the estimate, settles at the price in force when it ran, not the one set later", async () => {
    const { createGeneration, getGeneration, db } = await loadStudio();
    const s = await spend();
    await s.putPrices({ currency: "CNY", items: [{ model: "T0401001", unit: "video_second", price: 1 }] }, "user-test");
    const created = await createGeneration(T2V("ledger: a paper city", 4));
    expect(created.estimate).toEqual({ units: 4, unit: "video_second", cost: 4, currency: "CNY" });
    expect(created.spend).toMatchObject({ state: "reserved", cost: 4 });
    // A price change mid-month: the run keeps the version it was reserved at.
    await s.putPrices({ currency: "CNY", items: [{ model: "T0401001", unit: "video_second", price: 3 }] }, "user-test");
    const done = await until(
      () => getGeneration(TEST_SCOPE, created.id),
      (g) => g.status === "succeeded" && g.spend?.state === "settled",
    );
    // The emulator reports usage.duration as HappyHorse does: the actual seconds.
    const usage = JSON.parse((await db().generation.findUniqueOrThrow({ where: { id: created.id } })).usage!);
    expect(done.spend).toMatchObject({
      state: "settled",
      units: { video_second: usage.duration },
      cost: usage.duration,
    });
  });

  it("releases a failed run (nothing charged) and a rejected create; keeps an uncertain one reserved", async () => {
    const { createGeneration, getGeneration, db } = await loadStudio();
    const s = await spend();
    await s.putPrices({ currency: "CNY", items: [{ model: "T0401001", unit: "video_second", price: 3 }] }, "user-test");
    const failed = await createGeneration(T2V("ledger: fails [[fault:failed]]"));
    await until(
      () => getGeneration(TEST_SCOPE, failed.id),
      (g) => g.status === "failed" && g.spend?.state === "released",
    );
    const rejected = await createGeneration(T2V("ledger: refused [[fault:500]]"));
    expect(rejected.status).toBe("failed");
    expect(rejected.spend).toMatchObject({ state: "released" });
    const lost = await createGeneration(T2V("ledger: answer lost [[fault:hang]]"));
    expect(lost.error?.code).toBe("SubmitUncertain");
    expect(lost.spend).toMatchObject({ state: "uncertain", cost: 15 });
    const entries = await db().ledgerEntry.findMany({ where: { generationId: { in: [failed.id, rejected.id] } } });
    expect(entries.map((e) => [e.state, e.charge, e.failed])).toEqual([
      ["released", 0, true],
      ["released", 0, true],
    ]);
  });

  it("a queued cancel releases the reservation", async () => {
    const { db } = await loadStudio();
    const s = await spend();
    const { cancelGeneration } = await import("@/lib/generations/cancel");
    // Written but not yet sent (the engine sends it after 5 s): the cancel is local.
    const id = "gen-cancel-ledger";
    await db().$transaction((tx) =>
      s.reserveInTx(
        tx,
        { scope: TEST_SCOPE, generationId: id, model: "T0401001", mode: "text-to-video", params: { duration: 5 } },
        () =>
          tx.generation.create({ data: { id, teamId: TEST_SCOPE.teamId, model: "T0401001", mode: "text-to-video" } }),
      ),
    );
    expect((await db().ledgerEntry.findUniqueOrThrow({ where: { id } })).state).toBe("reserved");
    await cancelGeneration(TEST_SCOPE, id);
    expect(await db().ledgerEntry.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "released", charge: 0 });
  });
});

describe("budgets", () => {
  it("refuses with 402 budget_exceeded naming the budget and what is left; quotas name their limit", async () => {
    const { createGeneration, db } = await loadStudio();
    const s = await spend();
    await s.putPrices({ currency: "CNY", items: [{ model: "T0401001", unit: "video_second", price: 1 }] }, "user-test");
    await db().ledgerEntry.deleteMany({});
    await s.putBudgets(TEST_SCOPE.teamId, { team: { monthly: 12 } }, true);
    await createGeneration(T2V("budget: first", 10));
    const err = await createGeneration(T2V("budget: second", 5)).catch((e) => e);
    expect(err).toMatchObject({
      code: "budget_exceeded",
      status: 402,
      details: { budget: "team_monthly", limit: 12, remaining: 2, cost: 5, currency: "CNY" },
    });
    // An admin cannot set the team's budget; an operator can.
    await expect(s.putBudgets(TEST_SCOPE.teamId, { team: { monthly: 1 } }, false)).rejects.toMatchObject({
      code: "forbidden",
    });
    await s.putBudgets(
      TEST_SCOPE.teamId,
      { team: { monthly: null }, members: { "user-test": { maxPerHour: 1 } } },
      true,
    );
    const q = await createGeneration(T2V("quota", 4)).catch((e) => e);
    expect(q).toMatchObject({ code: "quota_exceeded", status: 429, details: { quota: "per_hour", limit: 1 } });
    await s.putBudgets(TEST_SCOPE.teamId, { members: { "user-test": { maxPerHour: null } } }, true);
    expect(await s.getBudgets(TEST_SCOPE.teamId)).toEqual({ team: { resetDay: 1 }, members: { "user-test": {} } });
  });

  it("50 concurrent creates against a budget that fits 10 send exactly 10 upstream", async () => {
    const { createGeneration, db } = await loadStudio();
    const s = await spend();
    await db().ledgerEntry.deleteMany({});
    await s.putBudgets(TEST_SCOPE.teamId, { team: { monthly: 50 } }, true);
    const before = bed.emu.tasks.creates;
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => createGeneration(T2V(`burst ${i}`, 5))),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter(
      (r) => r.status === "rejected" && (r.reason as { code?: string }).code === "budget_exceeded",
    );
    expect(ok).toHaveLength(10);
    expect(refused).toHaveLength(40);
    // A create TD refused for capacity (429) is sent again later: count until every accepted one is upstream.
    await until(
      async () => bed.emu.tasks.creates - before,
      (n) => n >= 10,
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect(bed.emu.tasks.creates - before).toBe(10);
    const sum = await db().ledgerEntry.aggregate({ _sum: { charge: true } });
    expect(sum._sum.charge).toBe(50);
  });

  it("two processes reserving at once still never overrun (the write lock serialises them)", async () => {
    const { db } = await loadStudio();
    const s = await spend();
    await db().ledgerEntry.deleteMany({});
    await s.putBudgets(TEST_SCOPE.teamId, { team: { monthly: 25 } }, true);
    const run = (prefix: string) =>
      new Promise<{ ok: number; other: string[] }>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          ["--import", "tsx", "--conditions=react-server", "scripts/harness/reserve-burst.ts", "15", prefix],
          { env: process.env, stdio: ["ignore", "pipe", "inherit"] },
        );
        let out = "";
        child.stdout.on("data", (b) => (out += b));
        child.on("exit", (code) =>
          code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!)) : reject(new Error(`exit ${code}`)),
        );
      });
    const [a, b] = await Promise.all([run("proc-a"), run("proc-b")]);
    expect([...a.other, ...b.other]).toEqual([]);
    expect(a.ok + b.ok).toBe(5);
    const sum = await db().ledgerEntry.aggregate({ _sum: { charge: true }, where: { id: { startsWith: "proc-" } } });
    expect(sum._sum.charge).toBe(25);
  }, 120_000);
});

describe("usage", () => {
  it("groups by model, member and day; counts failed runs apart; a member sees only their own", async () => {
    const { db } = await loadStudio();
    const { usageFor } = await import("@/lib/spend/usage");
    await db().ledgerEntry.deleteMany({});
    await db().user.create({ data: { id: "user-b", name: "Bea", email: "bea@td.studio" } });
    await db().membership.create({ data: { id: "m-b", teamId: TEST_SCOPE.teamId, userId: "user-b", role: "member" } });
    const day = (d: string) => new Date(`${d}T10:00:00Z`);
    const row = (
      id: string,
      userId: string,
      model: string,
      at: string,
      qty: number,
      charge: number,
      failed = false,
    ) => ({
      id,
      teamId: TEST_SCOPE.teamId,
      userId,
      source: "generation",
      model,
      mode: "text-to-video",
      state: failed ? "released" : "settled",
      unit: "video_second",
      units: JSON.stringify({ video_second: qty }),
      quantity: qty,
      cost: charge,
      charge: failed ? 0 : charge,
      failed,
      createdAt: day(at),
    });
    await db().ledgerEntry.createMany({
      data: [
        row("u1", "user-test", "T0401001", "2026-03-01", 5, 5),
        row("u2", "user-test", "T0101007", "2026-03-02", 10, 3.5),
        row("u3", "user-b", "T0401001", "2026-03-02", 5, 5),
        row("u4", "user-b", "T0401001", "2026-03-02", 5, 5, true),
      ],
    });
    const admin = {
      teamId: TEST_SCOPE.teamId,
      userId: "user-test",
      role: "admin",
      user: { operator: false },
    } as unknown as Parameters<typeof usageFor>[0];
    const range = { from: "2026-03-01", to: "2026-03-03" };
    const byModel = await usageFor(admin, { ...range, groupBy: "model" });
    expect(byModel.groups.map((g) => [g.key, g.units, g.cost, g.generations, g.failed])).toEqual([
      ["T0401001", 15, 10, 3, 1],
      ["T0101007", 10, 3.5, 1, 0],
    ]);
    expect(byModel.total).toMatchObject({ cost: 13.5, generations: 4, failed: 1 });
    const byDay = await usageFor(admin, { ...range, groupBy: "day" });
    expect(byDay.groups.map((g) => [g.key, g.cost])).toEqual([
      ["2026-03-01", 5],
      ["2026-03-02", 8.5],
      ["2026-03-03", 0],
    ]);
    const member = { ...admin, userId: "user-b", role: "member" } as typeof admin;
    const own = await usageFor(member, { ...range, groupBy: "member" });
    expect(own.scope).toBe("member");
    expect(own.groups).toEqual([
      { key: "user-b", label: "Bea", units: 10, cost: 5, generations: 2, failed: 1, byUnit: { video_second: 5 } },
    ]);
    // Another team's id is a 404 unless the caller is an operator.
    await expect(usageFor(admin, { ...range, groupBy: "day", teamId: "team-x" })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
