import { happyHorse } from "./happyhorse";
import type { Mode, ModeSpec, ModelEntry } from "./types";

export * from "./types";

/** The single source of truth for the ten models: names, families, modes, parameters, limits. */
export const CATALOG: ModelEntry[] = [...happyHorse];

const byId = new Map(CATALOG.map((m) => [m.id, m]));

export function getModel(id: string): ModelEntry | undefined {
  return byId.get(id);
}

export function getModeSpec(modelId: string, mode: Mode): ModeSpec | undefined {
  return byId.get(modelId)?.modes.find((m) => m.mode === mode);
}

export function modelsForMode(mode: Mode): ModelEntry[] {
  return CATALOG.filter((m) => m.modes.some((s) => s.mode === mode));
}
