import { chatModels } from "./chat-models";
import { gptImage } from "./gpt-image";
import { gv } from "./gv";
import { happyHorse } from "./happyhorse";
import { minimaxTts } from "./minimax-tts";
import { seedance } from "./seedance";
import type { Mode, ModeSpec, ModelEntry } from "./types";

export * from "./types";

/** The single source of truth for the ten models: names, families, modes, parameters, limits. */
export const CATALOG: ModelEntry[] = [...happyHorse, ...seedance, ...gptImage, ...gv, ...minimaxTts, ...chatModels];

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
