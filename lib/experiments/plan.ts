import "server-only";
import type { Scope } from "@/lib/auth/scope";
import { buildChatBody } from "@/lib/catalog/chat-models";
import { getModeSpec, getModel } from "@/lib/catalog";
import { checkPromptFor } from "@/lib/catalog/validate";
import { roundMoney, type Units } from "@/lib/catalog/units";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { validateGenerationRequest, type ValidGeneration } from "@/lib/generations/validate";
import { checkPromptVersion } from "@/lib/prompts/library";
import { budgetStates } from "@/lib/spend/budgets";
import { estimateChatTurn, estimateRun } from "@/lib/spend/estimate";
import { currentPrices } from "@/lib/spend/prices";
import { makespan } from "./plan-math";
import { countCells, expandRows, planCells, type ExpandedRow, type PlannedCell } from "./expand";
import type { ExperimentDefinition } from "./schema";
import type { CellEstimate, ExperimentPlanView } from "./types";

// An experiment before anything runs: rows expanded, every variant validated through the same checks as
// POST /api/v1/generations, each cell estimated through lib/spend, the sum checked against the cap and budgets.

export interface ValidVariant extends ValidGeneration {
  index: number;
  chat: boolean;
  label?: string;
}

export interface ExperimentPlan {
  rows: ExpandedRow[];
  cells: (PlannedCell & { params: Record<string, unknown>; estimate: CellEstimate })[];
  variants: ValidVariant[];
  view: ExperimentPlanView;
}

/** A cell's parameters: the variant's, with the row's seed where the model takes one (else the seed is a repeat). */
export function cellParams(v: ValidVariant, seed: number | undefined): Record<string, unknown> {
  return seed !== undefined && "seed" in v.spec.params.shape ? { ...v.params, seed } : v.params;
}

function variantError(i: number, v: ExperimentDefinition["variants"][number], e: AppError): AppError {
  const name = getModel(v.model)?.name.en ?? v.model;
  return new AppError(
    e.code,
    `variant ${i + 1} (${name}, ${v.mode}): ${e.message}`,
    `variants.${i}${e.field ? `.${e.field}` : ""}`,
    { ...(e.details ?? {}), reason: "variant_invalid", variant: i, position: i + 1, model: v.model, mode: v.mode },
  );
}

/** Every variant against the shared inputs first, so the error names the variant and the input its mode cannot take. */
function checkSharedInputs(def: ExperimentDefinition): void {
  for (const [i, v] of def.variants.entries()) {
    const model = getModel(v.model);
    const spec = model && getModeSpec(v.model, v.mode);
    const chat = model?.family === "chat";
    for (const [k, input] of (def.inputs ?? []).entries()) {
      if (spec && (chat || !spec.inputs.some((s) => s.role === input.role)))
        throw new AppError(
          "validation_failed",
          `variant ${i + 1} (${model!.name.en}, ${v.mode}) cannot take the shared input ${input.role} (inputs.${k})`,
          `variants.${i}`,
          {
            reason: "variant_input",
            variant: i,
            position: i + 1,
            model: v.model,
            mode: v.mode,
            input: input.role,
            role: input.role,
          },
        );
    }
  }
}

async function validateVariant(
  scope: Scope,
  def: ExperimentDefinition,
  i: number,
  rows: ExpandedRow[],
): Promise<ValidVariant> {
  const v = def.variants[i];
  const model = getModel(v.model);
  const spec = model && getModeSpec(v.model, v.mode);
  const chat = model?.family === "chat";
  const seeds = [...new Set(rows.map((r) => r.seed))];
  let valid: ValidGeneration | undefined;
  try {
    for (const seed of seeds) {
      const params = seed !== undefined && spec && "seed" in spec.params.shape ? { ...v.params, seed } : v.params;
      valid = await validateGenerationRequest(
        { model: v.model, mode: v.mode, prompt: rows[0].prompt, params, inputs: chat ? undefined : def.inputs },
        scope,
        { chat: true },
      );
    }
    for (const r of rows) {
      const err = checkPromptFor(valid!.spec, r.prompt);
      if (err) throw new AppError("validation_failed", err.message, err.field);
    }
  } catch (e) {
    throw e instanceof AppError ? variantError(i, v, e) : e;
  }
  const paramsNoSeed = { ...valid!.params };
  if (seeds[0] !== undefined && v.params?.seed === undefined) delete paramsNoSeed.seed;
  return { ...valid!, params: paramsNoSeed, index: i, chat, ...(v.label ? { label: v.label } : {}) };
}

