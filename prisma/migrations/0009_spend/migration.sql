-- CreateTable
CREATE TABLE "PriceVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "currency" TEXT NOT NULL,
    "items" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "userId" TEXT,
    "source" TEXT NOT NULL,
    "generationId" TEXT,
    "messageId" TEXT,
    "model" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'reserved',
    "unit" TEXT NOT NULL,
    "units" TEXT NOT NULL DEFAULT '{}',
    "quantity" REAL NOT NULL DEFAULT 0,
    "cost" REAL,
    "charge" REAL NOT NULL DEFAULT 0,
    "currency" TEXT,
    "priceVersionId" TEXT,
    "failed" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "settledAt" DATETIME,
    CONSTRAINT "LedgerEntry_generationId_fkey" FOREIGN KEY ("generationId") REFERENCES "Generation" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "LedgerEntry_priceVersionId_fkey" FOREIGN KEY ("priceVersionId") REFERENCES "PriceVersion" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Budget" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "userId" TEXT NOT NULL DEFAULT '',
    "monthly" REAL,
    "daily" REAL,
    "resetDay" INTEGER NOT NULL DEFAULT 1,
    "maxConcurrent" INTEGER,
    "maxPerHour" INTEGER,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "PriceVersion_createdAt_idx" ON "PriceVersion"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerEntry_generationId_key" ON "LedgerEntry"("generationId");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerEntry_messageId_key" ON "LedgerEntry"("messageId");

-- CreateIndex
CREATE INDEX "LedgerEntry_teamId_createdAt_idx" ON "LedgerEntry"("teamId", "createdAt");

-- CreateIndex
CREATE INDEX "LedgerEntry_teamId_userId_createdAt_idx" ON "LedgerEntry"("teamId", "userId", "createdAt");

-- CreateIndex
CREATE INDEX "LedgerEntry_teamId_state_idx" ON "LedgerEntry"("teamId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "Budget_teamId_userId_key" ON "Budget"("teamId", "userId");

