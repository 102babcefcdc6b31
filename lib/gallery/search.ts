import "server-only";
import { db, dbKind } from "@/lib/db";

/** Body of one asset's search row: title, the generation's prompt, the tags, the comments (the SQL the migration's triggers repeat). */
const BODY_SQL = `coalesce(a."title", '') || char(10) || coalesce((SELECT g."prompt" FROM "Generation" g WHERE g."id" = a."generationId"), '') || char(10) || coalesce((SELECT group_concat(t."tag", ' ') FROM "AssetTag" t WHERE t."assetId" = a."id"), '') || char(10) || coalesce((SELECT group_concat(c."body", char(10)) FROM "Comment" c WHERE c."assetId" = a."id"), '')`;

export interface SqlPart {
  sql: string;
  args: unknown[];
}

/**
 * The WHERE part for a free-text query against `asset_search` (FTS5 trigram). Words of three or more
 * characters are phrase matches through the index; shorter words (many Chinese words are two characters,
 * which the trigram index cannot hold) are LIKE over the same text. Every word must match.
 */
export function searchCondition(q: string, assetAlias = "a"): SqlPart | undefined {
  const words = q.trim().split(/\s+/u).filter(Boolean).slice(0, 8);
  if (!words.length) return undefined;
  if (dbKind() === "postgres") return pgSearchCondition(words, assetAlias);
  const long = words.filter((w) => [...w].length >= 3);
  const short = words.filter((w) => [...w].length < 3);
  const parts: string[] = [];
  const args: unknown[] = [];
  if (long.length) {
    parts.push(`${assetAlias}."rowid" IN (SELECT "rowid" FROM "asset_search" WHERE "asset_search" MATCH ?)`);
    args.push(long.map((w) => `"${w.replaceAll('"', '""')}"`).join(" "));
  }
  // Short words probe the asset's own search row while the page walks the index in order: a common word fills
  // the page after a few hundred rows, where collecting every match first would scan the whole table.
  for (const w of short) {
    parts.push(
      `EXISTS (SELECT 1 FROM "asset_search" s WHERE s."rowid" = ${assetAlias}."rowid" AND s."body" LIKE ? ESCAPE '\\')`,
    );
    args.push(`%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  return { sql: parts.join(" AND "), args };
}

/**
 * The same words as LIKE probes of one row's search text (`rowidExpr` names the asset's rowid): substring matches,
 * ASCII case-insensitive, as the trigram phrase match is. Cheap per row, so a page can walk its index in order and
 * probe each row — constant work for a common word, where collecting every FTS match first grows with the table.
 */
export function searchProbe(q: string, rowidExpr: string): SqlPart | undefined {
  const words = q.trim().split(/\s+/u).filter(Boolean).slice(0, 8);
  if (!words.length) return undefined;
  // PostgreSQL's search rows are keyed by the asset's id (rowidExpr names it there: searchKey).
  const [key, like] = dbKind() === "postgres" ? [`"assetId"`, "ILIKE"] : [`"rowid"`, "LIKE"];
  return {
    sql: words
      .map(
        () =>
          `EXISTS (SELECT 1 FROM "asset_search" s WHERE s.${key} = ${rowidExpr} AND s."body" ${like} ? ESCAPE '\\')`,
      )
      .join(" AND "),
    args: words.map(likePattern),
  };
}

/** The column an asset's search row is found by: SQLite's rowid (FTS5), the asset's id on PostgreSQL. */
export function searchKey(assetAlias = "a"): string {
  return dbKind() === "postgres" ? `${assetAlias}."id"` : `${assetAlias}."rowid"`;
}

const likePattern = (w: string) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * PostgreSQL (prisma/postgres/migrations/0002_search): words of three or more characters are ILIKE over the search
 * rows through the pg_trgm GIN index (Chinese included); shorter words probe the asset's own row, as on SQLite.
 */
function pgSearchCondition(words: string[], assetAlias: string): SqlPart {
  const long = words.filter((w) => [...w].length >= 3);
  const short = words.filter((w) => [...w].length < 3);
  const parts: string[] = [];
  if (long.length)
    parts.push(
      `${assetAlias}."id" IN (SELECT s."assetId" FROM "asset_search" s WHERE ${long.map(() => `s."body" ILIKE ? ESCAPE '\\'`).join(" AND ")})`,
    );
  parts.push(
    ...short.map(
      () =>
        `EXISTS (SELECT 1 FROM "asset_search" s WHERE s."assetId" = ${assetAlias}."id" AND s."body" ILIKE ? ESCAPE '\\')`,
    ),
  );
  return { sql: parts.join(" AND "), args: [...long, ...short].map(likePattern) };
}

/** Refill the search index from the tables (after a restore or a VACUUM, which may renumber rowids). */
export async function rebuildSearchIndex(): Promise<void> {
  if (dbKind() === "postgres") {
    await db().$executeRawUnsafe(
      `INSERT INTO "asset_search" ("assetId", "body") SELECT a."id", "asset_search_body"(a."id") FROM "Asset" a
       ON CONFLICT ("assetId") DO UPDATE SET "body" = EXCLUDED."body"`,
    );
    return;
  }
  await db().$transaction([
    db().$executeRawUnsafe(`DELETE FROM "asset_search"`),
    db().$executeRawUnsafe(`INSERT INTO "asset_search"("rowid", "body") SELECT a."rowid", ${BODY_SQL} FROM "Asset" a`),
  ]);
}
