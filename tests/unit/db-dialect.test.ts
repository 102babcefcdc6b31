import { describe, expect, it } from "vitest";
import { numberedParams } from "@/lib/db/dialect";
import { databaseKind, redactUrl } from "@/lib/config/database-url";

describe("database dialects", () => {
  it("numbers ? placeholders for PostgreSQL, in order, leaving quoted text alone", () => {
    expect(numberedParams(`SELECT 1 FROM "A" WHERE a = ? AND b IN (?, ?) LIMIT ?`)).toBe(
      `SELECT 1 FROM "A" WHERE a = $1 AND b IN ($2, $3) LIMIT $4`,
    );
    expect(numberedParams(`SELECT '?' AS "q?" WHERE x LIKE ? ESCAPE '\\'`)).toBe(
      `SELECT '?' AS "q?" WHERE x LIKE $1 ESCAPE '\\'`,
    );
  });

  it("DATABASE_URL: file: is SQLite, postgresql:// and postgres:// are PostgreSQL, anything else is refused", () => {
    expect(databaseKind("file:./data/studio.db")).toBe("sqlite");
    expect(databaseKind("postgresql://u:p@db:5432/studio")).toBe("postgres");
    expect(databaseKind("postgres://db/studio")).toBe("postgres");
    expect(() => databaseKind("mysql://u:secret@db/studio")).toThrow(/postgresql:\/\//);
    expect(() => databaseKind("mysql://u:secret@db/studio")).not.toThrow(/secret/);
    expect(redactUrl("postgresql://studio:secret@db:5432/x")).toBe("postgresql://studio:***@db:5432/x");
  });
});
