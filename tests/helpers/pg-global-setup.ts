import pg from "pg";
import { migratePostgres } from "../../lib/db/pg-migrate";
import { PG_TEMPLATE, SEED_SQL, testPgUrl } from "../../scripts/harness/studio-env";

/**
 * Vitest global setup. On the PostgreSQL run (STUDIO_TEST_PG_URL, set by scripts/test.ts) it builds the template
 * every test file's fresh database is copied from: the migrations applied by the runner the server uses, and the
 * test team. On the SQLite run it does nothing.
 */
export default async function setup() {
  const base = testPgUrl();
  if (!base) return;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${PG_TEMPLATE}"`);
    await admin.query(`CREATE DATABASE "${PG_TEMPLATE}"`);
  } finally {
    await admin.end();
  }
  const u = new URL(base);
  u.pathname = `/${PG_TEMPLATE}`;
  await migratePostgres(u.toString());
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  try {
    await c.query(SEED_SQL);
  } finally {
    await c.end();
  }
}
