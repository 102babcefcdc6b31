import { describe, expect, it } from "vitest";
import { loadStudio, studioTestbed, until } from "./helpers";
import { TEST_SCOPE } from "../../scripts/harness/studio-env";
import type { CreateExperimentRequest } from "@/lib/experiments/schema";

// Experiments against a real database and the real emulator: what reaches TD (and when nothing does), the
// estimate, the budget refusal, the team's experiment concurrency, votes and results, team scoping, and the
// prompt library's versions.

const CONCURRENCY = 5;
const bed = studioTestbed({
  taskSeconds: 0.4,
  // A generous TD timeout: on a loaded machine the emulator's answers can take seconds.
  env: {
    STUDIO_EXPERIMENT_CONCURRENCY: String(CONCURRENCY),
    STUDIO_EXPERIMENT_MAX_CELLS: "40",
    TD_TIMEOUT_MS: "15000",
  },
});
const OTHER = { teamId: "team-other", userId: "user-other" };

async function studio() {
  const s = await loadStudio();
  const [run, view, votes, manage, prices, budgets, units, library] = await Promise.all([
    import("@/lib/experiments/run"),
    import("@/lib/experiments/view"),
    import("@/lib/experiments/votes"),
    import("@/lib/experiments/manage"),
    import("@/lib/spend/prices"),
    import("@/lib/spend/budgets"),
    import("@/lib/catalog/units"),
    import("@/lib/prompts/library"),
  ]);
  return { ...s, run, view, votes, manage, prices, budgets, units, library };
}

const creates = () => bed.emu.log.filter((l) => l.op === "create").length;

const VIDEO_VARIANTS: CreateExperimentRequest["variants"] = [
  { model: "T0401001", mode: "text-to-video", params: { duration: 5, resolution: "720P" } },
  { model: "T0101007", mode: "text-to-video", params: { duration: 4, resolution: "480p" } },
  { model: "T0301004", mode: "text-to-video", params: { aspectRatio: "9:16" } },
];
const threeByThreeByTwo = (name: string): CreateExperimentRequest => ({
  name,
  prompts: { template: "一只{动物}在海边 {run}", variables: { 动物: ["猫", "狗", "马"], run: [name] } },
  variants: VIDEO_VARIANTS,
  seeds: [11, 22],
});

/** Most tasks that were running upstream at one moment (from the emulator's own create and finish times). */
function peakOverlap(tasks: { createdAt: number; finishedAt: number }[]): number {
  const edges = tasks.flatMap((t) => [
    [t.createdAt, 1],
    [t.finishedAt, -1],
  ]);
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let peak = 0;
  for (const [, d] of edges) peak = Math.max(peak, (now += d));
  return peak;
}

