-- CreateTable
CREATE TABLE "Experiment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "createdById" TEXT,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "definition" TEXT NOT NULL,
    "rows" TEXT NOT NULL,
    "parentId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "ExperimentCell" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "experimentId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    "row" INTEGER NOT NULL,
    "variant" INTEGER NOT NULL,
    "seed" INTEGER,
    "prompt" TEXT NOT NULL,
    "params" TEXT NOT NULL DEFAULT '{}',
    "state" TEXT NOT NULL DEFAULT 'waiting',
    "generationId" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "output" TEXT,
    "usage" TEXT,
    "latencyMs" INTEGER,
    "cost" REAL,
    "currency" TEXT,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ExperimentCell_experimentId_fkey" FOREIGN KEY ("experimentId") REFERENCES "Experiment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ExperimentCell_generationId_fkey" FOREIGN KEY ("generationId") REFERENCES "Generation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExperimentVote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "experimentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "row" INTEGER NOT NULL,
    "winner" INTEGER,
    "against" INTEGER,
    "pairKey" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ExperimentVote_experimentId_fkey" FOREIGN KEY ("experimentId") REFERENCES "Experiment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Prompt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "createdById" TEXT,
    "name" TEXT NOT NULL,
    "tags" TEXT NOT NULL DEFAULT '[]',
    "notes" TEXT,
    "latest" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PromptVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "promptId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "variables" TEXT NOT NULL DEFAULT '{}',
    "note" TEXT,
    "source" TEXT NOT NULL DEFAULT 'manual',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PromptVersion_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "Prompt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable: columns added in place (not a table rebuild), so the Generation FTS trigger of 0004_gallery stays
ALTER TABLE "Generation" ADD COLUMN "experimentId" TEXT REFERENCES "Experiment" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Generation" ADD COLUMN "promptVersionId" TEXT REFERENCES "PromptVersion" ("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "Generation_experimentId_idx" ON "Generation"("experimentId");

-- CreateIndex
CREATE INDEX "Generation_promptVersionId_idx" ON "Generation"("promptVersionId");

-- CreateIndex
CREATE INDEX "Experiment_teamId_createdAt_id_idx" ON "Experiment"("teamId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Experiment_teamId_status_idx" ON "Experiment"("teamId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ExperimentCell_generationId_key" ON "ExperimentCell"("generationId");

-- CreateIndex
CREATE INDEX "ExperimentCell_teamId_state_idx" ON "ExperimentCell"("teamId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "ExperimentCell_experimentId_n_key" ON "ExperimentCell"("experimentId", "n");

-- CreateIndex
CREATE INDEX "ExperimentVote_experimentId_row_idx" ON "ExperimentVote"("experimentId", "row");

-- CreateIndex
CREATE UNIQUE INDEX "ExperimentVote_experimentId_userId_row_pairKey_key" ON "ExperimentVote"("experimentId", "userId", "row", "pairKey");

-- CreateIndex
CREATE INDEX "Prompt_teamId_updatedAt_id_idx" ON "Prompt"("teamId", "updatedAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Prompt_teamId_name_key" ON "Prompt"("teamId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "PromptVersion_promptId_version_key" ON "PromptVersion"("promptId", "version");

