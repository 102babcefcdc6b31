-- CreateTable
CREATE TABLE "Voice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "owner" TEXT NOT NULL DEFAULT 'local',
    "voiceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "gender" TEXT,
    "age" TEXT,
    "labels" TEXT NOT NULL DEFAULT '[]',
    "scenes" TEXT NOT NULL DEFAULT '[]',
    "language" TEXT,
    "source" TEXT NOT NULL,
    "sampleAssetId" TEXT,
    "generationId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SeedanceAsset" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "owner" TEXT NOT NULL DEFAULT 'local',
    "upstreamId" TEXT,
    "groupId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "assetType" TEXT NOT NULL,
    "sourceUrl" TEXT,
    "studioAssetId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'Processing',
    "error" TEXT,
    "upstreamUrl" TEXT,
    "requestIds" TEXT NOT NULL DEFAULT '[]',
    "nextCheckAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Conversation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "owner" TEXT NOT NULL DEFAULT 'local',
    "title" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "settings" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Message" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "conversationId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "content" TEXT NOT NULL DEFAULT '',
    "attachments" TEXT NOT NULL DEFAULT '[]',
    "reasoning" TEXT,
    "model" TEXT,
    "usage" TEXT,
    "finishReason" TEXT,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Message_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Voice_owner_voiceId_key" ON "Voice"("owner", "voiceId");

-- CreateIndex
CREATE INDEX "SeedanceAsset_owner_status_idx" ON "SeedanceAsset"("owner", "status");

-- CreateIndex
CREATE INDEX "Conversation_owner_updatedAt_idx" ON "Conversation"("owner", "updatedAt");

-- CreateIndex
CREATE INDEX "Message_conversationId_position_idx" ON "Message"("conversationId", "position");

