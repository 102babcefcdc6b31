import { FAULTS, type Fault } from "./types";

const MARKER = /\[\[fault:([a-z0-9]+)(@poll)?\]\]/gi;

/** Faults named in a prompt: `[[fault:429]]` hits the create call, `[[fault:500@poll]]` the first status poll. */
export function faultsInPrompt(prompt: string): { create?: Fault; poll?: Fault; failed: boolean; download: boolean } {
  const out: { create?: Fault; poll?: Fault; failed: boolean; download: boolean } = { failed: false, download: false };
  for (const m of prompt.matchAll(MARKER)) {
    const name = m[1].toLowerCase() as Fault;
    if (!FAULTS.includes(name)) continue;
    if (name === "failed") out.failed = true;
    else if (name === "download") out.download = true;
    else if (m[2]) out.poll = name;
    else out.create = name;
  }
  return out;
}

/** Transport-level faults picked at random at the configured rate. */
const RANDOM: Fault[] = ["429", "500", "hang", "drop", "malformed"];

export function randomFault(rate: number): Fault | undefined {
  if (rate <= 0 || Math.random() >= rate) return undefined;
  return RANDOM[Math.floor(Math.random() * RANDOM.length)];
}

const OUTPUT_MB = /\[\[output-mb:(\d{1,4})\]\]/i;

/** `[[output-mb:N]]`: the output MP4 is padded to N MB with a trailing `free` box (big-download tests). Returns the padding bytes. */
export function outputPadding(prompt: string, baseBytes: number): number {
  const m = OUTPUT_MB.exec(prompt);
  if (!m) return 0;
  return Math.max(0, Math.min(2047, Number(m[1])) * 1024 * 1024 - baseBytes - 8);
}

const TASK_SECONDS = /\[\[seconds:(\d{1,5}(?:\.\d+)?)\]\]/i;

/** `[[seconds:N]]`: this task takes N seconds (queued + running) instead of the emulator's taskSeconds. */
export function taskSecondsIn(prompt: string): number | undefined {
  const m = TASK_SECONDS.exec(prompt);
  return m ? Number(m[1]) : undefined;
}
