import { spawnSync } from "node:child_process";
import path from "node:path";
import { databaseKind, defaultDatabaseUrl, redactUrl } from "../../lib/config/database-url";
import { migratePostgres } from "../../lib/db/pg-migrate";

/**
 * Apply the migrations of the database DATABASE_URL names (`npm run db:deploy`, and `npm start` / `npm run dev`
 * before the server starts). SQLite: `prisma migrate deploy` (prisma/migrations). PostgreSQL: lib/db/pg-migrate.ts
 * (prisma/postgres/migrations), because `migrate deploy` cannot run through the pg adapter (prisma/orm#27403).
 * Answers whether it worked; what failed is on stderr.
 */
export async function deployMigrations(env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const url = env.DATABASE_URL || defaultDatabaseUrl(env.STUDIO_DATA_DIR);
  if (databaseKind(url) === "sqlite") {
    const r = spawnSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "migrate", "deploy"], {
      env,
      stdio: "inherit",
    });
    return r.status === 0;
  }
  try {
    const r = await migratePostgres(url);
    console.log(
      `[studio] PostgreSQL ${redactUrl(url)}: ${r.applied.length ? `applied ${r.applied.join(", ")}` : "no pending migrations"}`,
    );
    return true;
  } catch (e) {
    console.error(`[studio] PostgreSQL migration failed: ${(e as Error).message}`);
    return false;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  if (process.env.DATABASE_URL === undefined && (await import("node:fs")).existsSync(".env"))
    process.loadEnvFile(".env");
  process.exit((await deployMigrations()) ? 0 : 1);
}
