import "server-only";
import Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PgPrismaClient } from "@/lib/generated/prisma-pg/client";
import { databaseFileFromUrl, databaseKind, type DatabaseKind } from "@/lib/config/database-url";
import { config } from "@/lib/config";
import { numberedParams } from "@/lib/db/dialect";
import { oneStatementAtATime } from "@/lib/db/sqlite-one-connection";
import { forgetCallers } from "@/lib/auth/caller-cache";
import { noteWrite } from "@/lib/events/team-events";

const globalForDb = globalThis as unknown as { __studioDb?: PrismaClient };

/** Which database this process talks to (DATABASE_URL's scheme): raw SQL that differs between the two asks this. */
export function dbKind(): DatabaseKind {
  return databaseKind(config().DATABASE_URL);
}

/**
 * One Prisma client per process (kept across dev hot reloads): SQLite in WAL mode, or PostgreSQL through a pool of
 * STUDIO_DB_POOL_SIZE connections. Both clients come from the same models (prisma/postgres/schema.prisma is derived
 * from prisma/schema.prisma), so callers see one PrismaClient type.
 */
export function db(): PrismaClient {
  if (globalForDb.__studioDb) return globalForDb.__studioDb;
  const log: { log?: { emit: "event"; level: "query" }[] } = config().STUDIO_DB_QUERY_EVENTS
    ? { log: [{ emit: "event", level: "query" }] }
    : {};
  let client: PrismaClient;
  if (dbKind() === "postgres") {
    const adapter = new PrismaPg({ connectionString: config().DATABASE_URL, max: config().STUDIO_DB_POOL_SIZE });
    client = new PgPrismaClient({ adapter, ...log }) as unknown as PrismaClient;
  } else {
    const file = databaseFileFromUrl(config().DATABASE_URL);
    mkdirSync(path.dirname(file), { recursive: true });
    // WAL is a property of the database file: readers never block the poller's writes.
    const raw = new Database(file);
    raw.pragma("journal_mode = WAL");
    raw.close();
    // One connection: statements outside a transaction wait for an open one (lib/db/sqlite-one-connection.ts).
    const adapter = oneStatementAtATime(new PrismaBetterSQLite3({ url: file, timeout: 10_000 }));
    client = new PrismaClient({ adapter, ...log });
  }
  if (config().STUDIO_DB_QUERY_EVENTS)
    client.$on("query" as never, (e: { query: string }) => queryListeners.forEach((fn) => fn(e.query)));
  globalForDb.__studioDb = withChangeNotes(client);
  return globalForDb.__studioDb;
}

/** Raw SQL written with `?` placeholders, as this database wants it (PostgreSQL: $1, $2, …). */
export function sql(text: string): string {
  return dbKind() === "postgres" ? numberedParams(text) : text;
}

const queryListeners = new Set<(sql: string) => void>();

/** Diagnostics (STUDIO_DB_QUERY_EVENTS=1): `fn` sees every SQL statement; returns the unsubscribe. */
export function onDbQuery(fn: (sql: string) => void): () => void {
  queryListeners.add(fn);
  return () => queryListeners.delete(fn);
}

// What a browser shows of a generation: a write touching one of these is pushed to the team's open tabs.
const SHOWN = ["status", "phase", "progress", "errorCode", "errorMessage", "finishedAt", "upstreamStatus"];

const WRITES = new Set(["create", "createMany", "update", "updateMany", "upsert", "delete", "deleteMany"]);

type Args = { where?: { id?: unknown }; data?: unknown };
const named = (a: Args): string[] | undefined => {
  const id = a.where?.id;
  if (typeof id === "string") return [id];
  const list = (id as { in?: unknown } | undefined)?.in;
  return Array.isArray(list) ? (list as string[]) : undefined;
};
const touches = (data: unknown, keys: string[]) =>
  !!data && typeof data === "object" && keys.some((k) => k in (data as object));

/** A model's hook that forgets remembered callers on a delete, or on a write to one of `fields`. */
function forgetCallersOnChange(fields: string[]) {
  return async ({
    operation,
    args,
    query,
  }: {
    operation: string;
    args: unknown;
    query: (a: unknown) => Promise<unknown>;
  }) => {
    const r = await query(args);
    const data = (args as { data?: unknown }).data;
    if (operation.startsWith("delete") || (WRITES.has(operation) && touches(data, fields))) forgetCallers();
    return r;
  };
}

/**
 * The one hook of the browser events (lib/events/team-events.ts): every write that changes what a page shows of
 * a generation is noted here, whoever makes it (the engine, cancel, create), so no caller has to remember to.
 * Noting is synchronous and cheap; the reading back and pushing happen in a batch a moment later.
 */
function withChangeNotes(client: PrismaClient): PrismaClient {
  return client.$extends({
    query: {
      generation: {
        async create({ args, query }) {
          const r = await query(args);
          noteWrite("generation", [(args.data as { id: string }).id]);
          return r;
        },
        async update({ args, query }) {
          const r = await query(args);
          if (touches(args.data, SHOWN)) noteWrite("generation", named(args as Args));
          return r;
        },
        async updateMany({ args, query }) {
          const r = await query(args);
          if (r.count > 0 && touches(args.data, SHOWN)) noteWrite("generation", named(args as Args));
          return r;
        },
      },
      // Who a token belongs to, and with which role, is remembered briefly on the chat hot path: forget it on
      // any change that could revoke or narrow it.
      membership: {
        async $allOperations({ operation, args, query }) {
          const r = await query(args);
          if (WRITES.has(operation)) forgetCallers();
          return r;
        },
      },
      apiToken: { $allOperations: forgetCallersOnChange(["revokedAt", "teamId", "userId"]) },
      // Creates and chat turns remember that a team has no budget (teamWithoutBudgets, lib/spend/budgets.ts): forget on a change.
      budget: {
        async $allOperations({ operation, args, query }) {
          const r = await query(args);
          if (WRITES.has(operation)) forgetCallers();
          return r;
        },
      },
      // A remembered caller carries the user's name, email and operator flag and the team's name.
      user: { $allOperations: forgetCallersOnChange(["operator", "name", "email"]) },
      team: { $allOperations: forgetCallersOnChange(["name"]) },
      asset: {
        async create({ args, query }) {
          const r = await query(args);
          if (touches(args.data, ["generationId", "generation"])) noteWrite("asset", [(r as { id: string }).id]);
          return r;
        },
        async update({ args, query }) {
          const r = await query(args);
          if (touches(args.data, ["archiveState", "mediaState"])) noteWrite("asset", named(args as Args));
          return r;
        },
        async updateMany({ args, query }) {
          const r = await query(args);
          if (r.count > 0 && touches(args.data, ["archiveState", "mediaState"]))
            noteWrite("asset", named(args as Args));
          return r;
        },
      },
    },
  }) as unknown as PrismaClient;
}

export type { PrismaClient };
export type { Generation, Asset, GenerationInput, LedgerEntry } from "@/lib/generated/prisma/client";
