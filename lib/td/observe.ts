import type { TdError, Family } from "./errors";

/** One finished TD call attempt, for whoever watches (metrics): no domain types, nothing to import from above. */
export interface TdCallEvent {
  family: Family;
  method: string;
  path: string;
  /** Until the answer's body was read (a stream: until its headers). */
  seconds: number;
  error?: TdError;
}

export type TdCallObserver = (e: TdCallEvent) => void;

// Kept on globalThis: Next may load this module more than once per process (instrumentation and routes).
const g = globalThis as unknown as { __studioTdObservers?: Set<TdCallObserver> };
const observers = (g.__studioTdObservers ??= new Set());

/** Watch every TD call of this process; returns the unsubscribe. */
export function onTdCall(fn: TdCallObserver): () => void {
  observers.add(fn);
  return () => observers.delete(fn);
}

/** The observer the process's TD clients are built with (lib/td/index.ts): tells every watcher, never throws. */
export function notifyTdCall(e: TdCallEvent): void {
  for (const fn of observers) {
    try {
      fn(e);
    } catch {
      /* a watcher's fault is not the call's */
    }
  }
}
