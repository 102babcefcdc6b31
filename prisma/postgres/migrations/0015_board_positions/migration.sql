-- The PostgreSQL twin of prisma/migrations/0015_board_positions (npm run db:pg-twin; review before committing).
-- AlterTable
ALTER TABLE "BoardItem" ADD COLUMN     "position" INTEGER NOT NULL DEFAULT 0;

-- Backfill (ported from the SQLite migration): each board's items in the order they were added, then by asset id.
UPDATE "BoardItem" b SET "position" = o.n
FROM (
    SELECT "boardId", "assetId",
           (ROW_NUMBER() OVER (PARTITION BY "boardId" ORDER BY "addedAt", "assetId") - 1)::int AS n
    FROM "BoardItem"
) o
WHERE o."boardId" = b."boardId" AND o."assetId" = b."assetId";

-- CreateIndex
CREATE INDEX "BoardItem_boardId_position_assetId_idx" ON "BoardItem"("boardId", "position", "assetId");

