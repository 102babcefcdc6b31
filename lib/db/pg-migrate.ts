import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

/**
 * PostgreSQL migrations, applied on start (scripts/launch.ts) and by the tests. `prisma migrate deploy` cannot run
 * through the pg driver adapter (prisma/orm#27403), so this small runner does what it does, in Prisma's own
 * bookkeeping: a row per migration in `_prisma_migrations` with the SHA-256 of migration.sql as its checksum and
 * `finished_at` set, so a machine with Prisma's native engine (`migrate status` / `deploy`) sees them as applied.
 * One process at a time (Prisma's advisory lock key), each migration in its own transaction (PostgreSQL's DDL is
 * transactional: a failed migration leaves nothing half-applied). A changed applied migration stops the start.
 */
export const PG_MIGRATIONS_DIR = path.join("prisma", "postgres", "migrations");
const LOCK_KEY = 72707369; // the key Prisma's migrate takes

export interface MigrateResult {
  applied: string[];
  skipped: string[];
}

export function checksum(sql: string): string {
  return createHash("sha256").update(sql).digest("hex");
}

export function listMigrations(dir = PG_MIGRATIONS_DIR): { name: string; sql: string }[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(dir, name, "migration.sql"), "utf8") }));
}

export async function migratePostgres(url: string, dir = PG_MIGRATIONS_DIR): Promise<MigrateResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    // Prisma's own table, column for column.
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const done = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT "migration_name", "checksum", "finished_at" FROM "_prisma_migrations" WHERE "rolled_back_at" IS NULL`,
    );
    const byName = new Map(done.rows.map((r) => [r.migration_name, r]));
    const result: MigrateResult = { applied: [], skipped: [] };
    for (const m of listMigrations(dir)) {
      const sum = checksum(m.sql);
      const row = byName.get(m.name);
      if (row?.finished_at) {
        if (row.checksum !== sum)
          throw new Error(`migration ${m.name} was changed after it was applied (checksum differs); add a new one`);
        result.skipped.push(m.name);
        continue;
      }
      if (row) throw new Error(`migration ${m.name} failed before and is not finished; resolve it by hand`);
      const id = randomUUID();
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "applied_steps_count", "started_at")
           VALUES ($1, $2, now(), $3, 1, now())`,
          [id, sum, m.name],
        );
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${m.name} failed: ${(e as Error).message}`);
      }
      result.applied.push(m.name);
    }
    return result;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}
