-- Written by hand instead of Prisma's table rebuild, which would drop the gallery's search trigger on "Generation".
ALTER TABLE "Generation" ADD COLUMN "callback" BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX "Generation_nextPollAt_idx" ON "Generation"("nextPollAt");
-- Its replacement: with status first, SQLite sorted every due row before taking the first batch.
DROP INDEX "Generation_status_nextPollAt_idx";
