-- Boards get their own order. Hand-written: ADD COLUMN keeps the table (no rebuild), so nothing else is touched.
ALTER TABLE "BoardItem" ADD COLUMN "position" INTEGER NOT NULL DEFAULT 0;

-- Backfill: each board's items in the order they were added (then by asset id), numbered from 0.
UPDATE "BoardItem" SET "position" = (
    SELECT count(*) FROM "BoardItem" o
    WHERE o."boardId" = "BoardItem"."boardId"
      AND (o."addedAt" < "BoardItem"."addedAt"
           OR (o."addedAt" = "BoardItem"."addedAt" AND o."assetId" < "BoardItem"."assetId"))
);

-- CreateIndex
CREATE INDEX "BoardItem_boardId_position_assetId_idx" ON "BoardItem"("boardId", "position", "assetId");
