import "server-only";
import type { z } from "zod";
import type { Scope } from "@/lib/auth/scope";
import { db, dbKind, sql } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { decodeCursor, encodeCursor, sqlTime } from "./cursor";
import { galleryQuery, type GalleryQuery } from "./schema";
import { searchCondition, searchKey, searchProbe } from "./search";

export { galleryQuery, type GalleryQuery };

type Parsed = z.output<typeof galleryQuery>;

export interface GalleryItem {
  assetId: string;
  kind: string;
  mime: string;
  width?: number;
  height?: number;
  durationSeconds?: number;
  thumbnailUrl: string;
  thumbhash?: string;
  generationId?: string;
  model?: string;
  mode?: string;
  prompt?: string;
  creator: { id: string; name: string } | null;
  createdAt: string;
  tags: string[];
  favorite: boolean;
  // Beyond the issue's shape: what the grid and detail view also need.
  title?: string;
  origin: string;
  archiveState: string;
  fileUrl?: string;
  trashedAt?: string;
  /** Review: the state, and the stars' mean and count. */
  reviewState: string;
  rating: { average: number | null; count: number };
  /** Version stack: its id (v1's asset id), this item's number and how many versions it has (not in the trash). */
  stack?: { id: string; version: number; count: number };
}

export interface GalleryPage {
  items: GalleryItem[];
  nextCursor: string | null;
}

/** The `archive` filter's values → Asset.archiveState (temporary | archiving | archived | failed). */
const ARCHIVE_STATES: Record<NonNullable<Parsed["archive"]>, string[]> = {
  archived: ["archived"],
  pending: ["temporary", "archiving"],
  failed: ["failed"],
};
const dateOnly = /^\d{4}-\d{2}-\d{2}$/;
/**
 * sort=review: what needs someone's action first — changes asked for (the creator's turn), then waiting for a
 * reviewer, then never reviewed, then the settled ones (approved before rejected, which are dead ends).
 */
export const REVIEW_SORT = ["changes_requested", "in_review", "none", "approved", "rejected"] as const;
const REVIEW_RANK_SQL = `(CASE a."reviewState" ${REVIEW_SORT.map((s, i) => `WHEN '${s}' THEN ${i}`).join(" ")} ELSE ${REVIEW_SORT.length} END)`;
/** Rows a search probes in index order before it falls back to the FTS index (see listGallery). */
const SEARCH_WINDOW = 1500;

/**
 * The team's gallery, one keyset page on (createdAt, id). The page is read from one index range: the tag,
 * favourite and board tables carry the asset's createdAt, so a filter on one of them walks that table's index
 * in order; otherwise Asset's (teamId, origin|kind|model|mode|creator, createdAt, id) indexes. Never OFFSET,
 * never a count.
 */
