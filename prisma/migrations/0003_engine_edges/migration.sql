-- AlterTable
ALTER TABLE "Generation" ADD COLUMN "phase" TEXT;

-- AlterTable
ALTER TABLE "Asset" ADD COLUMN "archiveClaim" TEXT;

-- CreateIndex
CREATE INDEX "Generation_phase_idx" ON "Generation"("phase");

