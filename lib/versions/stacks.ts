import "server-only";
import type { Scope } from "@/lib/auth/scope";
import { getModel } from "@/lib/catalog";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { getAsset } from "@/lib/assets/list";
import { settingChanges, type SettingChange } from "./diff";

type Tx = Prisma.TransactionClient;

/** The asset kind a model makes (speech makes audio). */
const OUTPUT_KIND: Record<string, string> = { video: "video", image: "image", speech: "audio" };

/**
 * `versionOf` of a create: an asset of the caller's team (another team's is a 404, as if it did not exist), not in
 * the trash, of the kind this model makes — checked before anything is spent.
 */
export async function checkVersionSource(scope: Scope, assetId: string, modelId: string): Promise<void> {
  const a = await db().asset.findFirst({
    where: { id: assetId, teamId: scope.teamId },
    select: { kind: true, trashedAt: true },
  });
  if (!a) throw new AppError("not_found", `versionOf: asset ${assetId} does not exist`, "versionOf");
  if (a.trashedAt)
    throw new AppError(
      "validation_failed",
      `versionOf: asset ${assetId} is in the trash; restore it first`,
      "versionOf",
    );
  const kind = OUTPUT_KIND[getModel(modelId)?.kind ?? ""];
  if (kind && a.kind !== kind)
    throw new AppError(
      "validation_failed",
      `versionOf: asset ${assetId} is ${a.kind}; this model makes ${kind}, so it cannot be a new version of it`,
      "versionOf",
    );
}

/**
 * A finished generation's main outputs join the stack of the asset it is a new version of (inside the transaction
 * that writes them): the source becomes v1 when it was alone, each output the next number. Last frames stay out.
 * A source deleted meanwhile leaves the outputs on their own.
 */
export async function joinStack(tx: Tx, teamId: string | null, sourceId: string, assetIds: string[]): Promise<void> {
  if (!assetIds.length || !teamId) return;
  const source = await tx.asset.findFirst({ where: { id: sourceId, teamId }, select: { id: true, stackId: true } });
  if (!source) return;
  const stackId = source.stackId ?? source.id;
  if (!source.stackId) await tx.asset.update({ where: { id: source.id }, data: { stackId, stackVersion: 1 } });
  let n = (await tx.asset.aggregate({ where: { stackId }, _max: { stackVersion: true } }))._max.stackVersion ?? 1;
  for (const id of assetIds) await tx.asset.update({ where: { id }, data: { stackId, stackVersion: ++n } });
}

export interface VersionItem {
  assetId: string;
  version: number;
  kind: string;
  createdAt: string;
  generationId?: string;
  model?: string;
  mode?: string;
  prompt?: string;
  params: Record<string, unknown>;
  creator: { id: string; name: string } | null;
  reviewState: string;
  /** Comments are per asset, so a version's comments are its own. */
  commentCount: number;
  thumbnailUrl: string;
  fileUrl?: string;
  posterUrl?: string;
  /** What changed from the version before it (absent for v1). */
  changes?: SettingChange[];
}

export interface StackSummary {
  /** The id of the stack (its v1's asset id). */
  id: string;
  /** This asset's number in it. */
  version: number;
  /** Versions not in the trash. */
  count: number;
  latestAssetId: string;
}

/** The asset's stack, newest version first; `stack: null, versions: []` for an asset that is alone. */
export async function versionsOf(
  scope: Scope,
  assetId: string,
): Promise<{ stack: StackSummary | null; versions: VersionItem[] }> {
  const asset = await getAsset(scope, assetId);
  if (!asset.stackId || asset.stackVersion == null) return { stack: null, versions: [] };
  const rows = await db().asset.findMany({
    where: { stackId: asset.stackId, teamId: scope.teamId, OR: [{ trashedAt: null }, { id: asset.id }] },
    orderBy: { stackVersion: "desc" },
    include: {
      generation: { select: { id: true, model: true, mode: true, prompt: true, params: true } },
      createdBy: { select: { id: true, name: true } },
      _count: { select: { comments: true } },
    },
  });
  const items: VersionItem[] = rows.map((a) => {
    const saved = a.origin === "upload" || a.archiveState === "archived";
    const g = a.generation;
    return {
      assetId: a.id,
      version: a.stackVersion ?? 1,
      kind: a.kind,
      createdAt: a.createdAt.toISOString(),
      ...(g ? { generationId: g.id, model: g.model, mode: g.mode } : {}),
      ...(g?.prompt ? { prompt: g.prompt } : {}),
      params: g ? (JSON.parse(g.params || "{}") as Record<string, unknown>) : {},
      creator: a.createdBy ? { id: a.createdBy.id, name: a.createdBy.name } : null,
      reviewState: a.reviewState,
      commentCount: a._count.comments,
      thumbnailUrl: `/api/v1/assets/${a.id}/thumbnail`,
      ...(saved && a.storageKey ? { fileUrl: `/api/v1/assets/${a.id}/file` } : {}),
      ...(saved && a.posterKey ? { posterUrl: `/api/v1/assets/${a.id}/poster` } : {}),
    };
  });
  items.forEach((v, i) => {
    const before = items[i + 1];
    if (before) v.changes = settingChanges(before, v);
  });
  const live = rows.filter((r) => !r.trashedAt);
  return {
    stack: {
      id: asset.stackId,
      version: asset.stackVersion,
      count: live.length,
      latestAssetId: (live[0] ?? rows[0]).id,
    },
    versions: items,
  };
}
