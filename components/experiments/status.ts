import type { BadgeTone } from "@/components/ui";
import type { ExperimentCell } from "./types";

/** A cell that can still change (the engine has not finished with it). */
export const cellActive = (c: Pick<ExperimentCell, "status">) =>
  c.status === "waiting" || c.status === "queued" || c.status === "running";

export const EXPERIMENT_TONE: Record<string, BadgeTone> = {
  queued: "neutral",
  running: "accent",
  finished: "success",
  succeeded: "success",
  completed: "success",
  done: "success",
  failed: "danger",
  partial: "warning",
  canceled: "neutral",
};

/** A cell's number (…/cells/{n}/retry): given by the server, else its place in the listing (row by row). */
export const cellNumber = (c: Pick<ExperimentCell, "n" | "row" | "variant" | "column">, variants: number) =>
  c.n ?? c.row * variants + (c.variant ?? c.column ?? 0);
