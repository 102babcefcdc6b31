-- CreateTable
CREATE TABLE "Generation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "owner" TEXT NOT NULL DEFAULT 'local',
    "model" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "prompt" TEXT,
    "params" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'queued',
    "upstreamTaskId" TEXT,
    "upstreamStatus" TEXT,
    "requestIds" TEXT NOT NULL DEFAULT '[]',
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "progress" INTEGER,
    "usage" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedAt" DATETIME,
    "finishedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    "nextPollAt" DATETIME,
    "leaseOwner" TEXT,
    "leaseExpiresAt" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "Asset" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "owner" TEXT NOT NULL DEFAULT 'local',
    "kind" TEXT NOT NULL,
    "role" TEXT,
    "mime" TEXT,
    "size" INTEGER,
    "sha256" TEXT,
    "width" INTEGER,
    "height" INTEGER,
    "durationSeconds" REAL,
    "storageKey" TEXT,
    "posterKey" TEXT,
    "origin" TEXT NOT NULL,
    "generationId" TEXT,
    "upstreamUrl" TEXT,
    "upstreamExpiresAt" DATETIME,
    "archiveState" TEXT NOT NULL DEFAULT 'temporary',
    "archiveAttempts" INTEGER NOT NULL DEFAULT 0,
    "archiveError" TEXT,
    "nextArchiveAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Asset_generationId_fkey" FOREIGN KEY ("generationId") REFERENCES "Generation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GenerationInput" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "generationId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "assetId" TEXT,
    "url" TEXT,
    CONSTRAINT "GenerationInput_generationId_fkey" FOREIGN KEY ("generationId") REFERENCES "Generation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "GenerationInput_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Generation_status_nextPollAt_idx" ON "Generation"("status", "nextPollAt");

-- CreateIndex
CREATE INDEX "Generation_createdAt_idx" ON "Generation"("createdAt");

-- CreateIndex
CREATE INDEX "Asset_generationId_idx" ON "Asset"("generationId");

-- CreateIndex
CREATE INDEX "Asset_archiveState_nextArchiveAt_idx" ON "Asset"("archiveState", "nextArchiveAt");

-- CreateIndex
CREATE INDEX "GenerationInput_generationId_idx" ON "GenerationInput"("generationId");

