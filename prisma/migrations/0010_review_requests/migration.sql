-- CreateTable
CREATE TABLE "ReviewRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "requestedById" TEXT,
    "boardId" TEXT,
    "wholeTeam" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "dueAt" DATETIME,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "completedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReviewRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReviewRequestAsset" (
    "requestId" TEXT NOT NULL,
    "assetId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("requestId", "assetId"),
    CONSTRAINT "ReviewRequestAsset_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ReviewRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReviewRequestAsset_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReviewRequestReviewer" (
    "requestId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "finishedAt" DATETIME,

    PRIMARY KEY ("requestId", "userId"),
    CONSTRAINT "ReviewRequestReviewer_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ReviewRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReviewRequestReviewer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReviewRequestDecision" (
    "requestId" TEXT NOT NULL,
    "assetId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "note" TEXT,
    "decidedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("requestId", "assetId", "userId"),
    CONSTRAINT "ReviewRequestDecision_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ReviewRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReviewRequestDecision_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ReviewRequest_teamId_createdAt_id_idx" ON "ReviewRequest"("teamId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "ReviewRequest_teamId_requestedById_createdAt_idx" ON "ReviewRequest"("teamId", "requestedById", "createdAt");

-- CreateIndex
CREATE INDEX "ReviewRequestAsset_assetId_idx" ON "ReviewRequestAsset"("assetId");

-- CreateIndex
CREATE INDEX "ReviewRequestReviewer_userId_finishedAt_idx" ON "ReviewRequestReviewer"("userId", "finishedAt");