describe("experiments", () => {
  it("3 prompts × 3 video variants × 2 seeds: 18 creates, each with its own model and parameters; none on dry run", async () => {
    const s = await studio();
    await s.prices.putPrices(
      {
        currency: "CNY",
        items: [
          { model: "T0401001", unit: "video_second", price: 1 },
          { model: "T0101007", unit: "video_second", price: 2 },
          { model: "T0301004", unit: "video_second", price: 0.5 },
        ],
      },
      TEST_SCOPE.userId,
    );
    const def = threeByThreeByTwo("grid");
    const before = creates();
    const dry = await s.run.createExperiment(TEST_SCOPE, def, { dryRun: true });
    if ("id" in dry) throw new Error("a dry run made an experiment");
    expect(dry.cells).toBe(18);
    expect(creates()).toBe(before); // nothing sent on a dry run
    expect(await s.db().experiment.count()).toBe(0); // nor written
    // The sum equals its cells' estimates.
    expect(dry.estimate.cost).toBeCloseTo(
      dry.plan.reduce((n, c) => n + (c.estimate.cost ?? 0), 0),
      6,
    );

    const made = await s.run.createExperiment(TEST_SCOPE, def);
    if (!("id" in made)) throw new Error("not created");
    expect(made.cells).toBe(18);
    const done = await until(
      () => s.view.getExperiment(TEST_SCOPE, made.id),
      (x) => x.status === "finished",
      150_000,
    );
    expect(done.cells.map((c) => [c.status, c.error?.code])).toEqual(Array(18).fill(["succeeded", undefined]));
    expect(creates() - before).toBe(18);

    // What TD received: each create with its own model, its row's prompt and its variant's parameters + seed.
    const tasks = bed.emu.tasks.all().filter((t) => t.prompt.includes(" grid"));
    expect(tasks).toHaveLength(18);
    const byModel = (m: string) => tasks.filter((t) => t.model === m);
    for (const m of ["T0401001", "T0101007", "T0301004"]) expect(byModel(m)).toHaveLength(6);
    const gens = await s.db().generation.findMany({ where: { experimentId: made.id } });
    expect(gens).toHaveLength(18);
    for (const c of done.cells) {
      const g = gens.find((x) => x.id === c.generationId)!;
      const v = def.variants[c.variant!];
      expect(g.model).toBe(v.model);
      expect(g.prompt).toBe(done.rows[c.row].prompt);
      expect(JSON.parse(g.params)).toMatchObject({ ...v.params, seed: done.rows[c.row].seed });
    }
    const wire = JSON.stringify(byModel("T0401001").map((t) => t.body));
    expect(wire).toContain('"seed":11');
    expect(wire).toContain('"seed":22');
    expect(JSON.stringify(byModel("T0301004").map((t) => t.body))).toContain("9:16");
    // The dry run's estimate equals the sum of what each created generation is estimated at (the reservation's function).
    const prices = await s.prices.currentPrices();
    const sum = gens.reduce(
      (n, g) =>
        n + (s.units.estimate(g.model, g.mode, JSON.parse(g.params), 1, { prompt: g.prompt!, prices })?.cost ?? 0),
      0,
    );
    expect(dry.estimate.cost).toBeCloseTo(sum, 6);
    expect(Object.values(dry.estimate.units).reduce((a, b) => a + (b ?? 0), 0)).toBe(
      dry.plan.reduce((n, c) => n + (c.estimate.units.video_second ?? 0), 0),
    );

    // The per-team concurrency held (and was used): never more than CONCURRENCY cells upstream at once.
    const upstream = (await (await fetch(`${bed.emu.url}/__emulator/tasks`)).json()) as {
      tasks: { id: string; createdAt: number; finishedAt: number }[];
    };
    const ours = upstream.tasks.filter((t) => tasks.some((x) => x.id === t.id));
    const studioSide = gens.map((g) => ({ createdAt: g.createdAt.getTime(), finishedAt: g.finishedAt!.getTime() }));
    expect(peakOverlap(ours)).toBeLessThanOrEqual(CONCURRENCY);
    expect(peakOverlap(studioSide)).toBeLessThanOrEqual(CONCURRENCY);
    expect(peakOverlap(studioSide)).toBeGreaterThan(1);

    // The gallery groups it.
    const { listGallery } = await import("@/lib/gallery/list");
    const page = await listGallery(TEST_SCOPE, { experiment: made.id, limit: 100 } as never);
    expect(page.items).toHaveLength(18);
  }, 180_000);

  it("a budget that fits 10 cells refuses a 12-cell run before anything is sent or written", async () => {
    const s = await studio();
    await s.budgets.putBudgets(TEST_SCOPE.teamId, { team: { daily: 1_000_000 } }, true);
    const [state] = await s.budgets.budgetStates(s.db(), TEST_SCOPE);
    // HappyHorse 5 s at 1 CNY/s: 5 per cell; room for exactly 10.
    await s.budgets.putBudgets(TEST_SCOPE.teamId, { team: { daily: state.spent + 50 } }, true);
    try {
      const def: CreateExperimentRequest = {
        name: "over budget",
        prompts: ["budget a", "budget b", "budget c", "budget d"],
        variants: [{ model: "T0401001", mode: "text-to-video", params: { duration: 5 } }],
        repeats: 3,
      };
      const dry = await s.run.createExperiment(TEST_SCOPE, def, { dryRun: true });
      if ("id" in dry) throw new Error("a dry run made an experiment");
      expect(dry.estimate.cost).toBe(60);
      expect(dry.budget).toMatchObject({ fits: false, budget: "team_daily", remaining: 50 });
      const before = creates();
      const experiments = await s.db().experiment.count();
      await expect(s.run.createExperiment(TEST_SCOPE, def)).rejects.toMatchObject({
        code: "budget_exceeded",
        status: 402,
        details: { budget: "team_daily", remaining: 50, cost: 60 },
      });
      expect(await s.db().experiment.count()).toBe(experiments);
      expect(creates()).toBe(before);
      // Ten cells fit.
      const ten = await s.run.createExperiment(
        TEST_SCOPE,
        { ...def, name: "fits", prompts: ["fits a", "fits b"], repeats: 5 },
        { dryRun: true },
      );
      expect(ten).toMatchObject({ cells: 10, budget: { fits: true } });
    } finally {
      await s.budgets.putBudgets(TEST_SCOPE.teamId, { team: { daily: null } }, true);
    }
  });

  it("refuses above the cell cap and a variant that cannot take the shared input, naming them", async () => {
    const s = await studio();
    const before = creates();
    await expect(
      s.run.createExperiment(TEST_SCOPE, {
        name: "too big",
        prompts: Array.from({ length: 41 }, (_, i) => `p${i}`),
        variants: [{ model: "T0401001", mode: "text-to-video" }],
      }),
    ).rejects.toMatchObject({
      code: "validation_failed",
      details: { reason: "experiment_too_large", cells: 41, limit: 40 },
    });
    await expect(
      s.run.createExperiment(TEST_SCOPE, {
        name: "input",
        prompts: ["a"],
        variants: [
          { model: "T0401002", mode: "first-frame" },
          { model: "T0401001", mode: "text-to-video" },
        ],
        inputs: [{ assetId: "some-asset", role: "first_frame" }],
      }),
    ).rejects.toMatchObject({
      code: "validation_failed",
      field: "variants.1",
      details: { reason: "variant_input", variant: 1, input: "first_frame", model: "T0401001" },
    });
    // A parameter a variant's model does not accept: the catalog's own check, named by variant.
    await expect(
      s.run.createExperiment(TEST_SCOPE, {
        name: "bad param",
        prompts: ["a"],
        variants: [{ model: "T0401001", mode: "text-to-video", params: { duration: 99 } }],
      }),
    ).rejects.toMatchObject({
      code: "validation_failed",
      field: "variants.0.params.duration",
      details: { variant: 0 },
    });
    expect(creates()).toBe(before);
  });

  it("votes and results: best-of-row, A/B pairs, ties, a changed vote, two voters; blind columns", async () => {
    const s = await studio();
    await s.db().user.create({ data: { id: "user-b", name: "Bea", email: "b@td.studio" } });
    await s.db().membership.create({
      data: { id: "membership-b", teamId: TEST_SCOPE.teamId, userId: "user-b", role: "reviewer" },
    });
    const B = { teamId: TEST_SCOPE.teamId, userId: "user-b" };
    const made = await s.run.createExperiment(TEST_SCOPE, {
      name: "votes",
      prompts: ["votes one", "votes two"],
      variants: [4, 5, 6].map((duration) => ({
        model: "T0401001",
        mode: "text-to-video" as const,
        params: { duration },
      })),
    });
    if (!("id" in made)) throw new Error("not created");
    const id = made.id;
    await s.votes.castVote(TEST_SCOPE, id, { row: 0, winner: 1 });
    await s.votes.castVote(TEST_SCOPE, id, { row: 1, winner: "tie" });
    await s.votes.castVote(B, id, { row: 0, winner: 1, against: 2 });
    await s.votes.castVote(B, id, { row: 0, winner: 0 });
    await s.votes.castVote(B, id, { row: 1, winner: 2 });
    const r = await s.votes.castVote(TEST_SCOPE, id, { row: 0, winner: 2 }); // changes the first vote
    expect(r.totalVotes).toBe(5);
    expect(r.variants.map((v) => [v.votes, v.wins, v.ties, v.winRate])).toEqual([
      [4, 1, 1, 0.25],
      [5, 1, 1, 0.2],
      [5, 2, 1, 0.4],
    ]);
    const voters = Object.fromEntries(r.voters.map((v) => [v.userId, v]));
    expect(voters[TEST_SCOPE.userId]).toMatchObject({ votes: 2, wins: { "2": 1 }, ties: 1 });
    expect(voters["user-b"]).toMatchObject({ name: "Bea", votes: 3, wins: { "0": 1, "1": 1, "2": 1 }, ties: 0 });
    expect(r.myVotes).toEqual([
      { row: 0, winner: 2 },
      { row: 1, winner: null },
    ]);
    await expect(s.votes.castVote(B, id, { row: 2, winner: 0 })).rejects.toMatchObject({ code: "validation_failed" });

    // Blind: an unvoted row's cells say only their column; a vote by column counts for the variant behind it.
    const fresh = { teamId: TEST_SCOPE.teamId, userId: "user-blind" };
    const blind = await s.view.getExperiment(fresh, id, { blind: true });
    expect(blind.rows.map((row) => [row.voted, row.order])).toEqual([
      [false, undefined],
      [false, undefined],
    ]);
    const row0 = blind.cells.filter((c) => c.row === 0);
    expect(row0.map((c) => c.column)).toEqual([0, 1, 2]);
    for (const c of row0) {
      expect(c.variant).toBeUndefined();
      expect(c.n).toBeUndefined();
      expect(c.generationId).toBeUndefined();
    }
    const order = s.view.columnOrder(id, fresh.userId, 0, 3);
    const after = await s.votes.castVote(fresh, id, { row: 0, winner: 0, blind: true });
    expect(after.myVotes).toEqual([{ row: 0, winner: order[0] }]);
    const revealed = await s.view.getExperiment(fresh, id, { blind: true });
    expect(revealed.rows[0]).toMatchObject({ voted: true, order });
    expect(revealed.cells.filter((c) => c.row === 0).map((c) => c.variant)).toEqual(order);
    expect(revealed.cells.filter((c) => c.row === 1).every((c) => c.variant === undefined)).toBe(true);
    // The same order on every load, for the same person.
    expect((await s.view.getExperiment(fresh, id, { blind: true })).rows[0].order).toEqual(order);
    await until(
      () => s.view.getExperiment(TEST_SCOPE, id),
      (x) => x.status === "finished",
      60_000,
    );
  }, 90_000);

  it("another team's experiment and prompts are a 404 everywhere, and none is in its lists", async () => {
    const s = await studio();
    const mine = await s.view.listExperiments(TEST_SCOPE, { limit: 100 });
    expect(mine.items.length).toBeGreaterThan(0);
    const id = mine.items[0].id;
    const notFound = { code: "not_found", status: 404 };
    await expect(s.view.getExperiment(OTHER, id)).rejects.toMatchObject(notFound);
    await expect(s.votes.castVote(OTHER, id, { row: 0, winner: 0 })).rejects.toMatchObject(notFound);
    await expect(s.votes.getResults(OTHER, id)).rejects.toMatchObject(notFound);
    await expect(s.manage.cancelExperiment(OTHER, id)).rejects.toMatchObject(notFound);
    await expect(s.manage.retryCell(OTHER, id, 0)).rejects.toMatchObject(notFound);
    await expect(s.manage.duplicateExperiment(OTHER, id, { dryRun: true })).rejects.toMatchObject(notFound);
    const { listGallery } = await import("@/lib/gallery/list");
    await expect(listGallery(OTHER, { experiment: id })).rejects.toMatchObject(notFound);
    expect((await s.view.listExperiments(OTHER, { limit: 100 })).items).toEqual([]);
    const p = await s.library.createPrompt(TEST_SCOPE, { name: "team only", body: "hello" });
    await expect(s.library.getPrompt(OTHER, p.id)).rejects.toMatchObject(notFound);
    await expect(s.library.addPromptVersion(OTHER, p.id, { body: "x" })).rejects.toMatchObject(notFound);
    expect((await s.library.listPrompts(OTHER, { limit: 100 })).items).toEqual([]);
  });

  it("the prompt library: versions, and which generations (and experiment cells) used which", async () => {
    const s = await studio();
    const p = await s.library.createPrompt(TEST_SCOPE, {
      name: "animals",
      body: "一只{动物}在{地点}",
      variables: { 动物: ["猫"], 地点: ["海边"] },
      tags: ["animals"],
    });
    expect(p.latest).toMatchObject({ version: 1, body: "一只{动物}在{地点}", used: 0 });
    const v2 = await s.library.addPromptVersion(TEST_SCOPE, p.id, {
      body: "一只{动物}在{地点}，电影感",
      variables: { 动物: ["猫", "狗"], 地点: ["海边"] },
      source: "improve",
      notes: "the helper's suggestion",
    });
    expect(v2.latest).toMatchObject({ version: 2, source: "improve", notes: "the helper's suggestion" });
    await expect(s.library.createPrompt(TEST_SCOPE, { name: "animals", body: "x" })).rejects.toMatchObject({
      code: "conflict",
    });
    const v1id = v2.versions!.find((v) => v.version === 1)!.id;
    const v2id = v2.latest.id;
    const single = await s.createGeneration({
      model: "T0401001",
      mode: "text-to-video",
      prompt: "一只猫在海边",
      params: { duration: 3 },
      promptVersionId: v1id,
    });
    const made = await s.run.createExperiment(TEST_SCOPE, {
      name: "from the library",
      prompts: { template: v2.latest.body, variables: v2.latest.variables },
      variants: [{ model: "T0401001", mode: "text-to-video", params: { duration: 3 } }],
      promptVersionId: v2id,
    });
    if (!("id" in made)) throw new Error("not created");
    const x = await until(
      () => s.view.getExperiment(TEST_SCOPE, made.id),
      (e) => e.cells.every((c) => !!c.generationId),
      30_000,
    );
    const detail = await s.library.getPrompt(TEST_SCOPE, p.id);
    expect(detail.versions!.map((v) => [v.version, v.used])).toEqual([
      [2, 2],
      [1, 1],
    ]);
    expect(
      detail
        .generations!.filter((g) => g.version === 2)
        .map((g) => g.id)
        .sort(),
    ).toEqual(x.cells.map((c) => c.generationId).sort());
    expect(detail.generations!.find((g) => g.version === 1)?.id).toBe(single.id);
    const list = await s.library.listPrompts(TEST_SCOPE, { tag: "animals", limit: 10 });
    expect(list.items.map((i) => i.name)).toEqual(["animals"]);
    await expect(
      s.createGeneration({ model: "T0401001", mode: "text-to-video", prompt: "x", promptVersionId: "nope" }),
    ).rejects.toMatchObject({ code: "validation_failed", field: "promptVersionId" });
  }, 60_000);

  it("chat variants: one non-streamed completion per cell with tokens, latency and cost", async () => {
    const s = await studio();
    await s.prices.putPrices(
      {
        currency: "CNY",
        items: [
          { model: "T0310001", unit: "input_token", price: 0.001 },
          { model: "T0310001", unit: "output_token", price: 0.002 },
          { model: "T0106004", unit: "input_token", price: 0.001 },
          { model: "T0106004", unit: "output_token", price: 0.002 },
        ],
      },
      TEST_SCOPE.userId,
    );
    const before = bed.emu.log.filter((l) => l.family === "chat").length;
    const made = await s.run.createExperiment(TEST_SCOPE, {
      name: "chat",
      prompts: ["写一句关于海的口号"],
      variants: [
        { model: "T0310001", mode: "chat", params: { maxTokens: 200 } },
        { model: "T0106004", mode: "chat", params: { thinking: "disabled", maxTokens: 200 } },
      ],
    });
    if (!("id" in made)) throw new Error("not created");
    const x = await until(
      () => s.view.getExperiment(TEST_SCOPE, made.id),
      (e) => e.status === "finished",
      30_000,
    );
    expect(x.cells.map((c) => c.status)).toEqual(["succeeded", "succeeded"]);
    for (const c of x.cells) {
      expect(c.text?.length).toBeGreaterThan(0);
      expect(c.tokens?.prompt).toBeGreaterThan(0);
      expect(c.tokens?.completion).toBeGreaterThan(0);
      expect(c.seconds).toBeGreaterThanOrEqual(0);
      expect(c.cost).toBeGreaterThan(0);
    }
    expect(bed.emu.log.filter((l) => l.family === "chat").length - before).toBe(2);
    const results = await s.votes.getResults(TEST_SCOPE, made.id);
    expect(results.variants.every((v) => v.averageCost! > 0 && v.averageSeconds !== undefined)).toBe(true);
  }, 60_000);

  it("a failed cell is retried alone; cancel drops the waiting rest and sends nothing more", async () => {
    const s = await studio();
    const made = await s.run.createExperiment(TEST_SCOPE, {
      name: "retry",
      prompts: ["retry fine", "retry breaks [[fault:failed]]"],
      variants: [{ model: "T0401001", mode: "text-to-video", params: { duration: 3 } }],
    });
    if (!("id" in made)) throw new Error("not created");
    const x = await until(
      () => s.view.getExperiment(TEST_SCOPE, made.id),
      (e) => e.status === "finished",
      30_000,
    );
    expect(x.cells.map((c) => c.status)).toEqual(["succeeded", "failed"]);
    await expect(s.manage.retryCell(TEST_SCOPE, made.id, 0)).rejects.toMatchObject({ code: "conflict" });
    const before = creates();
    const old = x.cells[1].generationId;
    await s.manage.retryCell(TEST_SCOPE, made.id, 1);
    const again = await until(
      () => s.view.getExperiment(TEST_SCOPE, made.id),
      (e) => e.status === "finished",
      30_000,
    );
    expect(again.cells[1].generationId).not.toBe(old);
    expect(creates() - before).toBe(1); // only that cell went again

    const big = await s.run.createExperiment(TEST_SCOPE, {
      name: "cancel",
      prompts: Array.from({ length: 12 }, (_, i) => `cancel ${i} [[seconds:3]]`),
      variants: [{ model: "T0401001", mode: "text-to-video", params: { duration: 3 } }],
    });
    if (!("id" in big)) throw new Error("not created");
    await until(
      () => s.view.getExperiment(TEST_SCOPE, big.id),
      (e) => e.counts.running + e.counts.queued >= CONCURRENCY,
      30_000,
    );
    const canceled = await s.manage.cancelExperiment(TEST_SCOPE, big.id);
    expect(canceled.status).toBe("canceled");
    expect(canceled.counts.canceled).toBeGreaterThanOrEqual(12 - CONCURRENCY);
    // Creates already on their way when it was cancelled finish being sent (and are cancelled where TD allows).
    const settled = await until(
      () => s.view.getExperiment(TEST_SCOPE, big.id),
      (e) => e.cells.every((c) => c.status === "canceled" || !!c.generationId),
      30_000,
    );
    expect(settled.cells.filter((c) => c.generationId).length).toBeLessThanOrEqual(CONCURRENCY);
    const sentNow = creates();
    await until(
      () => s.view.getExperiment(TEST_SCOPE, big.id),
      (e) => e.counts.running + e.counts.queued === 0,
      30_000,
    );
    expect(creates()).toBe(sentNow);
    await expect(s.manage.cancelExperiment(TEST_SCOPE, big.id)).rejects.toMatchObject({ code: "conflict" });
  }, 90_000);

  it("duplicate with changes is a new version of the same experiment", async () => {
    const s = await studio();
    const first = await s.run.createExperiment(TEST_SCOPE, {
      name: "versions",
      prompts: ["versions a"],
      variants: [{ model: "T0401001", mode: "text-to-video", params: { duration: 3 } }],
    });
    if (!("id" in first)) throw new Error("not created");
    const dry = await s.manage.duplicateExperiment(TEST_SCOPE, first.id, {
      prompts: ["versions a", "versions b"],
      dryRun: true,
    });
    expect(dry.cells).toBe(2);
    const second = await s.manage.duplicateExperiment(TEST_SCOPE, first.id, { prompts: ["versions a", "versions b"] });
    if (!("id" in second)) throw new Error("not created");
    const third = await s.manage.duplicateExperiment(TEST_SCOPE, second.id, { name: "versions, 3" });
    if (!("id" in third)) throw new Error("not created");
    const [b, c] = await Promise.all([
      s.view.getExperiment(TEST_SCOPE, second.id),
      s.view.getExperiment(TEST_SCOPE, third.id),
    ]);
    expect([b.version, b.parentId, b.rows.length]).toEqual([2, first.id, 2]);
    expect([c.version, c.parentId, c.name, c.rows.length]).toEqual([3, first.id, "versions, 3", 2]);
  });
});
