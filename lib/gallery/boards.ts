import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Scope } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { boardItemsRequest, createBoardRequest, reorderBoardRequest, updateBoardRequest } from "./schema";

export { boardItemsRequest, createBoardRequest, reorderBoardRequest, updateBoardRequest };

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
  const given = new Map(assetIds.map((a, n) => [a, n]));
  const fresh = assets.filter((a) => !have.has(a.id)).sort((a, b) => given.get(a.id)! - given.get(b.id)!);
  // New items go last, in the order they were given.
  const end = (await db().boardItem.aggregate({ where: { boardId: id }, _max: { position: true } }))._max.position;
  const first = end == null ? 0 : end + 1;
  await db().$transaction([
    db().boardItem.createMany({
      data: fresh.map((a, n) => ({ boardId: id, assetId: a.id, assetCreatedAt: a.createdAt, position: first + n })),
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

/**
 * Move one item of the board before another (`before`), or to the end (`before: null`). One UPDATE shifts the
 * items from `before` on by one (an index range on (boardId, position)), then the moved item takes the free slot.
 */
export async function reorderBoardItem(
  scope: Scope,
  id: string,
  body: z.infer<typeof reorderBoardRequest>,
): Promise<{ board: BoardView }> {
  await getBoard(scope, id);
  const at = (assetId: string, field: string) =>
    db()
      .boardItem.findUnique({ where: { boardId_assetId: { boardId: id, assetId } }, select: { position: true } })
      .then((r) => {
        if (!r) throw new AppError("validation_failed", `asset ${assetId} is not on this board`, field);
        return r.position;
      });
  await at(body.assetId, "assetId");
  if (body.before === body.assetId) return { board: await getBoard(scope, id) };
  const target = body.before ? await at(body.before, "before") : null;
  await db().$transaction(async (tx) => {
    let position: number;
    if (target !== null) {
      position = target;
      await tx.boardItem.updateMany({
        where: { boardId: id, position: { gte: position }, assetId: { not: body.assetId } },
        data: { position: { increment: 1 } },
      });
    } else {
      const end = (await tx.boardItem.aggregate({ where: { boardId: id }, _max: { position: true } }))._max.position;
      position = (end ?? 0) + 1;
    }
    await tx.boardItem.update({
      where: { boardId_assetId: { boardId: id, assetId: body.assetId } },
      data: { position },
    });
    await tx.board.update({ where: { id }, data: { updatedAt: new Date() } });
  });
  return { board: await getBoard(scope, id) };
}
