import { z } from "zod";
import { defaultDatabaseUrl } from "./database-url";

const bool = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const optionalUrl = z
  .string()
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(z.url({ protocol: /^https?$/ }).optional());

/** The exact origin (scheme, host, port) an entry names, or null if it is not a bare http(s) origin. */
function asOrigin(entry: string): string | null {
  try {
    const u = new URL(entry);
    const bareOrigin =
      (u.protocol === "http:" || u.protocol === "https:") &&
      !u.username &&
      !u.password &&
      u.pathname === "/" &&
      !u.search &&
      !u.hash;
    return bareOrigin && !/[?#]/.test(entry) ? u.origin : null;
  } catch {
    return null;
  }
}

const originList = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const origins: string[] = [];
    for (const entry of (v ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)) {
      const origin = asOrigin(entry);
      if (!origin) {
        ctx.addIssue({
          code: "custom",
          message: `"${entry}" is not an origin; list them like https://cdn.example.com,http://10.0.0.5:8080`,
        });
        return z.NEVER;
      }
      origins.push(origin);
    }
    return origins;
  });

/** Every variable the studio reads; `.env.example` documents each one. */
export const envSchema = z.object({
  TD_BASE_URL: z.url({
    protocol: /^https?$/,
    error: "must be an http(s) URL, e.g. https://modelpool-api.talkingdata.com",
  }),
  TD_API_KEY: z
    .string({ error: "is required (set it, or run `npm run dev` without it to use the emulator)" })
    .min(1, "must not be empty"),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "must be a SQLite file: URL or a postgresql:// URL")
    .default(defaultDatabaseUrl()),
  STUDIO_DATA_DIR: z.string().min(1).default("./data"),
  PUBLIC_BASE_URL: optionalUrl,
  STUDIO_DEMO_MODE: bool,
  STUDIO_SIGNING_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  TD_GPT54_MODEL_CODE: z
    .string()
    .regex(/^T\d{7}$/, "must look like T0310001")
    .default("T0310001"),
  SEEDANCE_ASSET_GROUP_ID: z.string().optional(),
  TD_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(60_000),
  // Calls to TD go through the studio's own keep-alive pool (lib/td/dispatcher.ts); "0" uses the runtime's global
  // fetch instead (e.g. where an outbound proxy or a tool hooks that one).
  TD_KEEP_ALIVE: z
    .enum(["true", "false", "1", "0", ""])
    .optional()
    .transform((v) => v !== "false" && v !== "0"),
  STUDIO_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(2000),
  BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  // Rate limits (requests per window); spend is governed by budgets, so these only stop abuse.
  STUDIO_RATE_SIGNIN_PER_IP: z.coerce.number().int().min(1).default(30), // per 5 minutes
  STUDIO_RATE_SIGNIN_PER_ACCOUNT: z.coerce.number().int().min(1).default(10), // failed sign-ins per 15 minutes
  STUDIO_RATE_TOKEN_PER_MINUTE: z.coerce.number().int().min(1).default(3000),
  STUDIO_RATE_CREATE_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  STUDIO_RATE_CHAT_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  STUDIO_RATE_SHARE_PASSWORD: z.coerce.number().int().min(1).default(10), // wrong share-link passwords per 15 minutes
  STUDIO_JSON_BODY_LIMIT: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  STUDIO_CHAT_BODY_LIMIT: z.coerce
    .number()
    .int()
    .min(1024)
    .default(16 * 1024 * 1024),
  STUDIO_FETCH_ALLOW_ORIGINS: originList,
  STUDIO_RESEND_WINDOW_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(7 * 86_400_000)
    .default(600_000),
  // The poller (issue #11): how many status calls per second this process may send TD at most, and a factor
  // on each model's typical run time (catalog typicalSeconds) that the poll schedule is built on.
  STUDIO_STATUS_CALLS_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(50),
  STUDIO_POLL_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(32),
  STUDIO_TYPICAL_SCALE: z.coerce.number().min(0.001).max(10).default(1),
  /** Diagnostics: Prisma emits an event per query (lib/db onDbQuery), for counting what a code path costs. */
  STUDIO_DB_QUERY_EVENTS: bool,
  /** PostgreSQL only: connections in this process's pool (each process has its own). */
  STUDIO_DB_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
  // Days an asset stays in the trash before it and its files are purged.
  STUDIO_TRASH_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {}

/** Parse the environment; a bad value names the variable and what is wrong with it. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
  throw new ConfigError(
    `TD Studio configuration is invalid:\n${lines.join("\n")}\nSee .env.example for every variable.`,
  );
}
