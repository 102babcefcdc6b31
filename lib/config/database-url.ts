import path from "node:path";

/** The default SQLite file, under the data folder. Shared by the CLI config and the server. */
export function defaultDatabaseUrl(dataDir = process.env.STUDIO_DATA_DIR ?? "./data"): string {
  return `file:${path.resolve(dataDir, "studio.db")}`;
}

export type DatabaseKind = "sqlite" | "postgres";

/** `file:` → SQLite (the zero-setup default), `postgresql://` or `postgres://` → PostgreSQL; anything else is refused. */
export function databaseKind(url: string): DatabaseKind {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgres";
  throw new Error(`DATABASE_URL must be a SQLite file: URL or a postgresql:// URL (got "${redactUrl(url)}")`);
}

/** `file:./x.db` or `file:/abs/x.db` → a filesystem path. */
export function databaseFileFromUrl(url: string): string {
  if (!url.startsWith("file:")) throw new Error(`DATABASE_URL must be a SQLite file: URL (got "${redactUrl(url)}")`);
  return path.resolve(url.slice("file:".length));
}

/** A URL fit for a log line: the password replaced. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]*:)[^@]*@/i, "$1***@");
}
