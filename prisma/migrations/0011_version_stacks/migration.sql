-- Version stacks (issue 13). Plain ADD COLUMN on purpose: a table rebuild would drop the gallery's FTS triggers.
ALTER TABLE "Generation" ADD COLUMN "versionOf" TEXT;

ALTER TABLE "Asset" ADD COLUMN "stackId" TEXT;
ALTER TABLE "Asset" ADD COLUMN "stackVersion" INTEGER;

CREATE INDEX "Asset_stackId_stackVersion_idx" ON "Asset"("stackId", "stackVersion");
