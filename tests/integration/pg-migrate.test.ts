import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checksum, listMigrations, migratePostgres, PG_MIGRATIONS_DIR } from "@/lib/db/pg-migrate";
import { testPgUrl } from "../../scripts/harness/studio-env";

// The PostgreSQL migration runner (prisma migrate deploy cannot run through the pg adapter, prisma/orm#27403).
// Runs on the PostgreSQL stage of `npm test` only (STUDIO_TEST_PG_URL), on an empty database of its own.
const base = testPgUrl();
describe.skipIf(!base)("PostgreSQL migration runner", () => {
  let url = "";
  const name = `m_${Date.now().toString(36)}`;
  const admin = () => new pg.Client({ connectionString: base });
  const query = async <T extends pg.QueryResultRow>(sql: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      return (await c.query<T>(sql)).rows;
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    const c = admin();
    await c.connect();
    await c.query(`CREATE DATABASE "${name}"`);
    await c.end();
    const u = new URL(base!);
    u.pathname = `/${name}`;
    url = u.toString();
  });
  afterAll(async () => {
    const c = admin();
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  });

  it("applies every migration once, in Prisma's bookkeeping (SHA-256 checksums, finished), and again nothing", async () => {
    const all = listMigrations().map((m) => m.name);
    expect(await migratePostgres(url)).toEqual({ applied: all, skipped: [] });
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT "migration_name", "checksum", "finished_at" FROM "_prisma_migrations" ORDER BY "migration_name"`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(all);
    for (const r of rows) {
      const m = listMigrations().find((x) => x.name === r.migration_name)!;
      expect(r.checksum).toBe(checksum(m.sql));
      expect(r.finished_at).toBeInstanceOf(Date);
    }
    expect(await migratePostgres(url)).toEqual({ applied: [], skipped: all });
    // The tables and the search index are there.
    const search = await query<{ indexname: string }>(
      `SELECT indexname FROM pg_indexes WHERE tablename = 'asset_search' AND indexdef LIKE '%gin_trgm_ops%'`,
    );
    expect(search).toHaveLength(1);
  });

  it("several processes starting at once apply each migration once (advisory lock)", async () => {
    await query(`DROP SCHEMA public CASCADE; CREATE SCHEMA public`);
    const results = await Promise.all([migratePostgres(url), migratePostgres(url), migratePostgres(url)]);
    expect(results.flatMap((r) => r.applied).sort()).toEqual(listMigrations().map((m) => m.name));
  });

  it("refuses to start on an applied migration that was changed, and rolls back a failing one", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "pg-migrations-"));
    try {
      cpSync(PG_MIGRATIONS_DIR, dir, { recursive: true });
      const first = listMigrations(dir)[0].name;
      writeFileSync(path.join(dir, first, "migration.sql"), listMigrations(dir)[0].sql + "\n-- edited\n");
      await expect(migratePostgres(url, dir)).rejects.toThrow(/changed after it was applied/);
      cpSync(PG_MIGRATIONS_DIR, dir, { recursive: true });
      cpSync(path.join(dir, first), path.join(dir, "9999_broken"), { recursive: true });
      writeFileSync(path.join(dir, "9999_broken", "migration.sql"), `CREATE TABLE "x_ok" (a int); SELECT broken;`);
      await expect(migratePostgres(url, dir)).rejects.toThrow(/9999_broken failed/);
      expect(await query(`SELECT 1 FROM pg_tables WHERE tablename = 'x_ok'`)).toHaveLength(0);
      expect(await query(`SELECT 1 FROM "_prisma_migrations" WHERE "migration_name" = '9999_broken'`)).toHaveLength(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
