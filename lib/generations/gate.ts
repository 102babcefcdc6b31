import "server-only";

/**
 * A first-come-first-served limit on how many callers run a section at once. The creates' database work is CPU
 * (Prisma and SQLite share the server's one JavaScript thread): sixteen creates interleaved make every other
 * request and the engine's polls and downloads wait sixteen times as long per step, for no more creates per second.
 * Past the limit a create waits its turn here, idle, and the rest of the server keeps its pace.
 */
export class Gate {
  private running = 0;
  private waiting: (() => void)[] = [];
  constructor(private readonly size: () => number) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.running >= this.size()) await new Promise<void>((go) => this.waiting.push(go));
    else this.running++;
    try {
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
