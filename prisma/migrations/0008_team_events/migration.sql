-- CreateTable
CREATE TABLE "TeamEventStamp" (
    "teamId" TEXT NOT NULL PRIMARY KEY,
    "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "TeamEventStamp_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
