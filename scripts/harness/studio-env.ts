import Database from "better-sqlite3";
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** Who the integration tests are: an admin of one team, seeded into every fresh database. */
export const TEST_SCOPE = { teamId: "team-test", userId: "user-test" } as const;

/** The rows every fresh database starts with: the team and user the tests act as (TEST_SCOPE). */
export const SEED_SQL = `INSERT INTO "User" ("id", "name", "email", "updatedAt") VALUES ('${TEST_SCOPE.userId}', 'Test', 'test@td.studio', CURRENT_TIMESTAMP);
    INSERT INTO "Team" ("id", "name", "updatedAt") VALUES ('${TEST_SCOPE.teamId}', 'Test team', CURRENT_TIMESTAMP);
    INSERT INTO "Membership" ("id", "teamId", "userId", "role", "updatedAt") VALUES ('membership-test', '${TEST_SCOPE.teamId}', '${TEST_SCOPE.userId}', 'admin', CURRENT_TIMESTAMP);`;

/**
 * The second backend of the tests: STUDIO_TEST_PG_URL names a PostgreSQL server (scripts/test.ts starts a throw-away
 * one) on which tests/helpers/pg-global-setup.ts made PG_TEMPLATE (every migration applied, SEED_SQL in it).
 */
export const PG_TEMPLATE = "studio_template";
export const testPgUrl = () => process.env.STUDIO_TEST_PG_URL || undefined;

/** A fresh PostgreSQL database for one test file, copied from the template (milliseconds, no migrations to run). */
function freshPgDatabase(base: string): string {
  const name = `t_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const bin = process.env.STUDIO_PG_BIN;
  const psql = bin && existsSync(path.join(bin, "psql")) ? path.join(bin, "psql") : "psql";
  const r = spawnSync(
    psql,
    [base, "-v", "ON_ERROR_STOP=1", "-qc", `CREATE DATABASE "${name}" TEMPLATE "${PG_TEMPLATE}"`],
    {
      encoding: "utf8",
    },
  );
  if (r.status !== 0) throw new Error(`could not create the test database: ${r.stderr || r.error}`);
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A fresh data folder and database with every migration applied, as `migrate deploy` would: a SQLite file, or
 * with STUDIO_TEST_PG_URL set a fresh PostgreSQL database.
 */
export function freshStudioEnv(tdBaseUrl: string, apiKey: string, extra: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "studio-test-"));
  const file = path.join(dir, "studio.db");
  const pg = testPgUrl();
  if (pg) {
    Object.assign(process.env, studioTestEnv(tdBaseUrl, apiKey, dir, freshPgDatabase(pg), extra));
    return { dir, file, databaseUrl: process.env.DATABASE_URL! };
  }
  const sqlite = new Database(file);
  const migrations = path.resolve("prisma/migrations");
  for (const m of readdirSync(migrations)
    .filter((d) => !d.endsWith(".toml"))
    .sort()) {
    sqlite.exec(readFileSync(path.join(migrations, m, "migration.sql"), "utf8"));
  }
  sqlite.exec(SEED_SQL);
  sqlite.close();
  Object.assign(process.env, studioTestEnv(tdBaseUrl, apiKey, dir, `file:${file}`, extra));
  return { dir, file, databaseUrl: `file:${file}` };
}

function studioTestEnv(
  tdBaseUrl: string,
  apiKey: string,
  dir: string,
  databaseUrl: string,
  extra: Record<string, string>,
) {
  return {
    TD_BASE_URL: tdBaseUrl,
    TD_API_KEY: apiKey,
    STUDIO_DATA_DIR: dir,
    DATABASE_URL: databaseUrl,
    STUDIO_POLL_MS: "100",
    TD_TIMEOUT_MS: "3000",
    // The emulator's tasks take well under a second: the poll schedule (catalog typicalSeconds) is scaled down to STUDIO_POLL_MS.
    STUDIO_TYPICAL_SCALE: "0.001",
    // In-process tests run the studio's code on the test runner's own busy thread: its load says nothing about a
    // server's, so creates are not paced there (tests/unit/create-gate.test.ts tests the pacing; bench:engine and
    // the system tests run it as shipped).
    STUDIO_CREATE_PACE_LOAD: "1",
    ...extra,
  };
}
