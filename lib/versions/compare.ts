import "server-only";
import { z } from "zod";
import type { Scope } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hydrate, type GalleryItem } from "@/lib/gallery/list";

/** At most this many assets side by side; videos and audio two (one sound each side, playback in step). */
export const COMPARE_MAX = { image: 4, video: 2, audio: 2 } as const;

/** `/gallery/compare?ids=a,b` (or `?assets=`): the ids, comma-separated, in the order shown (left to right). */
export const compareQuery = z
  .string()
  .transform((s) => [
    ...new Set(
      s
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean),
    ),
  ])
  .pipe(z.array(z.string().max(64)).min(2, "compare needs at least 2 assets").max(4, "compare shows at most 4 assets"));

export interface CompareItem extends GalleryItem {
  params: Record<string, unknown>;
  posterUrl?: string;
}

/** Why these cannot be compared: mixed kinds, or more than their kind allows. */
export function compareProblem(items: { kind: string }[]): { code: "kinds" } | { code: "max"; max: number } | null {
  if (new Set(items.map((i) => i.kind)).size > 1) return { code: "kinds" };
  const max = COMPARE_MAX[items[0]?.kind as keyof typeof COMPARE_MAX] ?? 2;
  return items.length > max ? { code: "max", max } : null;
}

/**
 * The assets to compare, in the asked order: all of the caller's team (another team's is a 404, as if it did not
 * exist), of one kind, at most COMPARE_MAX of it. Each with its generation's settings for the difference list.
 */
export async function compareSet(scope: Scope, ids: string[]): Promise<CompareItem[]> {
  const items = await hydrate(scope, ids);
  const missing = ids.find((id) => !items.some((i) => i.assetId === id));
  if (missing) throw new AppError("not_found", `asset ${missing} does not exist`);
  const problem = compareProblem(items);
  if (problem?.code === "kinds")
    throw new AppError("validation_failed", "compare assets of one kind (images, videos or audio)", "ids");
  if (problem)
    throw new AppError("validation_failed", `compare shows at most ${problem.max} ${items[0].kind} assets`, "ids");
  const genIds = items.flatMap((i) => (i.generationId ? [i.generationId] : []));
  const gens = genIds.length
    ? await db().generation.findMany({ where: { id: { in: genIds } }, select: { id: true, params: true } })
    : [];
  const posters = await db().asset.findMany({ where: { id: { in: ids } }, select: { id: true, posterKey: true } });
  return items.map((i) => {
    const g = gens.find((x) => x.id === i.generationId);
    const poster = posters.find((p) => p.id === i.assetId)?.posterKey;
    return {
      ...i,
      params: g ? (JSON.parse(g.params || "{}") as Record<string, unknown>) : {},
      ...(poster && i.fileUrl ? { posterUrl: `/api/v1/assets/${i.assetId}/poster` } : {}),
    };
  });
}
