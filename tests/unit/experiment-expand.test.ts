import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { blindOrder } from "@/lib/experiments/blind";
import {
  countCells,
  expandRows,
  expandTemplate,
  fillTemplate,
  planCells,
  templateVariables,
} from "@/lib/experiments/expand";
import { makespan } from "@/lib/experiments/plan-math";

describe("template expansion", () => {
  it("finds the variables in order and fills them", () => {
    expect(templateVariables("一只{动物}在{地点}，{动物}很开心")).toEqual(["动物", "地点"]);
    expect(fillTemplate("一只{动物}在{地点}", { 动物: "猫", 地点: "海边" })).toBe("一只猫在海边");
    expect(fillTemplate("{a} and {unknown}", { a: "x" })).toBe("x and {unknown}");
  });

  it("every combination, the first variable changing slowest", () => {
    const rows = expandTemplate("一只{动物}在{地点}", { 动物: ["猫", "狗"], 地点: ["海边", "雪山", "城市"] });
    expect(rows.map((r) => r.prompt)).toEqual([
      "一只猫在海边",
      "一只猫在雪山",
      "一只猫在城市",
      "一只狗在海边",
      "一只狗在雪山",
      "一只狗在城市",
    ]);
    expect(rows[4].values).toEqual({ 动物: "狗", 地点: "雪山" });
  });

  it("names the variable that has no values, is unused, or a template without variables", () => {
    const reason = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(AppError);
        return [(e as AppError).details?.reason, (e as AppError).details?.variable, (e as AppError).field];
      }
      throw new Error("expected a refusal");
    };
    expect(reason(() => expandTemplate("一只{动物}在{地点}", { 动物: ["猫"] }))).toEqual([
      "template_missing_values",
      "地点",
      "prompts.variables.地点",
    ]);
    expect(reason(() => expandTemplate("一只{动物}", { 动物: ["猫"], 颜色: ["红"] }))).toEqual([
      "template_unused_variable",
      "颜色",
      "prompts.variables.颜色",
    ]);
    expect(reason(() => expandTemplate("no variables", {}))[0]).toBe("template_no_variables");
  });

  it("rows: prompts, then seeds (or repeats); cells row by row; the count without building", () => {
    const def = { prompts: ["a", "b"], seeds: [7, 8, 9] };
    const rows = expandRows(def);
    expect(rows.map((r) => [r.prompt, r.seed, r.repeat])).toEqual([
      ["a", 7, 0],
      ["a", 8, 1],
      ["a", 9, 2],
      ["b", 7, 0],
      ["b", 8, 1],
      ["b", 9, 2],
    ]);
    expect(expandRows({ prompts: ["a"], repeats: 2 }).map((r) => [r.seed, r.repeat])).toEqual([
      [undefined, 0],
      [undefined, 1],
    ]);
    const cells = planCells(rows, 2);
    expect(cells).toHaveLength(12);
    expect(cells[3]).toEqual({ n: 3, row: 1, variant: 1, seed: 8, prompt: "a" });
    const variants = [{}, {}] as never;
    expect(countCells({ ...def, variants })).toBe(12);
    expect(
      countCells({ prompts: { template: "{x}{y}", variables: { x: ["1", "2"], y: ["1", "2", "3"] } }, variants }),
    ).toBe(12);
  });

  it("blind order: a permutation, stable per key, different across people", () => {
    const a = blindOrder(5, "exp:user-a:0");
    expect([...a].sort()).toEqual([0, 1, 2, 3, 4]);
    expect(blindOrder(5, "exp:user-a:0")).toEqual(a);
    const others = Array.from({ length: 20 }, (_, i) => blindOrder(5, `exp:user-${i}:0`).join());
    expect(new Set(others).size).toBeGreaterThan(5);
    // Rows of one person vary too, and every order of three turns up about equally often.
    const rows = Array.from({ length: 12 }, (_, r) => blindOrder(3, `exp:user-a:${r}`).join());
    expect(new Set(rows).size).toBeGreaterThanOrEqual(4);
    const counts = new Map<string, number>();
    for (let r = 0; r < 600; r++) {
      const k = blindOrder(3, `exp:user-${r % 7}:${r}`).join();
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const c of counts.values()) expect(c).toBeGreaterThan(60);
  });

  it("the time estimate: cells over the concurrency slots", () => {
    expect(makespan([10, 10, 10, 10], 2)).toBe(20);
    expect(makespan([10, 10, 10], 4)).toBe(10);
    expect(makespan([30, 10, 10, 10], 2)).toBe(30);
  });
});
