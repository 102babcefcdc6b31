// The REST shapes of /api/v1/experiments (issue 15) as the pages read them. Mirrors lib/experiments/types.ts of the
// server half (h-exp-api); types only, so nothing here reaches the browser bundle.
import type { Units } from "@/lib/catalog/units";

export type ExperimentPrompts = string[] | { template: string; variables: Record<string, string[]> };

export interface VariantDef {
  model: string;
  mode: string;
  params?: Record<string, unknown>;
  label?: string;
}

export interface ExperimentInput {
  assetId: string;
  role: string;
}

/** POST /api/v1/experiments (and …/{id}/duplicate): the definition. */
export interface ExperimentRequest {
  name: string;
  prompts: ExperimentPrompts;
  variants: VariantDef[];
  seeds?: number[];
  repeats?: number;
  inputs?: ExperimentInput[];
  promptVersionId?: string;
  dryRun?: boolean;
}

export interface DryRunAnswer {
  cells: number;
  rows?: number;
  variants?: number;
  estimate: { units: Units | number; unit?: string; cost?: number; currency?: string; seconds: number };
  limits?: { maxCells: number; concurrency: number };
  budget?: { fits: boolean };
}

// The answers' shapes come from the server's zod-free types (lib/experiments/types.ts).
export type {
  CellStatus,
  ExperimentCellView as ExperimentCell,
  ExperimentResults,
  ExperimentRowView as ExperimentRow,
  ExperimentSummary,
  ExperimentVariantView as ExperimentVariant,
  ExperimentView,
  VariantResult,
} from "@/lib/experiments/types";
