import path from "node:path";

/** The default SQLite file, under the data folder. Shared by the CLI config and the server. */
export function defaultDatabaseUrl(dataDir = process.env.STUDIO_DATA_DIR ?? "./data"): string {
  return `file:${path.resolve(dataDir, "studio.db")}`;
}

/** `file:./x.db` or `file:/abs/x.db` → a filesystem path. */
export function databaseFileFromUrl(url: string): string {
  if (!url.startsWith("file:")) throw new Error(`DATABASE_URL must be a SQLite file: URL (got "${url}")`);
  return path.resolve(url.slice("file:".length));
}
