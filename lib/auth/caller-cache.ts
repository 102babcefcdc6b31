// A short memory of who an API token belongs to (lib/auth/caller.ts): four queries saved per request (a create, a
// chat turn). Any write to a membership, to a token's revocation, to a user's operator flag, name or email, to a team's
// name, or a deleted user or team clears it in this
// process at once (the database client calls forgetCallers) and, through the processes' relay (PostgreSQL NOTIFY,
// lib/generations/relay.ts), in every other process; without a relay another process's copy lives at most
// CALLER_CACHE_MS.

/** Without a way to tell the other processes (see setCallerRelay), a process's copy lives this long. */
export const CALLER_CACHE_MS = 2000;
/** With one: every process forgets at once on a change, so the copy may live longer (TTFT: no reads per turn). */
export const CALLER_CACHE_RELAYED_MS = 60_000;

const relayed = globalThis as unknown as { __studioCallerRelay?: () => void };
/**
 * The relay (lib/generations/relay.ts) sets how a change reaches the other processes (PostgreSQL: NOTIFY), or a
 * no-op when there are none (SQLite: one process). Unset (tests, scripts): entries live CALLER_CACHE_MS.
 */
export function setCallerRelay(fn: (() => void) | undefined): void {
  relayed.__studioCallerRelay = fn;
}

type Entry<T> = { value: T; until: number };
const g = globalThis as unknown as { __studioCallerCache?: Map<string, Entry<unknown>> };
const cache = () => (g.__studioCallerCache ??= new Map());

export function cachedCaller<T>(key: string): T | undefined {
  const e = cache().get(key);
  if (!e) return undefined;
  if (e.until <= Date.now()) {
    cache().delete(key);
    return undefined;
  }
  return e.value as T;
}

export function rememberCaller<T>(key: string, value: T): void {
  const c = cache();
  if (c.size > 5000) c.clear();
  c.set(key, { value, until: Date.now() + (relayed.__studioCallerRelay ? CALLER_CACHE_RELAYED_MS : CALLER_CACHE_MS) });
}

/** A change that may revoke or narrow a caller: forget them here, and tell the other processes. */
export function forgetCallers(): void {
  g.__studioCallerCache?.clear();
  relayed.__studioCallerRelay?.();
}

/** The same, heard from another process: not passed on again. */
export function forgetCallersFromElsewhere(): void {
  g.__studioCallerCache?.clear();
}
