-- AlterTable
ALTER TABLE "Asset" ADD COLUMN "mode" TEXT;
ALTER TABLE "Asset" ADD COLUMN "model" TEXT;
ALTER TABLE "Asset" ADD COLUMN "thumbKey" TEXT;
ALTER TABLE "Asset" ADD COLUMN "thumbhash" TEXT;
ALTER TABLE "Asset" ADD COLUMN "title" TEXT;
ALTER TABLE "Asset" ADD COLUMN "trashedAt" DATETIME;

-- CreateTable
CREATE TABLE "AssetTag" (
    "assetId" TEXT NOT NULL,
    "tag" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "assetCreatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("assetId", "tag"),
    CONSTRAINT "AssetTag_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Favorite" (
    "userId" TEXT NOT NULL,
    "assetId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "assetCreatedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("userId", "assetId"),
    CONSTRAINT "Favorite_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Favorite_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Board" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "createdById" TEXT,
    "name" TEXT NOT NULL,
    "coverAssetId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Board_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Board_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BoardItem" (
    "boardId" TEXT NOT NULL,
    "assetId" TEXT NOT NULL,
    "assetCreatedAt" DATETIME NOT NULL,
    "addedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("boardId", "assetId"),
    CONSTRAINT "BoardItem_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BoardItem_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "AssetTag_teamId_tag_assetCreatedAt_assetId_idx" ON "AssetTag"("teamId", "tag", "assetCreatedAt", "assetId");

-- CreateIndex
CREATE INDEX "Favorite_userId_teamId_assetCreatedAt_assetId_idx" ON "Favorite"("userId", "teamId", "assetCreatedAt", "assetId");

-- CreateIndex
CREATE INDEX "Favorite_assetId_idx" ON "Favorite"("assetId");

-- CreateIndex
CREATE INDEX "Board_teamId_updatedAt_idx" ON "Board"("teamId", "updatedAt");

-- CreateIndex
CREATE INDEX "BoardItem_boardId_assetCreatedAt_assetId_idx" ON "BoardItem"("boardId", "assetCreatedAt", "assetId");

-- CreateIndex
CREATE INDEX "BoardItem_assetId_idx" ON "BoardItem"("assetId");

-- CreateIndex
CREATE INDEX "Asset_teamId_origin_createdAt_id_idx" ON "Asset"("teamId", "origin", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Asset_teamId_kind_createdAt_id_idx" ON "Asset"("teamId", "kind", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Asset_teamId_model_createdAt_id_idx" ON "Asset"("teamId", "model", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Asset_teamId_mode_createdAt_id_idx" ON "Asset"("teamId", "mode", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Asset_teamId_createdById_createdAt_id_idx" ON "Asset"("teamId", "createdById", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Asset_teamId_trashedAt_idx" ON "Asset"("teamId", "trashedAt");

-- CreateIndex
CREATE INDEX "GenerationInput_assetId_idx" ON "GenerationInput"("assetId");


-- Outputs carry their generation's model and mode (the gallery filters on them without a join).
UPDATE "Asset" SET "model" = (SELECT g."model" FROM "Generation" g WHERE g."id" = "Asset"."generationId"),
                   "mode" = (SELECT g."mode" FROM "Generation" g WHERE g."id" = "Asset"."generationId")
WHERE "generationId" IS NOT NULL;

-- Gallery search (raw SQL: Prisma's schema cannot describe FTS5). One row per asset, rowid = the asset's
-- rowid, body = title, the generation's prompt and the tags. The trigram tokenizer matches any substring of
-- three or more characters, so Chinese needs no word segmentation; shorter queries use LIKE (lib/gallery/search.ts).
-- Kept in step by the triggers below; lib/gallery/search.ts rebuildSearchIndex() refills it (e.g. after a VACUUM,
-- which may renumber rowids).
CREATE VIRTUAL TABLE "asset_search" USING fts5("body", tokenize = 'trigram');

INSERT INTO "asset_search"("rowid", "body")
SELECT a."rowid", coalesce(a."title", '') || char(10) || coalesce((SELECT g."prompt" FROM "Generation" g WHERE g."id" = a."generationId"), '') || char(10) || coalesce((SELECT group_concat(t."tag", ' ') FROM "AssetTag" t WHERE t."assetId" = a."id"), '')
FROM "Asset" a;

CREATE TRIGGER "asset_search_ai" AFTER INSERT ON "Asset" BEGIN
  INSERT INTO "asset_search"("rowid", "body")
  SELECT a."rowid", coalesce(a."title", '') || char(10) || coalesce((SELECT g."prompt" FROM "Generation" g WHERE g."id" = a."generationId"), '') || char(10) || coalesce((SELECT group_concat(t."tag", ' ') FROM "AssetTag" t WHERE t."assetId" = a."id"), '')
  FROM "Asset" a WHERE a."id" = NEW."id";
END;

CREATE TRIGGER "asset_search_au" AFTER UPDATE OF "title", "generationId" ON "Asset" BEGIN
  DELETE FROM "asset_search" WHERE "rowid" = OLD."rowid";
  INSERT INTO "asset_search"("rowid", "body")
  SELECT a."rowid", coalesce(a."title", '') || char(10) || coalesce((SELECT g."prompt" FROM "Generation" g WHERE g."id" = a."generationId"), '') || char(10) || coalesce((SELECT group_concat(t."tag", ' ') FROM "AssetTag" t WHERE t."assetId" = a."id"), '')
  FROM "Asset" a WHERE a."id" = NEW."id";
END;

CREATE TRIGGER "asset_search_ad" AFTER DELETE ON "Asset" BEGIN
  DELETE FROM "asset_search" WHERE "rowid" = OLD."rowid";
END;

CREATE TRIGGER "asset_search_tag_ai" AFTER INSERT ON "AssetTag" BEGIN
  DELETE FROM "asset_search" WHERE "rowid" = (SELECT "rowid" FROM "Asset" WHERE "id" = NEW."assetId");
  INSERT INTO "asset_search"("rowid", "body")
  SELECT a."rowid", coalesce(a."title", '') || char(10) || coalesce((SELECT g."prompt" FROM "Generation" g WHERE g."id" = a."generationId"), '') || char(10) || coalesce((SELECT group_concat(t."tag", ' ') FROM "AssetTag" t WHERE t."assetId" = a."id"), '')
  FROM "Asset" a WHERE a."id" = NEW."assetId";
END;

CREATE TRIGGER "asset_search_tag_ad" AFTER DELETE ON "AssetTag" BEGIN
  DELETE FROM "asset_search" WHERE "rowid" = (SELECT "rowid" FROM "Asset" WHERE "id" = OLD."assetId");
  INSERT INTO "asset_search"("rowid", "body")
  SELECT a."rowid", coalesce(a."title", '') || char(10) || coalesce((SELECT g."prompt" FROM "Generation" g WHERE g."id" = a."generationId"), '') || char(10) || coalesce((SELECT group_concat(t."tag", ' ') FROM "AssetTag" t WHERE t."assetId" = a."id"), '')
  FROM "Asset" a WHERE a."id" = OLD."assetId";
END;

CREATE TRIGGER "asset_search_prompt_au" AFTER UPDATE OF "prompt" ON "Generation" BEGIN
  DELETE FROM "asset_search" WHERE "rowid" IN (SELECT "rowid" FROM "Asset" WHERE "generationId" = NEW."id");
  INSERT INTO "asset_search"("rowid", "body")
  SELECT a."rowid", coalesce(a."title", '') || char(10) || coalesce(NEW."prompt", '') || char(10) || coalesce((SELECT group_concat(t."tag", ' ') FROM "AssetTag" t WHERE t."assetId" = a."id"), '')
  FROM "Asset" a WHERE a."generationId" = NEW."id";
END;
