-- CreateTable
CREATE TABLE "BudgetAlert" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "budget" TEXT NOT NULL,
    "userId" TEXT NOT NULL DEFAULT '',
    "since" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "BudgetAlert_teamId_budget_userId_since_key" ON "BudgetAlert"("teamId", "budget", "userId", "since");

