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
  globalForDb.__studioDb = new PrismaClient({ adapter });
  return globalForDb.__studioDb;
}

export type { PrismaClient };
export type { Generation, Asset, GenerationInput, LedgerEntry } from "@/lib/generated/prisma/client";
