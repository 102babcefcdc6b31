import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Scope } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { boardItemsRequest, createBoardRequest, updateBoardRequest } from "./schema";

export { boardItemsRequest, createBoardRequest, updateBoardRequest };

export interface BoardView {
  id: string;
  name: string;
  itemCount: number;
  coverAssetId?: string;
  coverUrl?: string;
  createdBy: { id: string; name: string } | null;
  createdAt: string;
  updatedAt: string;
}

type Row = {
  id: string;
  name: string;
  coverAssetId: string | null;
  createdAt: Date;
  updatedAt: Date;
  createdBy: { id: string; name: string } | null;
  _count: { items: number };
  items: { assetId: string }[];
};
const include = {
  createdBy: { select: { id: true, name: true } },
  _count: { select: { items: true } },
  items: { select: { assetId: true }, orderBy: { addedAt: "desc" as const }, take: 1 },
};

function view(b: Row): BoardView {
  // Without a chosen cover, the latest added item is the cover.
  const cover = b.coverAssetId ?? b.items[0]?.assetId;
  return {
    id: b.id,
    name: b.name,
    itemCount: b._count.items,
    ...(cover ? { coverAssetId: cover, coverUrl: `/api/v1/assets/${cover}/thumbnail` } : {}),
    createdBy: b.createdBy,
    createdAt: b.createdAt.toISOString(),
    updatedAt: b.updatedAt.toISOString(),
  };
}

/** The team's boards, most recently changed first (a team has tens of boards, not thousands). */
export async function listBoards(scope: Scope): Promise<BoardView[]> {
  const rows = await db().board.findMany({
    where: { teamId: scope.teamId },
    include,
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: 500,
  });
  return rows.map(view);
}

export async function getBoard(scope: Scope, id: string): Promise<BoardView> {
  const b = await db().board.findFirst({ where: { id, teamId: scope.teamId }, include });
  if (!b) throw new AppError("not_found", `board ${id} does not exist`);
  return view(b);
}

export async function createBoard(scope: Scope, body: z.infer<typeof createBoardRequest>): Promise<BoardView> {
  const b = await db().board.create({
    data: { id: randomUUID(), teamId: scope.teamId, createdById: scope.userId, name: body.name },
    include,
  });
  return view(b);
}

export async function updateBoard(
  scope: Scope,
  id: string,
  body: z.infer<typeof updateBoardRequest>,
): Promise<BoardView> {
  await getBoard(scope, id);
  if (
    body.coverAssetId &&
    !(await db().asset.findFirst({ where: { id: body.coverAssetId, teamId: scope.teamId }, select: { id: true } }))
  ) {
    throw new AppError("validation_failed", `asset ${body.coverAssetId} does not exist`, "coverAssetId");
  }
  const b = await db().board.update({
    where: { id },
    data: {
      ...(body.name ? { name: body.name } : {}),
      ...(body.coverAssetId !== undefined ? { coverAssetId: body.coverAssetId } : {}),
    },
    include,
  });
  return view(b);
}

/** Deleting a board keeps its assets. */
export async function deleteBoard(scope: Scope, id: string): Promise<void> {
  await getBoard(scope, id);
  await db().board.delete({ where: { id } });
}

/** Add the team's assets among `assetIds` (others are skipped); adding one twice is a no-op. */
export async function addBoardItems(
  scope: Scope,
  id: string,
  assetIds: string[],
): Promise<{ added: number; board: BoardView }> {
  await getBoard(scope, id);
  // By id alone, then the team's (see listAssetsById: a teamId term makes SQLite walk the whole team).
  const assets = (
    await db().asset.findMany({ where: { id: { in: assetIds } }, select: { id: true, createdAt: true, teamId: true } })
  ).filter((a) => a.teamId === scope.teamId);
  const have = new Set(
    (
      await db().boardItem.findMany({
        where: { boardId: id, assetId: { in: assets.map((a) => a.id) } },
        select: { assetId: true },
      })
    ).map((i) => i.assetId),
  );
  const fresh = assets.filter((a) => !have.has(a.id));
  await db().$transaction([
    db().boardItem.createMany({
      data: fresh.map((a) => ({ boardId: id, assetId: a.id, assetCreatedAt: a.createdAt })),
    }),
    db().board.update({ where: { id }, data: { updatedAt: new Date() } }),
  ]);
  return { added: fresh.length, board: await getBoard(scope, id) };
}

export async function removeBoardItems(
  scope: Scope,
  id: string,
  assetIds: string[],
): Promise<{ removed: number; board: BoardView }> {
  await getBoard(scope, id);
  const [r] = await db().$transaction([
    db().boardItem.deleteMany({ where: { boardId: id, assetId: { in: assetIds } } }),
    db().board.update({ where: { id }, data: { updatedAt: new Date() } }),
  ]);
  return { removed: r.count, board: await getBoard(scope, id) };
}