/** Most cells one experiment may have (configuration, default 100). */
export const maxCells = () => config().STUDIO_EXPERIMENT_MAX_CELLS;

/** Validate, expand and estimate a definition. Throws before anything is written or sent. */
export async function planExperiment(scope: Scope, def: ExperimentDefinition): Promise<ExperimentPlan> {
  const count = countCells(def);
  const limit = maxCells();
  if (count > limit)
    throw new AppError(
      "validation_failed",
      `this experiment has ${count} cells; at most ${limit} may run in one experiment (STUDIO_EXPERIMENT_MAX_CELLS)`,
      "variants",
      { reason: "experiment_too_large", cells: count, limit },
    );
  if (def.promptVersionId) await checkPromptVersion(scope, def.promptVersionId);
  const rows = expandRows(def);
  checkSharedInputs(def);
  const variants: ValidVariant[] = [];
  for (let i = 0; i < def.variants.length; i++) variants.push(await validateVariant(scope, def, i, rows));
  const prices = await currentPrices();
  const cells = planCells(rows, variants.length).map((c) => {
    const v = variants[c.variant];
    const params = cellParams(v, c.seed);
    const seconds = (v.model.typicalSeconds ?? 60) * config().STUDIO_TYPICAL_SCALE;
    let estimate: CellEstimate;
    if (v.chat) {
      const e = estimateChatTurn(
        v.model.id,
        buildChatBody(v.model.id, [{ role: "user", content: c.prompt }], params),
        prices,
      );
      estimate = {
        units: e.units,
        ...(e.cost !== undefined ? { cost: e.cost, currency: prices.currency } : {}),
        seconds,
      };
    } else {
      const e = estimateRun({ model: v.model.id, mode: v.spec.mode, params, prompt: c.prompt }, prices);
      estimate = {
        units: e ? { [e.unit]: e.units } : {},
        ...(e?.cost !== undefined ? { cost: e.cost, currency: e.currency } : {}),
        seconds,
      };
    }
    return { ...c, params, estimate };
  });
  const units: Units = {};
  let cost: number | undefined;
  for (const c of cells) {
    for (const [u, n] of Object.entries(c.estimate.units))
      units[u as keyof Units] = (units[u as keyof Units] ?? 0) + (n ?? 0);
    if (c.estimate.cost !== undefined) cost = roundMoney((cost ?? 0) + c.estimate.cost);
  }
  const concurrency = config().STUDIO_EXPERIMENT_CONCURRENCY;
  return {
    rows,
    cells,
    variants,
    view: {
      cells: cells.length,
      rows: rows.length,
      variants: variants.length,
      estimate: {
        units,
        ...(cost !== undefined ? { cost, currency: prices.currency } : {}),
        seconds: makespan(
          cells.map((c) => c.estimate.seconds),
          concurrency,
        ),
      },
      plan: cells.map((c) => ({
        row: c.row,
        variant: c.variant,
        ...(c.seed !== undefined ? { seed: c.seed } : {}),
        prompt: c.prompt,
        model: variants[c.variant].model.id,
        mode: variants[c.variant].spec.mode,
        estimate: c.estimate,
      })),
      limits: { maxCells: limit, concurrency },
    },
  };
}

/** The budgets the estimate would overrun (read only: the run checks again inside its transaction). */
export async function budgetFit(scope: Scope, cost: number | undefined) {
  const states = await budgetStates(db(), scope);
  const over = states.find((b) => roundMoney(b.spent + (cost ?? 0)) > b.limit + 1e-9);
  return over
    ? { fits: false as const, budget: over.budget, remaining: over.remaining, limit: over.limit }
    : { fits: true as const };
}
