import "server-only";
import type { z } from "zod";
import type { Caller } from "@/lib/auth/caller";
import { can } from "@/lib/auth/permissions";
import type { Scope } from "@/lib/auth/scope";
import { getAsset } from "@/lib/assets/list";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hydrate, type GalleryItem } from "./list";
import { bulkRequest, updateAssetRequest } from "./schema";

export { bulkRequest, updateAssetRequest };

/** Title and tags change what the whole team sees; a star is the caller's own. */
function requireOrganize(caller: Caller) {
  if (!can(caller.role, "gallery:organize")) {
    throw new AppError(
      "forbidden",
      `Your role in ${caller.team.name} (${caller.role}) does not have the permission "gallery:organize".`,
      undefined,
      { permission: "gallery:organize" },
    );
  }
}

export async function updateAsset(
  caller: Caller,
  id: string,
  body: z.infer<typeof updateAssetRequest>,
): Promise<GalleryItem> {
  const a = await getAsset(caller, id);
  if (body.title !== undefined || body.tags !== undefined) requireOrganize(caller);
  const ops = [];
  if (body.title !== undefined) ops.push(db().asset.update({ where: { id }, data: { title: body.title || null } }));
  if (body.tags !== undefined) {
    const tags = body.tags;
    ops.push(db().assetTag.deleteMany({ where: { assetId: id, tag: { notIn: tags } } }));
    const have = new Set(
      (await db().assetTag.findMany({ where: { assetId: id }, select: { tag: true } })).map((t) => t.tag),
    );
    const fresh = tags.filter((t) => !have.has(t));
    if (fresh.length)
      ops.push(
        db().assetTag.createMany({
          data: fresh.map((tag) => ({ assetId: id, tag, teamId: caller.teamId, assetCreatedAt: a.createdAt })),
        }),
      );
  }
  if (body.favorite === true) {
    ops.push(
      db().favorite.upsert({
        where: { userId_assetId: { userId: caller.userId, assetId: id } },
        create: { userId: caller.userId, assetId: id, teamId: caller.teamId, assetCreatedAt: a.createdAt },
        update: {},
      }),
    );
  }
  if (body.favorite === false) ops.push(db().favorite.deleteMany({ where: { userId: caller.userId, assetId: id } }));
  if (ops.length) await db().$transaction(ops);
  const [item] = await hydrate(caller, [id]);
  return item;
}

/** DELETE /api/v1/assets/{id}: into the trash (hidden from every list; the file stays until it is purged). */
/** The team's ids among `ids`, looked up by id alone (a teamId term would make SQLite walk the whole team). */
async function teamIds(scope: Scope, ids: string[]): Promise<string[]> {
  const rows = await db().asset.findMany({ where: { id: { in: ids } }, select: { id: true, teamId: true } });
  return rows.filter((r) => r.teamId === scope.teamId).map((r) => r.id);
}

export async function trashAssets(scope: Scope, ids: string[]): Promise<number> {
  const r = await db().asset.updateMany({
    where: { id: { in: await teamIds(scope, ids) }, trashedAt: null },
    data: { trashedAt: new Date() },
  });
  return r.count;
}

export async function restoreAssets(scope: Scope, ids: string[]): Promise<number> {
  const r = await db().asset.updateMany({
    where: { id: { in: await teamIds(scope, ids) }, trashedAt: { not: null } },
    data: { trashedAt: null },
  });
  return r.count;
}

export async function trashAsset(scope: Scope, id: string) {
  await getAsset(scope, id);
  await trashAssets(scope, [id]);
  return { assetId: id, trashed: true };
}

export async function restoreAsset(scope: Scope, id: string) {
  await getAsset(scope, id);
  await restoreAssets(scope, [id]);
  return { assetId: id, trashed: false };
}

/** Applies to the caller's team's assets among `assetIds` (others are skipped as if they did not exist). */
export async function bulkAction(caller: Caller, body: z.infer<typeof bulkRequest>): Promise<{ changed: number }> {
  if (body.action !== "favorite" && body.action !== "unfavorite") requireOrganize(caller);
  const rows = (
    await db().asset.findMany({
      where: { id: { in: body.assetIds } },
      select: { id: true, createdAt: true, teamId: true },
    })
  ).filter((r) => r.teamId === caller.teamId);
  const ids = rows.map((r) => r.id);
  switch (body.action) {
    case "trash":
      return { changed: await trashAssets(caller, ids) };
    case "restore":
      return { changed: await restoreAssets(caller, ids) };
    case "favorite": {
      const have = new Set(
        (
          await db().favorite.findMany({
            where: { userId: caller.userId, assetId: { in: ids } },
            select: { assetId: true },
          })
        ).map((f) => f.assetId),
      );
      const fresh = rows.filter((r) => !have.has(r.id));
      await db().favorite.createMany({
        data: fresh.map((r) => ({
          userId: caller.userId,
          assetId: r.id,
          teamId: caller.teamId,
          assetCreatedAt: r.createdAt,
        })),
      });
      return { changed: fresh.length };
    }
    case "unfavorite":
      return {
        changed: (await db().favorite.deleteMany({ where: { userId: caller.userId, assetId: { in: ids } } })).count,
      };
    case "addTags": {
      const have = new Set(
        (
          await db().assetTag.findMany({
            where: { assetId: { in: ids }, tag: { in: body.tags } },
            select: { assetId: true, tag: true },
          })
        ).map((t) => `${t.assetId}\n${t.tag}`),
      );
      const data = rows.flatMap((r) =>
        body.tags
          .filter((tag) => !have.has(`${r.id}\n${tag}`))
          .map((tag) => ({ assetId: r.id, tag, teamId: caller.teamId, assetCreatedAt: r.createdAt })),
      );
      if (data.length) await db().assetTag.createMany({ data });
      return { changed: data.length };
    }
    case "removeTags":
      return {
        changed: (await db().assetTag.deleteMany({ where: { assetId: { in: ids }, tag: { in: body.tags } } })).count,
      };
  }
}

/** Tags in use in the team, most used first (the tag editor's autocomplete). */
export async function listTags(scope: Scope, prefix = "", limit = 20) {
  const rows = await db().assetTag.groupBy({
    by: ["tag"],
    where: { teamId: scope.teamId, ...(prefix ? { tag: { startsWith: prefix } } : {}) },
    _count: { tag: true },
    orderBy: { _count: { tag: "desc" } },
    take: limit,
  });
  return rows.map((r) => ({ tag: r.tag, count: r._count.tag }));
}
