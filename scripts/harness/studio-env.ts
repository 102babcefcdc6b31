import Database from "better-sqlite3";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** Who the integration tests are: an admin of one team, seeded into every fresh database. */
export const TEST_SCOPE = { teamId: "team-test", userId: "user-test" } as const;

/** A fresh data folder and SQLite database with every migration applied, as `migrate deploy` would. */
export function freshStudioEnv(tdBaseUrl: string, apiKey: string, extra: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "studio-test-"));
  const file = path.join(dir, "studio.db");
  const sqlite = new Database(file);
  const migrations = path.resolve("prisma/migrations");
  for (const m of readdirSync(migrations)
    .filter((d) => !d.endsWith(".toml"))
    .sort()) {
    sqlite.exec(readFileSync(path.join(migrations, m, "migration.sql"), "utf8"));
  }
  // The team and user the tests act as (TEST_SCOPE): every team-scoped call takes one.
  sqlite.exec(`INSERT INTO "User" ("id", "name", "email", "updatedAt") VALUES ('${TEST_SCOPE.userId}', 'Test', 'test@td.studio', CURRENT_TIMESTAMP);
    INSERT INTO "Team" ("id", "name", "updatedAt") VALUES ('${TEST_SCOPE.teamId}', 'Test team', CURRENT_TIMESTAMP);
    INSERT INTO "Membership" ("id", "teamId", "userId", "role", "updatedAt") VALUES ('membership-test', '${TEST_SCOPE.teamId}', '${TEST_SCOPE.userId}', 'admin', CURRENT_TIMESTAMP);`);
  sqlite.close();
  Object.assign(process.env, {
    TD_BASE_URL: tdBaseUrl,
    TD_API_KEY: apiKey,
    STUDIO_DATA_DIR: dir,
    DATABASE_URL: `file:${file}`,
    STUDIO_POLL_MS: "100",
    TD_TIMEOUT_MS: "3000",
    // The emulator's tasks take well under a second: the poll schedule (catalog typicalSeconds) is scaled down to STUDIO_POLL_MS.
    STUDIO_TYPICAL_SCALE: "0.001",
    ...extra,
  });
  return { dir, file };
}
