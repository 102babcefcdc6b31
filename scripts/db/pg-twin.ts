import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { POSTGRES_SCHEMA, derivedFromDisk } from "./postgres-schema";
import { PG_MIGRATIONS_DIR } from "../../lib/db/pg-migrate";
import { startPgCluster, type PgCluster } from "./pg-cluster";

/**
 * The PostgreSQL twin of a new SQLite migration: `npm run db:pg-twin -- 0013_experiments`.
 * Derives prisma/postgres/schema.prisma again, diffs the schema as of the newest PostgreSQL migration (the snapshot)
 * against it with `prisma migrate diff` (which needs a PostgreSQL server: DATABASE_URL when it is one, otherwise a
 * throw-away cluster), writes prisma/postgres/migrations/<name>/migration.sql and moves the snapshot on.
 * What Prisma's schema cannot describe (SQLite triggers, FTS, data fix-ups) is listed for porting by hand.
 */
export function snapshotPath(): string {
  return path.join("prisma", "postgres", "schema.migrated.prisma");
}

async function main() {
  const name = process.argv[2];
  if (!name || !/^\d{4}_[a-z0-9_]+$/.test(name)) {
    console.error("usage: npm run db:pg-twin -- <NNNN_name> (the SQLite migration's folder name)");
    process.exit(2);
  }
  const target = path.join(PG_MIGRATIONS_DIR, name);
  if (existsSync(target)) throw new Error(`${target} exists already`);
  writeFileSync(POSTGRES_SCHEMA, derivedFromDisk());
  let cluster: PgCluster | undefined;
  let url = process.env.DATABASE_URL ?? "";
  if (!/^postgres(ql)?:\/\//.test(url)) {
    cluster = await startPgCluster();
    url = cluster.url();
  }
  try {
    const r = spawnSync(
      process.execPath,
      [
        path.resolve("node_modules/prisma/build/index.js"),
        "migrate",
        "diff",
        "--from-schema-datamodel",
        snapshotPath(),
        "--to-schema-datamodel",
        POSTGRES_SCHEMA,
        "--script",
        "--config",
        "prisma/postgres/prisma.config.ts",
      ],
      { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" },
    );
    if (r.status !== 0) throw new Error(`prisma migrate diff failed:\n${r.stderr}`);
    mkdirSync(target, { recursive: true });
    const header = `-- The PostgreSQL twin of prisma/migrations/${name} (npm run db:pg-twin; review before committing).\n`;
    writeFileSync(path.join(target, "migration.sql"), header + r.stdout);
    copyFileSync(POSTGRES_SCHEMA, snapshotPath());
    console.log(`[db] wrote ${path.join(target, "migration.sql")}`);
  } finally {
    cluster?.stop();
  }
  const sqliteFile = path.join("prisma", "migrations", name, "migration.sql");
  if (existsSync(sqliteFile)) {
    const manual = readFileSync(sqliteFile, "utf8")
      .split("\n")
      .filter((l) => /^\s*(CREATE (TRIGGER|VIRTUAL)|DROP TRIGGER|INSERT|UPDATE|DELETE)\b/i.test(l));
    if (manual.length)
      console.log(
        `[db] ${sqliteFile} has steps Prisma's schema does not describe; port them by hand to the twin:\n` +
          manual.map((l) => `  ${l.slice(0, 160)}`).join("\n"),
      );
  } else console.log(`[db] note: ${sqliteFile} does not exist (yet)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename))
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
