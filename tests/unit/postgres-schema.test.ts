import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { derivedFromDisk, POSTGRES_SCHEMA } from "../../scripts/db/postgres-schema";
import { listMigrations } from "../../lib/db/pg-migrate";
import { snapshotPath } from "../../scripts/db/pg-twin";

// prisma/schema.prisma is the one source of truth; PostgreSQL's schema and migrations are derived from it.
describe("PostgreSQL schema", () => {
  it("is the committed derivation of prisma/schema.prisma (run `npm run db:derive` when this fails)", () => {
    expect(readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(derivedFromDisk());
  });

  it("has a migration for every model change (run `npm run db:pg-twin -- <name>` when this fails)", () => {
    // The snapshot is the derived schema as of the newest PostgreSQL migration.
    expect(readFileSync(snapshotPath(), "utf8")).toBe(derivedFromDisk());
  });

  it("has a twin of every SQLite migration, by name, after the baseline", () => {
    const pg = listMigrations().map((m) => m.name);
    const sqlite = listMigrations("prisma/migrations").map((m) => m.name);
    const baselineCovers = "0012"; // 0001_baseline holds everything up to and including 0012_spend_more
    const after = sqlite.filter((n) => n.slice(0, 4) > baselineCovers);
    for (const n of after) expect(pg).toContain(n);
  });
});
