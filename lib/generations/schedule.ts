import "server-only";
import type { ModelEntry } from "@/lib/catalog";
import { config } from "@/lib/config";

// When to ask TD about a task. Most tasks finish near their model's typical run time, so the first poll
// waits for most of it, the next ones come at a short interval around it, and later ones back off. A task
// that will call us back (Seedance callback_url) is only polled as a safety net, rarely.

/** The first poll at this share of the typical run time. */
const FIRST_SHARE = 0.8;
/** Around the typical run time (until 1.5 ×), polls come at a fifteenth of it. */
const AROUND_UNTIL = 1.5;
const AROUND_DIVISOR = 15;
/** After that, a tenth of the time elapsed, at most a minute. */
const BACKOFF_MAX_MS = 60_000;
/** With a callback on its way, the safety net: first at twice the typical time, then a quarter of the age, ≤ 5 min. */
const SAFETY_FIRST_FACTOR = 2;
const SAFETY_MAX_MS = 5 * 60_000;

export interface PollPlan {
  model?: Pick<ModelEntry, "typicalSeconds">;
  /** TD will call the callback route when the task changes state. */
  callback?: boolean;
}

/** The model's typical run time in ms, scaled by STUDIO_TYPICAL_SCALE; 0 when the catalog has none. */
export function typicalMs(model?: Pick<ModelEntry, "typicalSeconds">): number {
  return Math.round((model?.typicalSeconds ?? 0) * 1000 * config().STUDIO_TYPICAL_SCALE);
}

/** Delay from the create's answer to the first status poll. */
export function firstPollDelay(plan: PollPlan = {}): number {
  const base = config().STUDIO_POLL_MS;
  const typical = typicalMs(plan.model);
  if (plan.callback) return Math.max(base, typical * SAFETY_FIRST_FACTOR);
  return Math.max(base, Math.round(typical * FIRST_SHARE));
}

/**
 * Delay to the next poll of a task `submittedAt` ago that is still running. A reported progress (VOD) gives an
 * estimate of the time left, which may bring the poll forward, never push it back.
 */
export function nextPollDelay(submittedAt: Date | null, plan: PollPlan = {}, progress?: number | null): number {
  const base = config().STUDIO_POLL_MS;
  const elapsed = submittedAt ? Math.max(0, Date.now() - submittedAt.getTime()) : 0;
  if (plan.callback) return Math.min(SAFETY_MAX_MS, Math.max(base, Math.round(elapsed / 4)));
  const typical = typicalMs(plan.model);
  const normal =
    typical && elapsed < typical * AROUND_UNTIL
      ? Math.max(base, Math.round(typical / AROUND_DIVISOR))
      : Math.min(Math.max(BACKOFF_MAX_MS, base), Math.max(base, Math.round(elapsed / 10)));
  if (progress && progress > 0 && progress < 100 && elapsed > 0) {
    const left = (elapsed * (100 - progress)) / progress;
    return Math.min(normal, Math.max(base, Math.round(left)));
  }
  return normal;
}

/**
 * At most `perSecond()` calls in any second (a sliding window over the actual grant times, so late timers
 * cannot bunch calls up). Callers are served in order. One per process; several processes each keep their own.
 */
export class RateLimiter {
  private granted: number[] = [];
  private chain: Promise<void> = Promise.resolve();
  /** Diagnostics: told the moment of every grant. */
  onGrant?: (at: number) => void;
  constructor(private readonly perSecond: () => number) {}

  take(): Promise<void> {
    const turn = this.chain.then(async () => {
      const rate = this.perSecond();
      for (;;) {
        const now = performance.now();
        while (this.granted.length && now - this.granted[0] >= 1000) this.granted.shift();
        if (this.granted.length < rate) break;
        await new Promise((r) => setTimeout(r, Math.max(1, this.granted[0] + 1000 - now)));
      }
      const at = performance.now();
      this.granted.push(at);
      this.onGrant?.(at);
    });
    this.chain = turn.catch(() => undefined);
    return turn;
  }
}

const g = globalThis as unknown as { __studioStatusLimiter?: RateLimiter };
/** The limiter every status call toward TD goes through. */
export function statusLimiter(): RateLimiter {
  g.__studioStatusLimiter ??= new RateLimiter(() => config().STUDIO_STATUS_CALLS_PER_SECOND);
  return g.__studioStatusLimiter;
}
