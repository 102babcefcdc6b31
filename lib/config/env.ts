import { z } from "zod";
import { defaultDatabaseUrl } from "./database-url";
import { parseStorageUrl } from "./storage-url";

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
  /** Creates whose database work runs at once in this process; more wait their turn (lib/generations/gate.ts). */
  STUDIO_CREATE_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(4),
  /** A create's turn waits (up to 1 s) while the server's thread is busier than this (0–1; 1 = never waits). */
  STUDIO_CREATE_PACE_LOAD: z.coerce.number().min(0.1).max(1).default(0.8),
  STUDIO_TYPICAL_SCALE: z.coerce.number().min(0.001).max(10).default(1),
  /** Diagnostics: Prisma emits an event per query (lib/db onDbQuery), for counting what a code path costs. */
  STUDIO_DB_QUERY_EVENTS: bool,
  /** PostgreSQL only: connections in this process's pool (each process has its own). */
  STUDIO_DB_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
  // Days an asset stays in the trash before it and its files are purged.
  // Experiments: the most cells one experiment may have, and how many experiment cells of one team run at once
  // (the rest wait, queued, and are sent as others finish) so one big experiment cannot starve the team.
  STUDIO_EXPERIMENT_MAX_CELLS: z.coerce.number().int().min(1).max(10_000).default(100),
  STUDIO_EXPERIMENT_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(4),
  STUDIO_TRASH_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  // Operations (issue #16). GET /api/metrics answers only `Authorization: Bearer <this>`; unset → the endpoint is a 404.
  STUDIO_METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  // SIGTERM/SIGINT: how long in-flight polls and downloads may run on before their leases are handed back.
  STUDIO_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  // Logs (lib/log reads these itself, so that it works before the configuration is parsed; checked here too).
  STUDIO_LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent", ""]).optional(),
  STUDIO_LOG_FORMAT: z.enum(["json", "pretty", ""]).optional(),
  // Stored files (originals, thumbnails, posters): the local data folder, or s3://bucket/prefix?endpoint=…&region=…
  STORAGE_URL: z
    .string()
    .optional()
    .transform((v, ctx) => {
      try {
        return parseStorageUrl(v?.trim());
      } catch (e) {
        ctx.addIssue({ code: "custom", message: (e as Error).message });
        return z.NEVER;
      }
    }),
  // With an S3 STORAGE_URL: inputs TD fetches by URL are short-lived presigned URLs of the bucket (no PUBLIC_BASE_URL
  // needed). STORAGE_PUBLIC_ENDPOINT is the bucket's address as TD reaches it, when not the endpoint the studio uses.
  STORAGE_PRESIGN_INPUTS: bool,
  STORAGE_PUBLIC_ENDPOINT: optionalUrl,
});

export type Env = z.infer<typeof envSchema>;

/** Settings that only make sense together. */
function crossCheck(env: Env): string[] {
  const problems: string[] = [];
  if (env.STORAGE_PRESIGN_INPUTS && env.STORAGE_URL.kind !== "s3")
    problems.push("  STORAGE_PRESIGN_INPUTS: needs an s3:// STORAGE_URL (files on the local disk cannot be presigned)");
  if (env.STORAGE_PUBLIC_ENDPOINT && env.STORAGE_URL.kind !== "s3")
    problems.push("  STORAGE_PUBLIC_ENDPOINT: needs an s3:// STORAGE_URL");
  return problems;
}

export class ConfigError extends Error {}

/** Parse the environment; a bad value names the variable and what is wrong with it. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  const lines = result.success
    ? crossCheck(result.data)
    : result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
  if (result.success && !lines.length) return result.data;
  throw new ConfigError(
    `TD Studio configuration is invalid:\n${lines.join("\n")}\nSee .env.example for every variable.`,
  );
}
