// The chat gateway's short memory of who a token belongs to (lib/auth/caller.ts): four queries saved per request
// on the hot path. Any write to a membership, to a token's revocation, or a deleted user or team clears it in this
// process at once (the database client calls forgetCallers); another process's copy lives at most CALLER_CACHE_MS.

export const CALLER_CACHE_MS = 2000;

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
  c.set(key, { value, until: Date.now() + CALLER_CACHE_MS });
}

export function forgetCallers(): void {
  g.__studioCallerCache?.clear();
}
