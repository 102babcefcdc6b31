import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * Rate limits kept in the database (rate-limiter-flexible's Prisma store), so every process of a
 * deployment counts together. They stop abuse (password guessing, a leaked token); spend is governed
 * by budgets, so the defaults leave a script that fires hundreds of creates at once alone.
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

const g = globalThis as unknown as { __studioLimiters?: Map<LimitName, RateLimiterPrisma> };

function limiter(name: LimitName): RateLimiterPrisma {
  g.__studioLimiters ??= new Map();
  let l = g.__studioLimiters.get(name);
  if (!l) {
    l = new RateLimiterPrisma({ storeClient: db(), tableName: "rateLimiterFlexible", keyPrefix: name, ...spec(name) });
    g.__studioLimiters.set(name, l);
  }
  return l;
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
    await limiter(name).consume(key, points);
  } catch (e) {
    if (e instanceof RateLimiterRes) throw tooMany(e);
    throw e;
  }
}

/** Refuse at once when a key is already over its limit, without counting this request. */
export async function assertNotLimited(name: LimitName, key: string): Promise<void> {
  const res = await limiter(name).get(key);
  if (res && res.consumedPoints >= spec(name).points) throw tooMany(res);
}

export async function resetLimit(name: LimitName, key: string): Promise<void> {
  await limiter(name).delete(key);
}