export async function listGallery(scope: Scope, input: GalleryQuery | Parsed): Promise<GalleryPage> {
  const q: Parsed = galleryQuery.parse(input);
  // A time is bound as the ISO text SQLite stores (sqlTime); PostgreSQL is told it is a timestamp.
  const T = dbKind() === "postgres" ? "CAST(? AS TIMESTAMP(3))" : "?";
  const where: string[] = [];
  const args: unknown[] = [];
  const add = (sql: string, ...a: unknown[]) => {
    where.push(sql);
    args.push(...a);
  };

  // Driving table and its keyset columns.
  let from = `"Asset" a`;
  let kc = `a."createdAt"`;
  let kid = `a."id"`;
  const residual = { tag: q.tag, favorite: q.favorite, board: q.board };
  if (q.board) {
    const board = await db().board.findFirst({ where: { id: q.board, teamId: scope.teamId }, select: { id: true } });
    if (!board) throw new AppError("not_found", `board ${q.board} does not exist`);
    from = `"BoardItem" k JOIN "Asset" a ON a."id" = k."assetId"`;
    add(`k."boardId" = ?`, q.board);
    residual.board = undefined;
  } else if (q.favorite) {
    from = `"Favorite" k JOIN "Asset" a ON a."id" = k."assetId"`;
    add(`k."userId" = ? AND k."teamId" = ?`, scope.userId, scope.teamId);
    residual.favorite = undefined;
  } else if (q.tag) {
    from = `"AssetTag" k JOIN "Asset" a ON a."id" = k."assetId"`;
    add(`k."teamId" = ? AND k."tag" = ?`, scope.teamId, q.tag);
    residual.tag = undefined;
  }
  if (from !== `"Asset" a`) {
    kc = `k."assetCreatedAt"`;
    kid = `k."assetId"`;
  }

  add(`a."teamId" = ?`, scope.teamId);
  add(q.trashed ? `a."trashedAt" IS NOT NULL` : `a."trashedAt" IS NULL`);
  if (q.origin !== "all") add(`a."origin" = ?`, q.origin);
  if (q.kind) add(`a."kind" = ?`, q.kind);
  if (q.model) add(`a."model" = ?`, q.model);
  if (q.mode) add(`a."mode" = ?`, q.mode);
  if (q.creator) add(`a."createdById" = ?`, q.creator);
  if (residual.tag) add(`EXISTS (SELECT 1 FROM "AssetTag" t WHERE t."assetId" = a."id" AND t."tag" = ?)`, residual.tag);
  if (residual.favorite)
    add(`EXISTS (SELECT 1 FROM "Favorite" f WHERE f."userId" = ? AND f."assetId" = a."id")`, scope.userId);
  if (q.favorite === false)
    add(`NOT EXISTS (SELECT 1 FROM "Favorite" f WHERE f."userId" = ? AND f."assetId" = a."id")`, scope.userId);
  if (q.from) add(`${kc} >= ${T}`, sqlTime(new Date(q.from)));
  if (q.to) {
    const end = new Date(q.to);
    if (dateOnly.test(q.to)) end.setUTCDate(end.getUTCDate() + 1);
    else end.setTime(end.getTime() + 1);
    add(`${kc} < ${T}`, sqlTime(end));
  }
  if (q.archive)
    add(`a."archiveState" IN (${ARCHIVE_STATES[q.archive].map(() => "?").join(",")})`, ...ARCHIVE_STATES[q.archive]);
  if (q.asset) add(`a."id" = ?`, q.asset);
  if (q.experiment) {
    const x = await db().experiment.findFirst({
      where: { id: q.experiment, teamId: scope.teamId },
      select: { id: true },
    });
    if (!x) throw new AppError("not_found", `experiment ${q.experiment} does not exist`);
    add(`a."generationId" IN (SELECT g."id" FROM "Generation" g WHERE g."experimentId" = ?)`, q.experiment);
  }
  if (q.review) add(`a."reviewState" = ?`, q.review);
  if (q.rating_gte) add(`a."ratingAverage" >= ?`, q.rating_gte);
  // One tile per stack: a version is hidden while a newer one of its stack is out of the trash (an index seek).
  if (q.versions === "latest" && !q.trashed && !q.asset && !q.board && !q.experiment)
    add(
      `(a."stackId" IS NULL OR NOT EXISTS (SELECT 1 FROM "Asset" v WHERE v."stackId" = a."stackId" AND v."stackVersion" > a."stackVersion" AND v."trashedAt" IS NULL))`,
    );

  const sort = q.sort === "position" && !q.board ? "newest" : (q.sort ?? (q.board ? "position" : "newest"));
  // A leading number before (createdAt, id): the rating (best first), the review state's rank, or the board position.
  const lead =
    sort === "rating"
      ? { sql: `coalesce(a."ratingAverage", 0)`, dir: "DESC" }
      : sort === "review"
        ? { sql: REVIEW_RANK_SQL, dir: "ASC" }
        : sort === "position"
          ? { sql: `k."position"`, dir: "ASC" }
          : null;
  // A board's own order ties on assetId alone (ascending, like the position).
  const desc = sort !== "oldest" && sort !== "position";
  const rc = lead?.sql ?? "0";
  let keyset: { sql: string; args: unknown[] } | null = null;
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    const at = sqlTime(new Date(c.createdAt));
    const n = c.rating ?? 0;
    // Row-value comparison, written so SQLite can use the index range on the first column.
    const [lt, le] = desc ? ["<", "<="] : [">", ">="];
    if (sort === "position") keyset = { sql: `${rc} >= ? AND (${rc} > ? OR ${kid} > ?)`, args: [n, n, c.id] };
    else if (lead)
      keyset = {
        sql: `(${rc} ${lead.dir === "DESC" ? "<" : ">"} ? OR (${rc} = ? AND (${kc} < ${T} OR (${kc} = ${T} AND ${kid} < ?))))`,
        args: [n, n, at, at, c.id],
      };
    else keyset = { sql: `${kc} ${le} ${T} AND (${kc} ${lt} ${T} OR ${kid} ${lt} ?)`, args: [at, at, c.id] };
    add(keyset.sql, ...keyset.args);
  }
  const dir = desc ? "DESC" : "ASC";
  const order =
    sort === "position"
      ? `ORDER BY ${rc} ASC, ${kid} ASC`
      : `ORDER BY ${lead ? `${rc} ${lead.dir}, ` : ""}${kc} ${dir}, ${kid} ${dir}`;
  const cols = `${kid} AS "id", ${kc} AS "createdAt", ${rc} AS "rating"`;
  type Key = { id: string; createdAt: string | Date; rating: number };
  let keys: Key[];
  if (!q.q?.trim() && sort === "review" && from === `"Asset" a`) {
    // One index range per state on (teamId, reviewState, createdAt, id), each at most a page, then merged: the
    // CASE rank alone would make SQLite read and sort every row of the team. On a board, a tag or the favourites
    // (another driving table) and with a search, the CASE order below is used instead: it sorts that set's rows
    // (a board's tens to thousands), which is not a range scan but is bounded by the set, not the team.
    const base = keyset ? where.slice(0, -1) : where;
    const baseArgs = keyset ? args.slice(0, args.length - keyset.args.length) : args;
    const c = q.cursor ? decodeCursor(q.cursor) : null;
    const parts: string[] = [];
    const partArgs: unknown[] = [];
    REVIEW_SORT.forEach((state, rank) => {
      if (c && rank < (c.rating ?? 0)) return;
      const cond = [...base, `a."reviewState" = ?`];
      const a2: unknown[] = [...baseArgs, state];
      if (c && rank === (c.rating ?? 0)) {
        const at = sqlTime(new Date(c.createdAt));
        cond.push(`a."createdAt" <= ${T} AND (a."createdAt" < ${T} OR a."id" < ?)`);
        a2.push(at, at, c.id);
      }
      parts.push(
        `SELECT * FROM (SELECT a."id" AS "id", a."createdAt" AS "createdAt", ${rank} AS "rating" FROM ${from} WHERE ${cond.join(" AND ")} ORDER BY a."createdAt" DESC, a."id" DESC LIMIT ?) AS "r${rank}"`,
      );
      partArgs.push(...a2, q.limit + 1);
    });
    keys = parts.length
      ? await db().$queryRawUnsafe<Key[]>(
          sql(`${parts.join(" UNION ALL ")} ORDER BY "rating" ASC, "createdAt" DESC, "id" DESC LIMIT ?`),
          ...partArgs,
          q.limit + 1,
        )
      : [];
  } else if (!q.q?.trim()) {
    keys = await db().$queryRawUnsafe<Key[]>(
      sql(`SELECT ${cols} FROM ${from} WHERE ${where.join(" AND ")} ${order} LIMIT ?`),
      ...args,
      q.limit + 1,
    );
  } else {
    // A search first walks the next WINDOW rows of the page's index in order and probes each one's text: for a
    // word that is not rare this fills the page at a cost independent of the table's size. Only when the window
    // ends without a full page (a rare word) does it collect the word's FTS matches — few, by then.
    const probe = searchProbe(q.q, `w."rid"`)!;
    const windowOrder =
      sort === "position"
        ? `ORDER BY w."rating" ASC, w."id" ASC`
        : `ORDER BY ${lead ? `w."rating" ${lead.dir}, ` : ""}w."createdAt" ${dir}, w."id" ${dir}`;
    const windowed = await db().$queryRawUnsafe<Key[]>(
      sql(
        `SELECT w."id", w."createdAt", w."rating" FROM (SELECT ${cols}, ${searchKey()} AS "rid" FROM ${from} WHERE ${where.join(" AND ")} ${order} LIMIT ?) w WHERE ${probe.sql} ${windowOrder} LIMIT ?`,
      ),
      ...args,
      SEARCH_WINDOW,
      ...probe.args,
      q.limit + 1,
    );
    const windowFull =
      windowed.length <= q.limit &&
      Number(
        (
          await db().$queryRawUnsafe<{ n: number | bigint }[]>(
            sql(
              `SELECT count(*) AS "n" FROM (SELECT 1 FROM ${from} WHERE ${where.join(" AND ")} ${order} LIMIT ?) AS "x"`,
            ),
            ...args,
            SEARCH_WINDOW,
          )
        )[0].n,
      ) >= SEARCH_WINDOW;
    if (windowed.length > q.limit || !windowFull) keys = windowed;
    else {
      const search = searchCondition(q.q)!;
      keys = await db().$queryRawUnsafe<Key[]>(
        sql(`SELECT ${cols} FROM ${from} WHERE ${[...where, search.sql].join(" AND ")} ${order} LIMIT ?`),
        ...args,
        ...search.args,
        q.limit + 1,
      );
    }
  }
  const page = keys.slice(0, q.limit);
  const items = await hydrate(
    scope,
    page.map((k) => k.id),
  );
  const last = page.at(-1);
  return {
    items,
    nextCursor:
      keys.length > q.limit && last
        ? encodeCursor({
            createdAt: last.createdAt instanceof Date ? sqlTime(last.createdAt) : String(last.createdAt),
            id: last.id,
            ...(lead ? { rating: Number(last.rating) } : {}),
          })
        : null,
  };
}

