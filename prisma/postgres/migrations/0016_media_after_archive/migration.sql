-- The PostgreSQL twin of prisma/migrations/0016_media_after_archive (npm run db:pg-twin; review before committing).
-- AlterTable
ALTER TABLE "Asset" ADD COLUMN     "mediaClaimUntil" TIMESTAMP(3),
ADD COLUMN     "mediaState" TEXT;

-- CreateIndex
CREATE INDEX "Asset_mediaState_mediaClaimUntil_idx" ON "Asset"("mediaState", "mediaClaimUntil");

