import { describe, expect, it } from "vitest";
import { loadStudio, studioTestbed, until } from "./helpers";
import { TEST_SCOPE } from "../../scripts/harness/studio-env";
import type { CreateExperimentRequest } from "@/lib/experiments/schema";

// Experiments against a real database and the real emulator: what reaches TD (and when nothing does), the
// estimate, the budget refusal, the team's experiment concurrency, votes and results, team scoping, and the
// prompt library's versions.

const CONCURRENCY = 4;
const bed = studioTestbed({
  taskSeconds: 0.4,
  env: { STUDIO_EXPERIMENT_CONCURRENCY: String(CONCURRENCY), STUDIO_EXPERIMENT_MAX_CELLS: "40" },
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
      90_000,
    );
    expect(done.cells.map((c) => c.status)).toEqual(Array(18).fill("succeeded"));
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
  }, 60_000);
});
