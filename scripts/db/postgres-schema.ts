import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * prisma/schema.prisma is the one source of truth (SQLite's). Prisma takes one provider per schema, so the
 * PostgreSQL schema is derived from it: provider swapped, the client generated into lib/generated/prisma-pg,
 * a header saying so. Nothing in the models is SQLite-specific today (no @db.* types, JSON kept as TEXT), so the
 * models are copied as they are; a native type that only SQLite knows would be mapped here.
 * `npm run db:derive` writes it; tests/unit/postgres-schema.test.ts fails when the committed file is stale.
 */
export const SQLITE_SCHEMA = path.join("prisma", "schema.prisma");
export const POSTGRES_SCHEMA = path.join("prisma", "postgres", "schema.prisma");

const HEADER =
  "// GENERATED from prisma/schema.prisma by `npm run db:derive` (scripts/db/postgres-schema.ts). Do not edit:\n" +
  "// change prisma/schema.prisma, run the script, and add the Postgres twin of the migration (see README).\n\n";

export function derivePostgresSchema(sqlite: string): string {
  let out = sqlite;
  const swap = (from: RegExp, to: string, what: string) => {
    if (!from.test(out))
      throw new Error(`prisma/schema.prisma: ${what} not found; update scripts/db/postgres-schema.ts`);
    out = out.replace(from, to);
  };
  swap(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"', 'provider = "sqlite"');
  swap(
    /output\s*=\s*"\.\.\/lib\/generated\/prisma"/,
    'output       = "../../lib/generated/prisma-pg"',
    "the client output",
  );
  return HEADER + out;
}

export function derivedFromDisk(): string {
  return derivePostgresSchema(readFileSync(SQLITE_SCHEMA, "utf8"));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  writeFileSync(POSTGRES_SCHEMA, derivedFromDisk());
  console.log(`[db] wrote ${POSTGRES_SCHEMA}`);
}
