import { randomUUID } from "node:crypto";
import type { Fault } from "./types";

export type Phase = "queued" | "running" | "succeeded" | "failed" | "canceled";

export interface EmuOutput {
  fileId: string;
  url: string;
  expiresAt: number;
  mime: string;
  width?: number;
  height?: number;
  durationSeconds?: number;
  size: number;
  /** e.g. "video", "last_frame", "image" */
  role: string;
}

export interface EmuTask {
  id: string;
  family: "dashscope" | "ark" | "vod";
  model: string;
  createdAt: number;
  body: unknown;
  prompt: string;
  queuedMs: number;
  runMs: number;
  failure?: { code: string; message: string };
  canceledAt?: number;
  /** A fault to answer the next status poll with (marker `[[fault:X@poll]]`). */
  pollFault?: Fault;
  /** Output downloads answer 500 (marker `[[fault:download]]`). */
  downloadFault: boolean;
  outputs?: EmuOutput[];
  finishedAt?: number;
  /** Anything the family wants to keep (e.g. usage). */
  extra: Record<string, unknown>;
}

/** In-memory tasks whose phase is a function of time, so the lifecycle needs no timers. */
export class TaskStore {
  private tasks = new Map<string, EmuTask>();
  creates = 0;

  add(t: Omit<EmuTask, "id" | "createdAt" | "extra"> & { id?: string; extra?: Record<string, unknown> }): EmuTask {
    const task: EmuTask = { id: t.id ?? randomUUID(), createdAt: Date.now(), extra: {}, ...t } as EmuTask;
    this.tasks.set(task.id, task);
    this.creates++;
    return task;
  }

  get(id: string): EmuTask | undefined {
    return this.tasks.get(id);
  }

  all(): EmuTask[] {
    return [...this.tasks.values()];
  }

  clear() {
    this.tasks.clear();
    this.creates = 0;
  }
}

export function phaseOf(t: EmuTask, now = Date.now()): Phase {
  if (t.canceledAt !== undefined) return "canceled";
  const age = now - t.createdAt;
  if (age < t.queuedMs) return "queued";
  if (age < t.queuedMs + t.runMs) return "running";
  return t.failure ? "failed" : "succeeded";
}

/** 0..100 while running; 100 when done. */
export function progressOf(t: EmuTask, now = Date.now()): number {
  const phase = phaseOf(t, now);
  if (phase === "queued") return 0;
  if (phase !== "running") return 100;
  const ran = now - t.createdAt - t.queuedMs;
  return Math.min(99, Math.max(1, Math.floor((ran / Math.max(1, t.runMs)) * 100)));
}

export function finishTime(t: EmuTask): number {
  return t.createdAt + t.queuedMs + t.runMs;
}

/** `2026-05-11 14:52:23.185` (DashScope's format, in UTC+8 like the examples). */
export function dashTime(ms: number): string {
  const d = new Date(ms + 8 * 3600_000);
  return d.toISOString().replace("T", " ").replace("Z", "");
}
