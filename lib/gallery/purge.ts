import "server-only";
import type { Scope } from "@/lib/auth/scope";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { removeKey, storage } from "@/lib/storage";

/**
 * The trash's end: assets trashed longer than STUDIO_TRASH_DAYS (or all of a team's, on "empty trash") go with their
 * files, and a sweeper removes stored files no row references. Assets still used as an input of a generation, a
 * voice sample or a Seedance library item are kept (their rows stay trashed): the record of what was made from them
 * must not point at nothing.
 */

const BATCH = 200;
/** Folders that hold asset files; anything else under the storage root is not the sweeper's business. */
const ASSET_DIRS = ["outputs", "uploads", "demo"];
/** A file younger than this is never swept: a writer renames its file into place before the row points at it. */
const SWEEP_GRACE_MS = 24 * 3600_000;

async function purgeRows(where: { teamId?: string; trashedBefore: Date }): Promise<number> {
  let purged = 0;
  for (;;) {
    const rows = await db().asset.findMany({
      where: {
        ...(where.teamId ? { teamId: where.teamId } : {}),
        trashedAt: { not: null, lte: where.trashedBefore },
        usedBy: { none: {} },
      },
      select: { id: true, storageKey: true, posterKey: true, thumbKey: true },
      take: BATCH,
    });
    if (!rows.length) return purged;
    const ids = rows.map((r) => r.id);
    const kept = new Set(
      [
        ...(await db().voice.findMany({ where: { sampleAssetId: { in: ids } }, select: { sampleAssetId: true } })).map(
          (v) => v.sampleAssetId,
        ),
        ...(
          await db().seedanceAsset.findMany({ where: { studioAssetId: { in: ids } }, select: { studioAssetId: true } })
        ).map((s) => s.studioAssetId),
      ].filter(Boolean),
    );
    const gone = rows.filter((r) => !kept.has(r.id));
    if (!gone.length) return purged;
    const goneIds = gone.map((r) => r.id);
    // Rows first (children spelled out: not every connection enforces foreign keys), then files no row still names.
    await db().$transaction([
      db().assetTag.deleteMany({ where: { assetId: { in: goneIds } } }),
      db().favorite.deleteMany({ where: { assetId: { in: goneIds } } }),
      db().boardItem.deleteMany({ where: { assetId: { in: goneIds } } }),
      db().share.deleteMany({ where: { assetId: { in: goneIds } } }),
      db().asset.deleteMany({ where: { id: { in: goneIds } } }),
    ]);
    const keys = [...new Set(gone.flatMap((r) => [r.storageKey, r.posterKey, r.thumbKey]).filter((k) => k !== null))];
    const still = await referenced(keys);
    for (const k of keys) if (!still.has(k)) await removeKey(k);
    purged += gone.length;
    if (gone.length < rows.length) return purged;
  }
}

/** The keys among `keys` some asset row still names (demo thumbnails are shared by many rows, for one). */
async function referenced(keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows = await db().asset.findMany({
    where: { OR: [{ storageKey: { in: keys } }, { posterKey: { in: keys } }, { thumbKey: { in: keys } }] },
    select: { storageKey: true, posterKey: true, thumbKey: true },
  });
  return new Set(rows.flatMap((r) => [r.storageKey, r.posterKey, r.thumbKey]).filter((k) => k !== null));
}

/** Purge what has been in the trash longer than STUDIO_TRASH_DAYS, every team. → assets purged. */
export async function purgeExpiredTrash(now = new Date()): Promise<number> {
  return purgeRows({ trashedBefore: new Date(now.getTime() - config().STUDIO_TRASH_DAYS * 86_400_000) });
}

/** "Empty trash": the team's whole trash now. → assets purged (those still used as inputs stay). */
export async function emptyTrash(scope: Scope): Promise<{ purged: number }> {
  return { purged: await purgeRows({ teamId: scope.teamId, trashedBefore: new Date() }) };
}

/**
 * Remove stored files under the asset folders that no asset row references and that are older than a day. Temp
 * files (`.part`, `.incoming`) are left to their own sweeper; the walk is bounded to `limit` files per call.
 */
export async function sweepOrphanFiles(opts: { now?: Date; limit?: number } = {}): Promise<number> {
  const before = (opts.now ?? new Date()).getTime() - SWEEP_GRACE_MS;
  const limit = opts.limit ?? 20_000;
  let seen = 0;
  let removed = 0;
  const pending: string[] = [];
  const flush = async () => {
    const keys = pending.splice(0);
    const still = await referenced(keys);
    for (const k of keys) {
      if (still.has(k)) continue;
      await removeKey(k);
      removed++;
    }
  };
  // The backend's listing (a folder walk on disk, ListObjectsV2 on a bucket) never includes temp files.
  walk: for (const d of ASSET_DIRS) {
    for await (const page of storage().list(`${d}/`)) {
      for (const o of page) {
        if (seen++ >= limit) break walk;
        if (o.mtime.getTime() >= before) continue;
        pending.push(o.key);
        if (pending.length >= BATCH) await flush();
      }
    }
  }
  await flush();
  return removed;
}
