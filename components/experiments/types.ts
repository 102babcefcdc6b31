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

export type CellStatus = "waiting" | "queued" | "running" | "succeeded" | "failed" | "canceled" | "expired";

export interface ExperimentCell {
  n: number;
  row: number;
  /** Missing in blind mode until the caller has voted on the row (then `column` places it). */
  variant?: number;
  column?: number;
  seed?: number;
  generationId?: string;
  status: CellStatus;
  progress?: number;
  outputs: { assetId: string; kind: string; mime: string | null; role?: string | null }[];
  text?: string;
  tokens?: { prompt?: number; completion?: number; reasoning?: number };
  cost?: number;
  currency?: string;
  seconds?: number;
  error?: { code: string; message?: string };
}

export interface ExperimentRow {
  row: number;
  prompt: string;
  values?: Record<string, string>;
  seed?: number;
  repeat: number;
  order?: number[];
  voted?: boolean;
}

export interface ExperimentVariant {
  index: number;
  model?: string;
  mode?: string;
  params?: Record<string, unknown>;
  label?: string;
  hidden?: boolean;
}

export interface ExperimentView {
  id: string;
  name: string;
  status: "running" | "finished" | "canceled";
  version: number;
  parentId?: string;
  createdAt: string;
  blind: boolean;
  variants: ExperimentVariant[];
  rows: ExperimentRow[];
  cells: ExperimentCell[];
  counts: Partial<Record<CellStatus, number>>;
  definition?: unknown;
}

export interface ExperimentSummary {
  id: string;
  name: string;
  status: string;
  version?: number;
  createdAt: string;
  cells: number;
  done?: number;
  coverAssetId?: string;
}

export interface VariantResult {
  variant: number;
  model: string;
  mode: string;
  label?: string;
  wins: number;
  ties: number;
  votes: number;
  winRate: number | null;
  cells: number;
  succeeded: number;
  averageCost?: number;
  currency?: string;
  averageSeconds?: number;
}

export interface ExperimentResults {
  id: string;
  variants: VariantResult[];
  voters: { userId: string; name?: string; votes: number; wins: Record<string, number>; ties: number }[];
  totalVotes: number;
}
