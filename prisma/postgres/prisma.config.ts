import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// PostgreSQL's config for the CLI: `prisma generate --config prisma/postgres/prisma.config.ts` (npm run db:generate
// runs both) and `migrate diff`. The schema is derived from prisma/schema.prisma (scripts/db/postgres-schema.ts).
// Migrations are applied by lib/db/pg-migrate.ts, not `migrate deploy` (prisma/orm#27403; see README).
// generate reads env("DATABASE_URL") and needs a PostgreSQL URL to validate against; it never connects.
if (!/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? ""))
  process.env.DATABASE_URL = "postgresql://localhost/studio";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(import.meta.dirname, "schema.prisma"),
  migrations: { path: path.join(import.meta.dirname, "migrations") },
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL });
  },
});
