import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseFileFromUrl, defaultDatabaseUrl } from "./lib/config/database-url";

// The CLI (generate, migrate deploy/diff, db push) runs on the WASM engines with
// this driver adapter, so nothing is downloaded on an offline machine.
// This is SQLite's config; PostgreSQL's is prisma/postgres/prisma.config.ts (`--config`).
if (!process.env.DATABASE_URL?.startsWith("file:")) process.env.DATABASE_URL = defaultDatabaseUrl();

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new PrismaBetterSQLite3({ url: databaseFileFromUrl(process.env.DATABASE_URL!) });
  },
});
