import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { decodeCursor, encodeCursor } from "./cursor";
import type { OpenShare } from "./shares";

/** What a share link shows of one asset: its media, and its prompt and settings only when the link says so. */
export interface SharedItem {
  assetId: string;
  kind: string;
  mime: string;
  width?: number;
  height?: number;
  durationSeconds?: number;
  title?: string;
  createdAt: string;
  /** Absent while the file is not on the studio's storage. */
  fileUrl?: string;
  thumbnailUrl: string;
  downloadUrl?: string;
  prompt?: string;
  model?: string;
  mode?: string;
  params?: Record<string, unknown>;
}

const select = {
  id: true,
  kind: true,
  mime: true,
  width: true,
  height: true,
  durationSeconds: true,
  title: true,
  createdAt: true,
  storageKey: true,
  origin: true,
  archiveState: true,
  model: true,
  mode: true,
  generation: { select: { prompt: true, params: true } },
} as const;

type Row = {
  id: string;
  kind: string;
  mime: string | null;
  width: number | null;
  height: number | null;
  durationSeconds: number | null;
  title: string | null;
  createdAt: Date;
  storageKey: string | null;
  origin: string;
  archiveState: string;
  model: string | null;
  mode: string | null;
  generation: { prompt: string | null; params: string } | null;
};

function parseParams(json: string): Record<string, unknown> | undefined {
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function item(share: OpenShare, token: string, a: Row): SharedItem {
  const base = `/api/v1/s/${token}/assets/${a.id}`;
  const saved = !!a.storageKey && (a.origin === "upload" || a.archiveState === "archived");
  return {
    assetId: a.id,
    kind: a.kind,
    mime: a.mime ?? "application/octet-stream",
    ...(a.width ? { width: a.width } : {}),
    ...(a.height ? { height: a.height } : {}),
    ...(a.durationSeconds ? { durationSeconds: a.durationSeconds } : {}),
    ...(a.title ? { title: a.title } : {}),
    createdAt: a.createdAt.toISOString(),
    ...(saved ? { fileUrl: `${base}/file` } : {}),
    thumbnailUrl: `${base}/thumbnail`,
    ...(saved && share.allowDownload ? { downloadUrl: `${base}/file?download=1` } : {}),
    ...(share.showPrompt
      ? {
          ...(a.generation?.prompt ? { prompt: a.generation.prompt } : {}),
          ...(a.model ? { model: a.model } : {}),
          ...(a.mode ? { mode: a.mode } : {}),
          ...(a.generation ? { params: parseParams(a.generation.params) } : {}),
        }
      : {}),
  };
}

const PAGE = 60;

/** The shared asset, or one page of the shared board (in the board's order, keyset on (position, assetId)). */
export async function sharedItems(
  share: OpenShare,
  token: string,
  cursor?: string,
): Promise<{ items: SharedItem[]; nextCursor: string | null }> {
  if (share.assetId) {
    const a = await db().asset.findFirst({ where: { id: share.assetId, teamId: share.teamId }, select });
    return { items: a ? [item(share, token, a)] : [], nextCursor: null };
  }
  const c = cursor ? decodeCursor(cursor) : undefined;
  const rows = await db().boardItem.findMany({
    where: {
      boardId: share.boardId ?? "",
      asset: { teamId: share.teamId, trashedAt: null },
      ...(c
        ? {
            OR: [{ position: { gt: c.rating ?? 0 } }, { position: c.rating ?? 0, assetId: { gt: c.id } }],
          }
        : {}),
    },
    orderBy: [{ position: "asc" }, { assetId: "asc" }],
    take: PAGE + 1,
    select: { assetCreatedAt: true, assetId: true, position: true, asset: { select } },
  });
  const page = rows.slice(0, PAGE);
  const last = page.at(-1);
  return {
    items: page.map((r) => item(share, token, r.asset)),
    nextCursor:
      rows.length > PAGE && last
        ? encodeCursor({ createdAt: last.assetCreatedAt.toISOString(), id: last.assetId, rating: last.position })
        : null,
  };
}

/** An asset the share covers (the shared one, or an item of the shared board that is not in the trash), else 404. */
export async function sharedAsset(share: OpenShare, assetId: string) {
  const inShare = share.assetId
    ? share.assetId === assetId
    : !!(await db().boardItem.findFirst({
        where: { boardId: share.boardId ?? "", assetId },
        select: { assetId: true },
      }));
  const a = inShare
    ? await db().asset.findFirst({ where: { id: assetId, teamId: share.teamId, trashedAt: null } })
    : null;
  if (!a) throw new AppError("not_found", `asset ${assetId} is not part of this link`);
  return a;
}
