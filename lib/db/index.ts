import "server-only";
import Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseFileFromUrl } from "@/lib/config/database-url";
import { config } from "@/lib/config";

const globalForDb = globalThis as unknown as { __studioDb?: PrismaClient };

/** One Prisma client per process (kept across dev hot reloads), SQLite in WAL mode. */
export function db(): PrismaClient {
  if (globalForDb.__studioDb) return globalForDb.__studioDb;
  const file = databaseFileFromUrl(config().DATABASE_URL);
  mkdirSync(path.dirname(file), { recursive: true });
  // WAL is a property of the database file: readers never block the poller's writes.
  const raw = new Database(file);
  raw.pragma("journal_mode = WAL");
  raw.close();
  const adapter = new PrismaBetterSQLite3({ url: file, timeout: 10_000 });
  if (!config().STUDIO_DB_QUERY_EVENTS) {
    globalForDb.__studioDb = new PrismaClient({ adapter });
    return globalForDb.__studioDb;
  }
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (e) => queryListeners.forEach((fn) => fn(e.query)));
  globalForDb.__studioDb = client;
  return client;
}

const queryListeners = new Set<(sql: string) => void>();

/** Diagnostics (STUDIO_DB_QUERY_EVENTS=1): `fn` sees every SQL statement; returns the unsubscribe. */
export function onDbQuery(fn: (sql: string) => void): () => void {
  queryListeners.add(fn);
  return () => queryListeners.delete(fn);
}

export type { PrismaClient };
export type { Generation, Asset, GenerationInput } from "@/lib/generated/prisma/client";
