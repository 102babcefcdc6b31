import { z } from "zod";

// The gallery's request shapes: one schema each, used by the routes, the OpenAPI document and the client.

// A flag from a query string ("true"/"1") or already a boolean (domain callers, a re-parse).
const flag = z.union([z.boolean(), z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1")]);
const day = z
  .string()
  .trim()
  .refine((s) => !Number.isNaN(Date.parse(s)), "expected a date (YYYY-MM-DD) or an ISO time");

/** GET /api/v1/gallery — one schema for the route, the page's URL and the client. */
export const galleryQuery = z.object({
  kind: z.enum(["image", "video", "audio"]).optional(),
  model: z.string().max(40).optional(),
  mode: z.string().max(40).optional(),
  /** One asset by id (a deep link from a notification); the other filters still apply. */
  asset: z.string().max(64).optional(),
  /** A user id of the team. */
  creator: z.string().max(64).optional(),
  tag: z.string().trim().min(1).max(40).optional(),
  board: z.string().max(64).optional(),
  /** An experiment's outputs, as a group (every cell's, retries included). */
  experiment: z.string().max(64).optional(),
  favorite: flag.optional(),
  q: z.string().max(200).optional(),
  /** Inclusive; a bare date means that day's start (UTC). */
  from: day.optional(),
  /** Inclusive; a bare date means the whole of that day (UTC). */
  to: day.optional(),
  /**
   * Whether the file is on the studio's own storage: `archived` (saved), `pending` (still only on TD: not saved yet
   * or being saved), `failed` (saving failed; it may be retried). Uploads are always saved.
   */
  archive: z.enum(["archived", "pending", "failed"]).optional(),
  /** Review state (lib/review/schema.ts REVIEW_STATES). */
  review: z.enum(["none", "in_review", "approved", "changes_requested", "rejected"]).optional(),
  /** Average stars at least this (1–5). */
  rating_gte: z.coerce
    .number()
    .min(1, "rating_gte must be at least 1")
    .max(5, "rating_gte must be at most 5")
    .optional(),
  /**
   * `rating`: the best rated first (unrated last), newest first among equals. `review`: by review state in the order
   * REVIEW_SORT (what needs action first), newest first within a state. `position`: a board's own order (only with
   * `board`). Without `sort`: `position` on a board, else `newest`.
   */
  sort: z.enum(["newest", "oldest", "rating", "review", "position"]).optional(),
  /** Outputs only by default; `upload` shows uploads, `all` both. */
  origin: z.enum(["output", "upload", "all"]).default("output"),
  /**
   * Version stacks: `latest` (the default) shows each stack once, by its newest version not in the trash; `all`
   * every version. A board, one asset (`asset=`) and the trash always show exactly their items.
   */
  versions: z.enum(["latest", "all"]).default("latest"),
  /** The trash instead of the gallery. */
  trashed: flag.optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(60),
});
export type GalleryQuery = z.input<typeof galleryQuery>;

export const tagField = z
  .string()
  .transform((s) => s.trim().replace(/\s+/gu, " "))
  .pipe(z.string().min(1, "a tag cannot be empty").max(40, "a tag has at most 40 characters"));
const tagList = z
  .array(tagField)
  .max(30, "at most 30 tags")
  .transform((tags) => [...new Map(tags.map((t) => [t.toLowerCase(), t])).values()]);

/** PATCH /api/v1/assets/{id}. `tags` replaces the whole list; `title: null` clears it. */
export const updateAssetRequest = z.object({
  title: z.string().trim().max(200, "a title has at most 200 characters").nullable().optional(),
  tags: tagList.optional(),
  favorite: z.boolean().optional(),
});
export type UpdateAssetRequest = z.input<typeof updateAssetRequest>;

const assetIds = z
  .array(z.string().min(1).max(64))
  .min(1, "choose at least one asset")
  .max(500, "at most 500 assets at once");

/** POST /api/v1/gallery/bulk — the selection's actions in one request. */
export const bulkRequest = z.discriminatedUnion("action", [
  z.object({ action: z.enum(["favorite", "unfavorite", "trash", "restore"]), assetIds }),
  z.object({ action: z.enum(["addTags", "removeTags"]), assetIds, tags: z.array(tagField).min(1).max(30) }),
]);

const boardName = z.string().trim().min(1, "a board needs a name").max(80, "at most 80 characters");
export const createBoardRequest = z.object({ name: boardName });
export const updateBoardRequest = z.object({
  name: boardName.optional(),
  coverAssetId: z.string().max(64).nullable().optional(),
});
export const boardItemsRequest = z.object({
  assetIds: z
    .array(z.string().min(1).max(64))
    .min(1, "choose at least one asset")
    .max(500, "at most 500 assets at once"),
});

/**
 * PATCH /api/v1/boards/{id}/items — move `assetId` just before `before` (another item of the board), or to the end
 * when `before` is null or absent.
 */
export const reorderBoardRequest = z.object({
  assetId: z.string().min(1).max(64),
  before: z.string().min(1).max(64).nullable().optional(),
});
