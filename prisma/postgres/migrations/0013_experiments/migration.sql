-- The PostgreSQL twin of prisma/migrations/0013_experiments (npm run db:pg-twin; review before committing).
-- AlterTable
ALTER TABLE "Generation" ADD COLUMN     "experimentId" TEXT,
ADD COLUMN     "promptVersionId" TEXT;

-- CreateTable
CREATE TABLE "Experiment" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "createdById" TEXT,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "definition" TEXT NOT NULL,
    "rows" TEXT NOT NULL,
    "parentId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Experiment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExperimentCell" (
    "id" TEXT NOT NULL,
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
    "cost" DOUBLE PRECISION,
    "currency" TEXT,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExperimentCell_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExperimentVote" (
    "id" TEXT NOT NULL,
    "experimentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "row" INTEGER NOT NULL,
    "winner" INTEGER,
    "against" INTEGER,
    "pairKey" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExperimentVote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Prompt" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "createdById" TEXT,
    "name" TEXT NOT NULL,
    "tags" TEXT NOT NULL DEFAULT '[]',
    "notes" TEXT,
    "latest" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Prompt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PromptVersion" (
    "id" TEXT NOT NULL,
    "promptId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "variables" TEXT NOT NULL DEFAULT '{}',
    "note" TEXT,
    "source" TEXT NOT NULL DEFAULT 'manual',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PromptVersion_pkey" PRIMARY KEY ("id")
);

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

-- CreateIndex
CREATE INDEX "Generation_experimentId_idx" ON "Generation"("experimentId");

-- CreateIndex
CREATE INDEX "Generation_promptVersionId_idx" ON "Generation"("promptVersionId");

-- AddForeignKey
ALTER TABLE "Generation" ADD CONSTRAINT "Generation_experimentId_fkey" FOREIGN KEY ("experimentId") REFERENCES "Experiment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Generation" ADD CONSTRAINT "Generation_promptVersionId_fkey" FOREIGN KEY ("promptVersionId") REFERENCES "PromptVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExperimentCell" ADD CONSTRAINT "ExperimentCell_experimentId_fkey" FOREIGN KEY ("experimentId") REFERENCES "Experiment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExperimentCell" ADD CONSTRAINT "ExperimentCell_generationId_fkey" FOREIGN KEY ("generationId") REFERENCES "Generation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExperimentVote" ADD CONSTRAINT "ExperimentVote_experimentId_fkey" FOREIGN KEY ("experimentId") REFERENCES "Experiment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromptVersion" ADD CONSTRAINT "PromptVersion_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "Prompt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

