import { spawn } from "node:child_process";
import { describe, expect, it, onTestFinished } from "vitest";
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

describe("the soft threshold", () => {
  it("passing 80 % of a budget notifies the team's admins once per period, not its members", async () => {
    const { createGeneration, db } = await loadStudio();
    const s = await spend();
    const { listNotifications } = await import("@/lib/review/notifications");
    await s.putPrices({ currency: "CNY", items: [{ model: "T0401001", unit: "video_second", price: 1 }] }, "user-test");
    await db().ledgerEntry.deleteMany({});
    await db().notification.deleteMany({});
    // The bursts above passed 80 % of this month's budget already (claimed once): start from a fresh claim.
    await db().budgetAlert.deleteMany({});
    await db().user.create({ data: { id: "user-c", name: "Cy", email: "cy@td.studio" } });
    await db().membership.create({ data: { id: "m-c", teamId: TEST_SCOPE.teamId, userId: "user-c", role: "member" } });
    await s.putBudgets(TEST_SCOPE.teamId, { team: { monthly: 20 } }, true);
    onTestFinished(() => s.putBudgets(TEST_SCOPE.teamId, { team: { monthly: null } }, true).then(() => undefined));
    const alerts = () => db().notification.findMany({ where: { type: "budget_threshold" } });
    await createGeneration(T2V("threshold: half", 10));
    await new Promise((r) => setTimeout(r, 300));
    expect(await alerts()).toEqual([]);
    await createGeneration(T2V("threshold: past 80", 7));
    const sent = await until(alerts, (a) => a.length > 0);
    expect(sent.map((n) => [n.userId, n.excerpt])).toEqual([["user-test", "team_monthly 85"]]);
    await createGeneration(T2V("threshold: the rest", 3));
    await new Promise((r) => setTimeout(r, 500));
    expect(await alerts()).toHaveLength(1);
    // Claimed for this period (the team's reset day, 1st of the month): the next period may tell again.
    const claim = await db().budgetAlert.findMany({});
    expect(claim.map((c) => [c.budget, c.userId, c.since.toISOString()])).toEqual([
      ["team_monthly", "", s.monthStart(new Date(), 1).toISOString()],
    ]);
    const inbox = await listNotifications(TEST_SCOPE, { limit: 50 });
    expect(inbox.items.find((n) => n.type === "budget_threshold")).toMatchObject({
      type: "budget_threshold",
      link: "/settings/usage",
      excerpt: "team_monthly 85",
    });
    await s.putBudgets(TEST_SCOPE.teamId, { team: { monthly: null } }, true);
  });
});

describe("usage", () => {
  it(
    "the costliest generations of the range, linked by id; a member sees only their own",
    { timeout: 60_000 },
    async () => {
      const { createGeneration, getGeneration, db } = await loadStudio();
      const s = await spend();
      const { usageFor } = await import("@/lib/spend/usage");
      await s.putPrices(
        { currency: "CNY", items: [{ model: "T0401001", unit: "video_second", price: 2 }] },
        "user-test",
      );
      await db().ledgerEntry.deleteMany({});
      const a = await createGeneration(T2V("top: three seconds", 3));
      const b = await createGeneration(T2V("top: eight seconds", 8));
      const f = await createGeneration(T2V("top: fails [[fault:failed]]", 10));
      for (const id of [a.id, b.id, f.id])
        await until(
          () => getGeneration(TEST_SCOPE, id),
          (g) => g.spend?.state === "settled" || g.spend?.state === "released",
          30_000,
        );
      const admin = {
        teamId: TEST_SCOPE.teamId,
        userId: "user-test",
        role: "admin",
        user: { operator: false },
      } as unknown as Parameters<typeof usageFor>[0];
      const u = await usageFor(admin, { groupBy: "model" });
      // The failed run was released: it cost nothing and is not among the costliest.
      expect(u.top.map((t) => [t.generationId, t.cost, t.units, t.state, t.prompt])).toEqual([
        [b.id, 16, 8, "settled", "top: eight seconds"],
        [a.id, 6, 3, "settled", "top: three seconds"],
      ]);
      const member = { ...admin, userId: "user-nobody", role: "member" } as typeof admin;
      expect((await usageFor(member, { groupBy: "model" })).top).toEqual([]);
    },
  );

  it("groups by week (its Monday) and month, with empty periods of the range listed", async () => {
    const { db } = await loadStudio();
    const { usageFor } = await import("@/lib/spend/usage");
    await db().ledgerEntry.deleteMany({});
    const entry = (id: string, at: string, charge: number) => ({
      id,
      teamId: TEST_SCOPE.teamId,
      userId: "user-test",
      source: "generation",
      model: "T0401001",
      mode: "text-to-video",
      state: "settled",
      unit: "video_second",
      units: JSON.stringify({ video_second: 5 }),
      quantity: 5,
      cost: charge,
      charge,
      createdAt: new Date(`${at}T10:00:00Z`),
    });
    await db().ledgerEntry.createMany({
      data: [
        entry("w1", "2026-03-01", 1), // a Sunday: the week of Monday 23 February
        entry("w2", "2026-03-02", 2), // Monday
        entry("w3", "2026-03-08", 3), // Sunday, same week
        entry("w4", "2026-04-01", 4),
      ],
    });
    const admin = {
      teamId: TEST_SCOPE.teamId,
      userId: "user-test",
      role: "admin",
      user: { operator: false },
    } as unknown as Parameters<typeof usageFor>[0];
    const range = { from: "2026-03-01", to: "2026-04-01" };
    const weeks = await usageFor(admin, { ...range, groupBy: "week" });
    expect(weeks.groups.map((g) => [g.key, g.cost, g.generations])).toEqual([
      ["2026-02-23", 1, 1],
      ["2026-03-02", 5, 2],
      ["2026-03-09", 0, 0],
      ["2026-03-16", 0, 0],
      ["2026-03-23", 0, 0],
      ["2026-03-30", 4, 1],
    ]);
    const months = await usageFor(admin, { ...range, groupBy: "month" });
    expect(months.groups.map((g) => [g.key, g.cost, g.generations])).toEqual([
      ["2026-03", 6, 3],
      ["2026-04", 4, 1],
    ]);
    expect(months.total).toMatchObject({ cost: 10, generations: 4 });
  });

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
      ["T0401001", 10, 10, 3, 1],
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
      { key: "user-b", label: "Bea", units: 5, cost: 5, generations: 2, failed: 1, byUnit: { video_second: 5 } },
    ]);
    // Another team's id is a 404 unless the caller is an operator.
    await expect(usageFor(admin, { ...range, groupBy: "day", teamId: "team-x" })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
