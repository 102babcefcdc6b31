import Database from "better-sqlite3";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** A fresh data folder and SQLite database with every migration applied, as `migrate deploy` would. */
export function freshStudioEnv(tdBaseUrl: string, apiKey: string, extra: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "studio-test-"));
  const file = path.join(dir, "studio.db");
  const sqlite = new Database(file);
  const migrations = path.resolve("prisma/migrations");
  for (const m of readdirSync(migrations).filter((d) => !d.endsWith(".toml")).sort()) {
    sqlite.exec(readFileSync(path.join(migrations, m, "migration.sql"), "utf8"));
  }
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
