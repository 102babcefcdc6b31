import "server-only";
import type { Scope } from "@/lib/auth/scope";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assetView } from "@/lib/assets/view";

/** GET /api/v1/assets — the studio's files a new generation can use as inputs. */
export const listAssetsQuery = z.object({
  kind: z.enum(["image", "video", "audio"]).optional(),
  origin: z.enum(["upload", "output"]).optional(),
  /** Output role, e.g. `last_frame` for the last frames of Seedance videos. */
  role: z.string().max(40).optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type ListAssetsQuery = z.infer<typeof listAssetsQuery>;

/**
 * Newest first, only files that are on our storage (uploads, and outputs once archived): an input must
 * be something the studio can send. Outputs carry their generation, so a picker can say where they came from.
 */
export async function listAssets(scope: Scope, q: ListAssetsQuery) {
  const rows = await db().asset.findMany({
    where: {
      teamId: scope.teamId,
      storageKey: { not: null },
      trashedAt: null,
      OR: [{ origin: "upload" }, { archiveState: "archived" }],
      ...(q.kind ? { kind: q.kind } : {}),
      ...(q.origin ? { origin: q.origin } : {}),
      ...(q.role ? { role: q.role } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}),
    include: { generation: { select: { id: true, model: true, mode: true, prompt: true } } },
  });
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((a) => ({ ...assetView(a), ...(a.generation ? { generation: a.generation } : {}) })),
    nextCursor: rows.length > q.limit ? page[page.length - 1].id : null,
  };
}
export type AssetListItem = Awaited<ReturnType<typeof listAssets>>["items"][number];

/** One asset of the caller's team; another team's asset is a 404, as if it did not exist. */
export async function getAsset(scope: Scope, id: string) {
  const a = await db().asset.findFirst({ where: { id, teamId: scope.teamId } });
  if (!a) throw new AppError("not_found", `asset ${id} does not exist`);
  return a;
}

/**
 * The team's assets among `ids` (others' are left out, as if they did not exist). Looked up by id alone and filtered
 * here: with `teamId` in the WHERE, SQLite walks the team's index (every row of the team) instead of the ids.
 */
export async function listAssetsById(scope: Scope, ids: string[]) {
  if (!ids.length) return [];
  return (await db().asset.findMany({ where: { id: { in: ids } } })).filter((a) => a.teamId === scope.teamId);
}
