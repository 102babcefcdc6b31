// Experiments without zod: constants and the shapes the REST answers have, for the UI and the server alike.
// The request schemas are in ./schema.ts.
import type { Mode } from "@/lib/catalog/types";
import type { Units } from "@/lib/catalog/units";
import type { ExperimentDefinition } from "./schema";

export type { CreateExperimentRequest, DuplicateExperimentRequest, ExperimentDefinition, VoteRequest } from "./schema";

export const EXPERIMENT_STATUSES = ["running", "finished", "canceled"] as const;
export type ExperimentStatus = (typeof EXPERIMENT_STATUSES)[number];

/** Shape limits of a definition; the cell cap itself is configuration (STUDIO_EXPERIMENT_MAX_CELLS, default 100). */
export const EXPERIMENT_LIMITS = { prompts: 200, variants: 12, seeds: 20, valuesPerVariable: 50 } as const;

/** A cell's state: waiting for a slot of the team's experiment concurrency, or its generation's status. */
export type CellStatus = "waiting" | "queued" | "running" | "succeeded" | "failed" | "canceled" | "expired";

export interface CellEstimate {
  units: Units;
  cost?: number;
  currency?: string;
  seconds: number;
}

/** The dry run's answer (and part of the create's): every cell that would run, and their sum. */
export interface ExperimentPlanView {
  cells: number;
  rows: number;
  variants: number;
  estimate: { units: Units; cost?: number; currency?: string; seconds: number };
  /** Per cell, listing order (row by row), each with its own estimate. */
  plan: {
    row: number;
    variant: number;
    seed?: number;
    prompt: string;
    model: string;
    mode: Mode;
    estimate: CellEstimate;
  }[];
  limits: { maxCells: number; concurrency: number };
}

export interface ExperimentVariantView {
  index: number;
  model?: string;
  mode?: Mode;
  params?: Record<string, unknown>;
  label?: string;
  /** Blind mode: hidden until the caller has voted on the row. */
  hidden?: boolean;
}

export interface ExperimentRowView {
  row: number;
  prompt: string;
  values?: Record<string, string>;
  seed?: number;
  repeat: number;
  /** Blind mode, once the caller voted on the row: its column order (column → variant index), stable per person. */
  order?: number[];
  /** Blind mode: whether the caller has voted on this row (then its names are shown). */
  voted?: boolean;
}

export interface ExperimentCellView {
  /** The cell's number (retry: …/cells/{n}/retry). Missing in blind mode until the caller has voted on the row. */
  n?: number;
  row: number;
  /** Missing in blind mode until the caller has voted on the row (then `column` places it). */
  variant?: number;
  column?: number;
  seed?: number;
  generationId?: string;
  status: CellStatus;
  progress?: number;
  outputs: { assetId: string; kind: string; mime: string | null; role: string | null }[];
  /** Chat cells: the answer and its tokens. */
  text?: string;
  tokens?: { prompt?: number; completion?: number; reasoning?: number };
  cost?: number;
  currency?: string;
  /** What it is reserved at or charged for, by unit (media cells). */
  units?: Units;
  seconds?: number;
  error?: { code: string; message: string };
}

export interface ExperimentView {
  id: string;
  name: string;
  status: ExperimentStatus;
  version: number;
  parentId?: string;
  createdAt: string;
  createdBy?: string;
  blind: boolean;
  variants: ExperimentVariantView[];
  rows: ExperimentRowView[];
  cells: ExperimentCellView[];
  counts: Record<CellStatus, number>;
  /** The definition as accepted (for "duplicate with changes"). */
  definition: ExperimentDefinition;
}

export interface ExperimentSummary {
  id: string;
  name: string;
  status: ExperimentStatus;
  version: number;
  parentId?: string;
  createdAt: string;
  cells: number;
  done: number;
  coverAssetId?: string;
  variants: { model: string; mode: Mode; params?: Record<string, unknown>; label?: string }[];
}

export interface VariantResult {
  variant: number;
  model: string;
  mode: Mode;
  label?: string;
  wins: number;
  ties: number;
  votes: number;
  /** wins / votes (a tie is a vote without a win); null before any vote. */
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
  /** The caller's own votes (winner null: a tie; against: an A/B pair's other variant). */
  myVotes: { row: number; winner: number | null; against?: number; pair?: [number, number] }[];
}
