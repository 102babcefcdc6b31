import { AppError } from "@/lib/errors";
import type { ExperimentDefinition } from "./schema";

// Pure: a definition's prompts (a list, or a template × value lists) → rows; rows × seeds/repeats; × variants → cells.

export interface ExpandedRow {
  prompt: string;
  /** The variable values this row was made from (templates only). */
  values?: Record<string, string>;
  seed?: number;
  /** 0-based run of the same prompt (seeds or repeats). */
  repeat: number;
}

export interface PlannedCell {
  n: number;
  row: number;
  variant: number;
  seed?: number;
  prompt: string;
}

const PLACEHOLDER = /\{([^{}\s]{1,40})\}/g;

/** The variable names of a template, in the order they first appear. */
export function templateVariables(template: string): string[] {
  const names: string[] = [];
  for (const m of template.matchAll(PLACEHOLDER)) if (!names.includes(m[1])) names.push(m[1]);
  return names;
}

/** Fill a template's `{name}` placeholders; unknown names stay as written. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}

/**
 * Every combination of the variables' values, in order: the first variable of the template changes slowest
 * (`一只{动物}在{地点}` × 动物 [猫, 狗] × 地点 [海边, 雪山] → 猫/海边, 猫/雪山, 狗/海边, 狗/雪山).
 */
export function expandTemplate(
  template: string,
  variables: Record<string, string[]>,
): { prompt: string; values: Record<string, string> }[] {
  const names = templateVariables(template);
  if (!names.length)
    throw new AppError("validation_failed", "the template has no {variable}", "prompts.template", {
      reason: "template_no_variables",
    });
  const missing = names.find((n) => !variables[n]?.length);
  if (missing)
    throw new AppError(
      "validation_failed",
      `the template's {${missing}} has no values`,
      `prompts.variables.${missing}`,
      {
        reason: "template_missing_values",
        variable: missing,
      },
    );
  const unused = Object.keys(variables).find((n) => !names.includes(n));
  if (unused)
    throw new AppError(
      "validation_failed",
      `variable ${unused} does not appear in the template`,
      `prompts.variables.${unused}`,
      {
        reason: "template_unused_variable",
        variable: unused,
      },
    );
  let combos: Record<string, string>[] = [{}];
  for (const name of names) combos = combos.flatMap((c) => variables[name].map((v) => ({ ...c, [name]: v })));
  return combos.map((values) => ({ prompt: fillTemplate(template, values), values }));
}

/** The rows: prompts (or template combinations), each once per seed or repeat — prompts first, then seeds. */
export function expandRows(def: Pick<ExperimentDefinition, "prompts" | "seeds" | "repeats">): ExpandedRow[] {
  const base = Array.isArray(def.prompts)
    ? def.prompts.map((prompt) => ({ prompt }))
    : expandTemplate(def.prompts.template, def.prompts.variables);
  const runs: { seed?: number }[] = def.seeds?.length
    ? def.seeds.map((seed) => ({ seed }))
    : Array.from({ length: def.repeats ?? 1 }, () => ({}));
  return base.flatMap((b) => runs.map((r, repeat) => ({ ...b, ...r, repeat })));
}

/** Rows × variants, row by row (the listing order the votes' `row` and `variant` refer to). */
export function planCells(rows: ExpandedRow[], variantCount: number): PlannedCell[] {
  return rows.flatMap((r, row) =>
    Array.from({ length: variantCount }, (_, variant) => ({
      n: row * variantCount + variant,
      row,
      variant,
      ...(r.seed !== undefined ? { seed: r.seed } : {}),
      prompt: r.prompt,
    })),
  );
}

/** How many cells a definition makes, without building them (the cap is checked before expanding further). */
export function countCells(def: Pick<ExperimentDefinition, "prompts" | "seeds" | "repeats" | "variants">): number {
  const vars = Array.isArray(def.prompts) ? {} : def.prompts.variables;
  const prompts = Array.isArray(def.prompts)
    ? def.prompts.length
    : templateVariables(def.prompts.template).reduce((n, v) => n * (vars[v]?.length ?? 0), 1);
  const runs = def.seeds?.length ? def.seeds.length : (def.repeats ?? 1);
  return prompts * runs * def.variants.length;
}
