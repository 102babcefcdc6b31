-- Posters, thumbnails and probed facts are made after an output is stored, by their own queue. Hand-written:
-- ADD COLUMN keeps the table (no rebuild, the FTS triggers stay). Existing rows keep null: nothing to make.
ALTER TABLE "Asset" ADD COLUMN "mediaState" TEXT;
ALTER TABLE "Asset" ADD COLUMN "mediaClaimUntil" DATETIME;

-- CreateIndex
CREATE INDEX "Asset_mediaState_mediaClaimUntil_idx" ON "Asset"("mediaState", "mediaClaimUntil");
