import type { StudioAsset } from "@/components/inputs/types";
import type { ModeFormSpec } from "@/lib/catalog/form-spec";
import { expandTemplate, splitValues, templateVariables } from "../template";
import type { ExperimentRequest, VariantDef } from "../types";

export interface VariantDraft {
  key: string;
  /** `${model}|${mode}` — one entry of the builder's specs. */
  spec: string;
  params: Record<string, unknown>;
}

export interface BuilderDraft {
  name: string;
  promptMode: "list" | "template";
  list: string;
  template: string;
  /** The text typed for each variable's values (comma-separated). */
  values: Record<string, string>;
  variants: VariantDraft[];
  seeds: string;
  repeats: number;
  inputs: { asset: StudioAsset; role: string }[];
  /** The library version the rows came from. */
  promptVersionId?: string;
}

export const specKey = (s: { modelId: string; mode: string } | VariantDef) =>
  "modelId" in s ? `${s.modelId}|${s.mode}` : `${s.model}|${s.mode}`;

let counter = 0;
export const newKey = () => `v${Date.now().toString(36)}${(counter++).toString(36)}`;

/** The rows the draft's prompts make (a list: one per non-empty line; a template: every combination). */
export function draftRows(d: BuilderDraft): string[] {
  if (d.promptMode === "list")
    return d.list
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
  if (!d.template.trim()) return [];
  return expandTemplate(d.template.trim(), variablesOf(d));
}

export function variablesOf(d: BuilderDraft): Record<string, string[]> {
  return Object.fromEntries(templateVariables(d.template).map((n) => [n, splitValues(d.values[n] ?? "")]));
}

export function draftSeeds(d: BuilderDraft): number[] {
  return splitValues(d.seeds)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n >= 0);
}

/** What a variant's mode cannot take among the shared inputs, and which inputs it needs but lacks. */
export function inputProblems(spec: ModeFormSpec | undefined, inputs: { role: string }[]) {
  if (!spec) return { cannot: [], needs: [] };
  const cannot = [...new Set(inputs.map((i) => i.role))].filter((r) => !spec.inputs.some((s) => s.role === r));
  const needs = spec.inputs.filter((s) => s.min > 0 && !inputs.some((i) => i.role === s.role)).map((s) => s.role);
  return { cannot, needs };
}

/** The REST body (POST /api/v1/experiments) of a draft. */
export function toRequest(d: BuilderDraft, dryRun: boolean): ExperimentRequest {
  const seeds = draftSeeds(d);
  return {
    name: d.name.trim(),
    prompts: d.promptMode === "list" ? draftRows(d) : { template: d.template.trim(), variables: variablesOf(d) },
    variants: d.variants.map((v) => {
      const [model, mode] = v.spec.split("|");
      return { model, mode, params: v.params };
    }),
    ...(seeds.length ? { seeds } : {}),
    ...(d.repeats > 1 ? { repeats: d.repeats } : {}),
    ...(d.inputs.length ? { inputs: d.inputs.map((i) => ({ assetId: i.asset.id, role: i.role })) } : {}),
    ...(d.promptVersionId ? { promptVersionId: d.promptVersionId } : {}),
    ...(dryRun ? { dryRun: true } : {}),
  };
}

/** A stored definition as a draft again ("duplicate with changes"); the inputs' assets come later. */
export function fromRequest(r: ExperimentRequest, name: string): BuilderDraft {
  const template = !Array.isArray(r.prompts);
  return {
    name,
    promptMode: template ? "template" : "list",
    list: Array.isArray(r.prompts) ? r.prompts.join("\n") : "",
    template: Array.isArray(r.prompts) ? "" : r.prompts.template,
    values: Array.isArray(r.prompts)
      ? {}
      : Object.fromEntries(Object.entries(r.prompts.variables).map(([k, v]) => [k, v.join(", ")])),
    variants: r.variants.map((v) => ({ key: newKey(), spec: specKey(v), params: v.params ?? {} })),
    seeds: (r.seeds ?? []).join(", "),
    repeats: r.repeats ?? 1,
    inputs: [],
  };
}
