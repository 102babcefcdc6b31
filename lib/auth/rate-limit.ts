import "server-only";
import { RateLimiterMemory, RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { config } from "@/lib/config";
import { db, dbKind } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { AfterFirstByte } from "@/lib/api/server-timing";

/**
 * Rate limits. On PostgreSQL they are kept in the database (rate-limiter-flexible's Prisma store), so every
 * process of a deployment counts together; SQLite is always one process, so there they are kept in its memory —
 * two statements fewer for every counted request (each create and API-token call counts twice). They stop abuse
 * (password guessing, a leaked token); spend is governed by budgets, so the defaults leave a script that fires
 * hundreds of creates at once alone.
 */
export type LimitName = "signin-ip" | "signin-account" | "token" | "create" | "chat" | "share-password";

function spec(name: LimitName): { points: number; duration: number } {
  const c = config();
  switch (name) {
    case "signin-ip":
      return { points: c.STUDIO_RATE_SIGNIN_PER_IP, duration: 300 };
    case "signin-account":
      return { points: c.STUDIO_RATE_SIGNIN_PER_ACCOUNT, duration: 900 };
    case "token":
      return { points: c.STUDIO_RATE_TOKEN_PER_MINUTE, duration: 60 };
    case "create":
      return { points: c.STUDIO_RATE_CREATE_PER_MINUTE, duration: 60 };
    case "chat":
      return { points: c.STUDIO_RATE_CHAT_PER_MINUTE, duration: 60 };
    case "share-password":
      return { points: c.STUDIO_RATE_SHARE_PASSWORD, duration: 900 };
  }
}

type Limiter = RateLimiterPrisma | RateLimiterMemory;
const g = globalThis as unknown as { __studioLimiters?: Map<LimitName, Limiter> };

function limiter(name: LimitName): Limiter {
  g.__studioLimiters ??= new Map();
  let l = g.__studioLimiters.get(name);
  if (!l) {
    l =
      dbKind() === "postgres"
        ? new RateLimiterPrisma({ storeClient: db(), tableName: "rateLimiterFlexible", keyPrefix: name, ...spec(name) })
        : new RateLimiterMemory({ keyPrefix: name, ...spec(name) });
    g.__studioLimiters.set(name, l);
  }
  return l;
}

/** How many counts a key has used in its current window (tests, diagnostics). */
export async function limitUsed(name: LimitName, key: string): Promise<number> {
  return (await limiter(name).get(key))?.consumedPoints ?? 0;
}

function tooMany(res: RateLimiterRes): AppError {
  const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  return new AppError("rate_limited", `Too many requests; try again in ${seconds} s.`, undefined, {
    retryAfter: seconds,
  });
}

/** Count one request; over the limit → 429 with `retryAfter` seconds (the route wrapper sets `Retry-After`). */
export async function consume(name: LimitName, key: string, points = 1): Promise<void> {
  try {
    remember(name, key, await limiter(name).consume(key, points));
  } catch (e) {
    if (e instanceof RateLimiterRes) {
      remember(name, key, e);
      throw tooMany(e);
    }
    throw e;
  }
}

/** What this process last heard from the database about a key's window, and how many counts it still owes. */
interface Seen {
  consumed: number;
  resetAt: number;
  pending: number;
}
const gs = globalThis as unknown as { __studioLimitsSeen?: Map<string, Seen> };
const seenMap = () => (gs.__studioLimitsSeen ??= new Map());

function remember(name: LimitName, key: string, res: RateLimiterRes): Seen {
  const m = seenMap();
  const id = `${name}:${key}`;
  if (m.size > 10_000) for (const [k, v] of m) if (v.resetAt < Date.now() && !v.pending) m.delete(k);
  const s = m.get(id) ?? { consumed: 0, resetAt: 0, pending: 0 };
  s.consumed = res.consumedPoints;
  s.resetAt = Date.now() + res.msBeforeNext;
  m.set(id, s);
  return s;
}

/**
 * The hot path's count (the chat gateway): refused at once when this process already knows the window is full;
 * otherwise let through, and the database write runs after the first byte of the answer (`later`). A window
 * this process has seen fill up goes back to the exact, awaited check. The price: a burst may overshoot by the
 * requests in flight before the first count lands (per process) — these limits stop abuse, budgets govern spend.
 */
export async function consumeLater(name: LimitName, key: string, later: AfterFirstByte): Promise<void> {
  const s = seenMap().get(`${name}:${key}`);
  const known = s && Date.now() < s.resetAt ? s.consumed : 0;
  if (known + (s?.pending ?? 0) + 1 > spec(name).points) return consume(name, key);
  const owed = s ?? remember(name, key, new RateLimiterRes(0, 0, 0, false));
  owed.pending++;
  later.add(async () => {
    try {
      await consume(name, key);
    } catch (e) {
      if (!(e instanceof AppError)) throw e; // over the limit: remembered, the next request is refused
    } finally {
      owed.pending--;
    }
  });
}

/** Refuse at once when a key is already over its limit, without counting this request. */
export async function assertNotLimited(name: LimitName, key: string): Promise<void> {
  const res = await limiter(name).get(key);
  if (res && res.consumedPoints >= spec(name).points) throw tooMany(res);
}

export async function resetLimit(name: LimitName, key: string): Promise<void> {
  await limiter(name).delete(key);
}
