import { ark } from "./families/ark";
import { chat } from "./families/chat";
import { dashscope } from "./families/dashscope";
import { vod } from "./families/vod";
import { startEmulator as start, type FamilyModule } from "./server";
import type { EmulatorOptions } from "./types";

export type { Emulator } from "./server";
export type { EmulatorOptions, LoggedRequest } from "./types";

/** Every protocol family the emulator speaks. */
export const FAMILIES: FamilyModule[] = [dashscope, ark, vod, chat];

export function startEmulator(opts: Partial<EmulatorOptions> = {}) {
  return start(opts, FAMILIES);
}
