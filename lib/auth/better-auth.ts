import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { randomUUID } from "node:crypto";
import { config } from "@/lib/config";
import { studioSecret } from "@/lib/config/secrets";
import { db } from "@/lib/db";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
export const SESSION_DAYS = 30;

function create() {
  const c = config();
  return betterAuth({
    appName: "TD Studio",
    baseURL: c.PUBLIC_BASE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`,
    secret: studioSecret("auth-secret", c.BETTER_AUTH_SECRET),
    database: prismaAdapter(db(), { provider: "sqlite" }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
      autoSignIn: false,
    },
    session: {
      expiresIn: SESSION_DAYS * 24 * 3600,
      updateAge: 24 * 3600,
      additionalFields: { teamId: { type: "string", required: false, input: false } },
    },
    user: { additionalFields: { operator: { type: "boolean", required: false, defaultValue: false, input: false } } },
    advanced: {
      database: { generateId: () => randomUUID() },
      useSecureCookies: c.PUBLIC_BASE_URL?.startsWith("https:") ?? false,
      // better-auth's own HTTP handler is not mounted: the studio calls `auth.api` from its routes, which
      // check the origin (lib/api/csrf.ts) and rate-limit sign-in per IP and per account themselves.
      disableCSRFCheck: true,
      disableOriginCheck: true,
    },
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
  });
}

const g = globalThis as unknown as { __studioAuth?: ReturnType<typeof create> };

/** One better-auth instance per process (sessions, passwords, accounts in our database). */
export function auth() {
  g.__studioAuth ??= create();
  return g.__studioAuth;
}
