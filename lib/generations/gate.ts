import "server-only";
import { performance } from "node:perf_hooks";

/**
 * A first-come-first-served limit on how many callers run a section at once. The creates' database work is CPU
 * (Prisma and SQLite share the server's one JavaScript thread): sixteen creates interleaved make every other
 * request and the engine's polls and downloads wait sixteen times as long per step, for no more creates per second.
 * Past the limit a create waits its turn here, idle, and the rest of the server keeps its pace.
 */
export class Gate {
  private running = 0;
  private waiting: (() => void)[] = [];
  /** `pace`, when given, runs at the start of a turn asked for with `paced` (see paceWhileBusy). */
  constructor(
    private readonly size: () => number,
    private readonly pace?: () => Promise<void>,
  ) {}

  async run<T>(fn: () => Promise<T>, paced = false): Promise<T> {
    if (this.running >= this.size()) await new Promise<void>((go) => this.waiting.push(go));
    else this.running++;
    try {
      if (paced && this.pace) await this.pace();
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  /** Callers waiting for a turn (metrics, tests). */
  get queued(): number {
    return this.waiting.length;
  }
}

/**
 * How busy this process's JavaScript thread was lately (event loop utilisation, 0–1, over the last ~100 ms or more).
 */
export function loopLoad(): number {
  const now = performance.now();
  if (now - load.at >= 100) {
    load.value = performance.eventLoopUtilization(load.mark).utilization;
    load.mark = performance.eventLoopUtilization();
    load.at = now;
  }
  return load.value;
}
const load = { at: performance.now(), mark: performance.eventLoopUtilization(), value: 0 };

/**
 * Bulk work (a burst of creates) yields to everything else while the thread is nearly always busy: it waits in steps
 * of `stepMs` until the load is at most `max`, for at most `limitMs` (so it is slowed, never stopped). Why: libuv takes
 * ONE new connection per turn of the event loop, and a saturated loop turns a few times a second, so TD's callbacks
 * (new connections) waited in a full listen queue while the creates' kept-alive connections were served
 * (bench:engine, strace: ~4 accepts a second, the queue at 511 for 40 s). `max` ≥ 1 turns pacing off.
 */
export async function paceWhileBusy(max: number, limitMs = 1000, stepMs = 20): Promise<void> {
  if (max >= 1) return;
  const until = Date.now() + limitMs;
  while (loopLoad() > max && Date.now() < until) await new Promise((r) => setTimeout(r, stepMs));
}
