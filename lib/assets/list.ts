import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { assetView } from "@/lib/generations/view";

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
export async function listAssets(owner: string, q: ListAssetsQuery) {
  const rows = await db().asset.findMany({
    where: {
      owner,
      storageKey: { not: null },
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