type HydrateRow = {
  id: string;
  kind: string;
  mime: string | null;
  width: number | bigint | null;
  height: number | bigint | null;
  durationSeconds: number | null;
  thumbhash: string | null;
  generationId: string | null;
  model: string | null;
  mode: string | null;
  title: string | null;
  origin: string;
  archiveState: string;
  storageKey: string | null;
  trashedAt: string | Date | null;
  createdAt: string | Date;
  prompt: string | null;
  creatorId: string | null;
  creatorName: string | null;
  tags: string | null;
  favorite: number | bigint | boolean;
  reviewState: string;
  ratingAverage: number | null;
  ratingCount: number | bigint;
  stackId: string | null;
  stackVersion: number | bigint | null;
  stackCount: number | bigint;
};

/** The items for `ids`, in that order: one query for the rows with their generation, creator, tags and the caller's star. */
export async function hydrate(scope: Scope, ids: string[]): Promise<GalleryItem[]> {
  if (!ids.length) return [];
  // One statement (a page is the hot path; Prisma's include would be five round trips). The unary + keeps SQLite
  // on the primary key: with an IN list it would otherwise walk the team's index, every row of the team.
  const pg = dbKind() === "postgres";
  const tags = pg
    ? `(SELECT coalesce(json_agg(t."tag" ORDER BY t."tag"), '[]'::json)::text FROM "AssetTag" t WHERE t."assetId" = a."id")`
    : `(SELECT json_group_array(x."tag") FROM (SELECT t."tag" FROM "AssetTag" t WHERE t."assetId" = a."id" ORDER BY t."tag") x)`;
  const rows = await db().$queryRawUnsafe<HydrateRow[]>(
    sql(`SELECT a."id", a."kind", a."mime", a."width", a."height", a."durationSeconds", a."thumbhash", a."generationId",
            a."model", a."mode", a."title", a."origin", a."archiveState", a."storageKey", a."trashedAt", a."createdAt",
            a."reviewState", a."ratingAverage", a."ratingCount", a."stackId", a."stackVersion", g."prompt",
            (SELECT count(*) FROM "Asset" v WHERE v."stackId" = a."stackId" AND v."trashedAt" IS NULL) AS "stackCount", u."id" AS "creatorId", u."name" AS "creatorName",
            ${tags} AS "tags",
            EXISTS (SELECT 1 FROM "Favorite" f WHERE f."userId" = ? AND f."assetId" = a."id") AS "favorite"
     FROM "Asset" a LEFT JOIN "Generation" g ON g."id" = a."generationId" LEFT JOIN "User" u ON u."id" = a."createdById"
     WHERE ${pg ? "" : "+"}a."teamId" = ? AND a."id" IN (${ids.map(() => "?").join(",")})`),
    scope.userId,
    scope.teamId,
    ...ids,
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const a = byId.get(id);
    if (!a) return [];
    const saved = a.origin === "upload" || a.archiveState === "archived";
    const item: GalleryItem = {
      assetId: a.id,
      kind: a.kind,
      mime: a.mime ?? "application/octet-stream",
      // Raw rows may carry integers as bigint.
      ...(a.width ? { width: Number(a.width) } : {}),
      ...(a.height ? { height: Number(a.height) } : {}),
      ...(a.durationSeconds ? { durationSeconds: Number(a.durationSeconds) } : {}),
      thumbnailUrl: `/api/v1/assets/${a.id}/thumbnail`,
      ...(a.thumbhash ? { thumbhash: a.thumbhash } : {}),
      ...(a.generationId ? { generationId: a.generationId } : {}),
      ...(a.model ? { model: a.model } : {}),
      ...(a.mode ? { mode: a.mode } : {}),
      ...(a.prompt ? { prompt: a.prompt } : {}),
      creator: a.creatorId ? { id: a.creatorId, name: a.creatorName ?? "" } : null,
      createdAt: new Date(a.createdAt).toISOString(),
      tags: JSON.parse(a.tags ?? "[]") as string[],
      favorite: a.favorite === true || Number(a.favorite) === 1,
      ...(a.title ? { title: a.title } : {}),
      origin: a.origin,
      archiveState: a.archiveState,
      ...(saved && a.storageKey ? { fileUrl: `/api/v1/assets/${a.id}/file` } : {}),
      ...(a.trashedAt ? { trashedAt: new Date(a.trashedAt).toISOString() } : {}),
      reviewState: a.reviewState,
      rating: { average: a.ratingAverage == null ? null : Number(a.ratingAverage), count: Number(a.ratingCount) },
      ...(a.stackId && a.stackVersion != null
        ? { stack: { id: a.stackId, version: Number(a.stackVersion), count: Number(a.stackCount) } }
        : {}),
    };
    return [item];
  });
}
