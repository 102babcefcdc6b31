import "server-only";
import type { z } from "zod";
import type { Scope } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { decodeCursor, encodeCursor, sqlTime } from "./cursor";
import { galleryQuery, type GalleryQuery } from "./schema";
import { searchCondition } from "./search";

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
}

export interface GalleryPage {
  items: GalleryItem[];
  nextCursor: string | null;
}

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The team's gallery, one keyset page on (createdAt, id). The page is read from one index range: the tag,
 * favourite and board tables carry the asset's createdAt, so a filter on one of them walks that table's index
 * in order; otherwise Asset's (teamId, origin|kind|model|mode|creator, createdAt, id) indexes. Never OFFSET,
 * never a count.
 */
export async function listGallery(scope: Scope, input: GalleryQuery | Parsed): Promise<GalleryPage> {
  const q: Parsed = galleryQuery.parse(input);
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
  if (q.from) add(`${kc} >= ?`, sqlTime(new Date(q.from)));
  if (q.to) {
    const end = new Date(q.to);
    if (dateOnly.test(q.to)) end.setUTCDate(end.getUTCDate() + 1);
    else end.setTime(end.getTime() + 1);
    add(`${kc} < ?`, sqlTime(end));
  }
  if (q.asset) add(`a."id" = ?`, q.asset);
  if (q.review) add(`a."reviewState" = ?`, q.review);
  if (q.rating_gte) add(`a."ratingAverage" >= ?`, q.rating_gte);
  const search = q.q ? searchCondition(q.q) : undefined;
  if (search) add(search.sql, ...search.args);

  const byRating = q.sort === "rating";
  const desc = q.sort !== "oldest";
  const rc = `coalesce(a."ratingAverage", 0)`;
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    const at = sqlTime(new Date(c.createdAt));
    // Row-value comparison, written so SQLite can use the index range on the first column.
    const [lt, le] = desc ? ["<", "<="] : [">", ">="];
    if (byRating)
      add(
        `(${rc} < ? OR (${rc} = ? AND (${kc} < ? OR (${kc} = ? AND ${kid} < ?))))`,
        c.rating ?? 0,
        c.rating ?? 0,
        at,
        at,
        c.id,
      );
    else add(`${kc} ${le} ? AND (${kc} ${lt} ? OR ${kid} ${lt} ?)`, at, at, c.id);
  }
  const dir = desc ? "DESC" : "ASC";
  const order = `${byRating ? `${rc} DESC, ` : ""}${kc} ${dir}, ${kid} ${dir}`;
  const sql = `SELECT ${kid} AS "id", ${kc} AS "createdAt", ${rc} AS "rating" FROM ${from} WHERE ${where.join(" AND ")} ORDER BY ${order} LIMIT ?`;
  const keys = await db().$queryRawUnsafe<{ id: string; createdAt: string | Date; rating: number }[]>(
    sql,
    ...args,
    q.limit + 1,
  );
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
            ...(byRating ? { rating: Number(last.rating) } : {}),
          })
        : null,
  };
}

/** The items for `ids`, in that order: one query for the rows with their generation, creator, tags and the caller's star. */
export async function hydrate(scope: Scope, ids: string[]): Promise<GalleryItem[]> {
  if (!ids.length) return [];
  const rows = await db().asset.findMany({
    where: { id: { in: ids }, teamId: scope.teamId },
    include: {
      generation: { select: { prompt: true } },
      createdBy: { select: { id: true, name: true } },
      tags: { select: { tag: true }, orderBy: { tag: "asc" } },
      favorites: { where: { userId: scope.userId }, select: { userId: true } },
    },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const a = byId.get(id);
    if (!a) return [];
    const saved = a.origin === "upload" || a.archiveState === "archived";
    const item: GalleryItem = {
      assetId: a.id,
      kind: a.kind,
      mime: a.mime ?? "application/octet-stream",
      ...(a.width ? { width: a.width } : {}),
      ...(a.height ? { height: a.height } : {}),
      ...(a.durationSeconds ? { durationSeconds: a.durationSeconds } : {}),
      thumbnailUrl: `/api/v1/assets/${a.id}/thumbnail`,
      ...(a.thumbhash ? { thumbhash: a.thumbhash } : {}),
      ...(a.generationId ? { generationId: a.generationId } : {}),
      ...(a.model ? { model: a.model } : {}),
      ...(a.mode ? { mode: a.mode } : {}),
      ...(a.generation?.prompt ? { prompt: a.generation.prompt } : {}),
      creator: a.createdBy ? { id: a.createdBy.id, name: a.createdBy.name } : null,
      createdAt: a.createdAt.toISOString(),
      tags: a.tags.map((t) => t.tag),
      favorite: a.favorites.length > 0,
      ...(a.title ? { title: a.title } : {}),
      origin: a.origin,
      archiveState: a.archiveState,
      ...(saved && a.storageKey ? { fileUrl: `/api/v1/assets/${a.id}/file` } : {}),
      ...(a.trashedAt ? { trashedAt: a.trashedAt.toISOString() } : {}),
      reviewState: a.reviewState,
      rating: { average: a.ratingAverage, count: a.ratingCount },
    };
    return [item];
  });
}
