import Database from "better-sqlite3";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** The team and member every integration test acts as (made by freshStudioEnv). */
export const TEST_SCOPE = { teamId: "team-test", userId: "user-test" };

/** A fresh data folder and SQLite database with every migration applied, as `migrate deploy` would. */
export function freshStudioEnv(tdBaseUrl: string, apiKey: string, extra: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "studio-test-"));
  const file = path.join(dir, "studio.db");
  const sqlite = new Database(file);
  const migrations = path.resolve("prisma/migrations");
  for (const m of readdirSync(migrations).filter((d) => !d.endsWith(".toml")).sort()) {
    sqlite.exec(readFileSync(path.join(migrations, m, "migration.sql"), "utf8"));
  }
  // Every record belongs to a team: tests act as one member of one team.
  const now = new Date().toISOString();
  sqlite.prepare(`INSERT INTO "Team" (id, name, openSignup, createdAt, updatedAt) VALUES (?, ?, 0, ?, ?)`).run(TEST_SCOPE.teamId, "Test team", now, now);
  sqlite.prepare(`INSERT INTO "User" (id, name, email, emailVerified, operator, createdAt, updatedAt) VALUES (?, ?, ?, 0, 0, ?, ?)`).run(TEST_SCOPE.userId, "Test user", "test@example.com", now, now);
  sqlite.prepare(`INSERT INTO "Membership" (id, teamId, userId, role, createdAt, updatedAt) VALUES (?, ?, ?, 'member', ?, ?)`).run("membership-test", TEST_SCOPE.teamId, TEST_SCOPE.userId, now, now);
  sqlite.close();
  Object.assign(process.env, {
    TD_BASE_URL: tdBaseUrl,
    TD_API_KEY: apiKey,
    STUDIO_DATA_DIR: dir,
    DATABASE_URL: `file:${file}`,
    STUDIO_POLL_MS: "100",
    TD_TIMEOUT_MS: "3000",
    ...extra,
  });
  return { dir, file };
}
