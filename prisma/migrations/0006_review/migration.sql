-- AlterTable
ALTER TABLE "User" ADD COLUMN "notifySettings" TEXT;

-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "assetId" TEXT NOT NULL,
    "authorId" TEXT,
    "parentId" TEXT,
    "body" TEXT NOT NULL,
    "timeSeconds" REAL,
    "endSeconds" REAL,
    "shapes" TEXT,
    "mentions" TEXT NOT NULL DEFAULT '[]',
    "resolvedAt" DATETIME,
    "resolvedById" TEXT,
    "editedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Comment_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Comment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Comment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Rating" (
    "userId" TEXT NOT NULL,
    "assetId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "stars" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "assetId"),
    CONSTRAINT "Rating_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Rating_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReviewEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "assetId" TEXT NOT NULL,
    "actorId" TEXT,
    "fromState" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "note" TEXT,
    "override" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReviewEvent_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReviewEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "actorId" TEXT,
    "assetId" TEXT,
    "commentId" TEXT,
    "generationId" TEXT,
    "reviewId" TEXT,
    "timeSeconds" REAL,
    "excerpt" TEXT,
    "readAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Notification_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- AlterTable (columns added in place, not a table rebuild: the gallery's FTS triggers and rowids stay)
ALTER TABLE "Asset" ADD COLUMN "reviewState" TEXT NOT NULL DEFAULT 'none';
ALTER TABLE "Asset" ADD COLUMN "ratingAverage" REAL;
ALTER TABLE "Asset" ADD COLUMN "ratingCount" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Asset_teamId_reviewState_createdAt_id_idx" ON "Asset"("teamId", "reviewState", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Asset_teamId_ratingAverage_createdAt_id_idx" ON "Asset"("teamId", "ratingAverage", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Comment_assetId_createdAt_id_idx" ON "Comment"("assetId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Comment_parentId_idx" ON "Comment"("parentId");

-- CreateIndex
CREATE INDEX "Rating_assetId_idx" ON "Rating"("assetId");

-- CreateIndex
CREATE INDEX "ReviewEvent_assetId_createdAt_idx" ON "ReviewEvent"("assetId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_userId_teamId_createdAt_id_idx" ON "Notification"("userId", "teamId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Notification_userId_teamId_readAt_idx" ON "Notification"("userId", "teamId", "readAt");



-- Gallery search also finds comments: the search row's body gains the asset's comment texts. The triggers of
-- 0004_gallery are replaced by ones with the longer body (lib/gallery/search.ts BODY_SQL is the same SQL), and
-- comments keep the row in step when written, edited or deleted.
DROP TRIGGER "asset_search_ai";
DROP TRIGGER "asset_search_au";
DROP TRIGGER "asset_search_tag_ai";
DROP TRIGGER "asset_search_tag_ad";
DROP TRIGGER "asset_search_prompt_au";

CREATE TRIGGER "asset_search_ai" AFTER INSERT ON "Asset" BEGIN
  INSERT INTO "asset_search"("rowid", "body")
  SELECT a."rowid", coalesce(a."title", '') || char(10) || coalesce((SELECT g."prompt" FROM "Generation" g WHERE g."id" = a."generationId"), '') || char(10) || coalesce((SELECT group_concat(t."tag", ' ') FROM "AssetTag" t WHERE t."assetId" = a."id"), '') || char(10) || coalesce((SELECT group_concat(c."body", char(10)) FROM "Comment" c WHERE c."assetId" = a."id"), '')
  FROM "Asset" a WHERE a."id" = NEW."id";
END;

CREATE TRIGGER "asset_search_au" AFTER UPDATE OF "title", "generationId" ON "Asset" BEGIN
  DELETE FROM "asset_search" WHERE "rowid" = OLD."rowid";
  INSERT INTO "asset_search"("rowid", "body")
  SELECT a."rowid", coalesce(a."title", '') || char(10) || coalesce((SELECT g."prompt" FROM "Generation" g WHERE g."id" = a."generationId"), '') || char(10) || coalesce((SELECT group_concat(t."tag", ' ') FROM "AssetTag" t WHERE t."assetId" = a."id"), '') || char(10) || coalesce((SELECT group_concat(c."body", char(10)) FROM "Comment" c WHERE c."assetId" = a."id"), '')
  FROM "Asset" a WHERE a."id" = NEW."id";
END;

CREATE TRIGGER "asset_search_tag_ai" AFTER INSERT ON "AssetTag" BEGIN
  DELETE FROM "asset_search" WHERE "rowid" = (SELECT "rowid" FROM "Asset" WHERE "id" = NEW."assetId");
  INSERT INTO "asset_search"("rowid", "body")
  SELECT a."rowid", coalesce(a."title", '') || char(10) || coalesce((SELECT g."prompt" FROM "Generation" g WHERE g."id" = a."generationId"), '') || char(10) || coalesce((SELECT group_concat(t."tag", ' ') FROM "AssetTag" t WHERE t."assetId" = a."id"), '') || char(10) || coalesce((SELECT group_concat(c."body", char(10)) FROM "Comment" c WHERE c."assetId" = a."id"), '')
  FROM "Asset" a WHERE a."id" = NEW."assetId";
END;

CREATE TRIGGER "asset_search_tag_ad" AFTER DELETE ON "AssetTag" BEGIN
  DELETE FROM "asset_search" WHERE "rowid" = (SELECT "rowid" FROM "Asset" WHERE "id" = OLD."assetId");
  INSERT INTO "asset_search"("rowid", "body")
  SELECT a."rowid", coalesce(a."title", '') || char(10) || coalesce((SELECT g."prompt" FROM "Generation" g WHERE g."id" = a."generationId"), '') || char(10) || coalesce((SELECT group_concat(t."tag", ' ') FROM "AssetTag" t WHERE t."assetId" = a."id"), '') || char(10) || coalesce((SELECT group_concat(c."body", char(10)) FROM "Comment" c WHERE c."assetId" = a."id"), '')
  FROM "Asset" a WHERE a."id" = OLD."assetId";
END;

CREATE TRIGGER "asset_search_prompt_au" AFTER UPDATE OF "prompt" ON "Generation" BEGIN
  DELETE FROM "asset_search" WHERE "rowid" IN (SELECT "rowid" FROM "Asset" WHERE "generationId" = NEW."id");
  INSERT INTO "asset_search"("rowid", "body")
  SELECT a."rowid", coalesce(a."title", '') || char(10) || coalesce(NEW."prompt", '') || char(10) || coalesce((SELECT group_concat(t."tag", ' ') FROM "AssetTag" t WHERE t."assetId" = a."id"), '') || char(10) || coalesce((SELECT group_concat(c."body", char(10)) FROM "Comment" c WHERE c."assetId" = a."id"), '')
  FROM "Asset" a WHERE a."generationId" = NEW."id";
END;

CREATE TRIGGER "asset_search_comment_ai" AFTER INSERT ON "Comment" BEGIN
  DELETE FROM "asset_search" WHERE "rowid" = (SELECT "rowid" FROM "Asset" WHERE "id" = NEW."assetId");
  INSERT INTO "asset_search"("rowid", "body")
  SELECT a."rowid", coalesce(a."title", '') || char(10) || coalesce((SELECT g."prompt" FROM "Generation" g WHERE g."id" = a."generationId"), '') || char(10) || coalesce((SELECT group_concat(t."tag", ' ') FROM "AssetTag" t WHERE t."assetId" = a."id"), '') || char(10) || coalesce((SELECT group_concat(c."body", char(10)) FROM "Comment" c WHERE c."assetId" = a."id"), '')
  FROM "Asset" a WHERE a."id" = NEW."assetId";
END;

CREATE TRIGGER "asset_search_comment_au" AFTER UPDATE OF "body" ON "Comment" BEGIN
  DELETE FROM "asset_search" WHERE "rowid" = (SELECT "rowid" FROM "Asset" WHERE "id" = NEW."assetId");
  INSERT INTO "asset_search"("rowid", "body")
  SELECT a."rowid", coalesce(a."title", '') || char(10) || coalesce((SELECT g."prompt" FROM "Generation" g WHERE g."id" = a."generationId"), '') || char(10) || coalesce((SELECT group_concat(t."tag", ' ') FROM "AssetTag" t WHERE t."assetId" = a."id"), '') || char(10) || coalesce((SELECT group_concat(c."body", char(10)) FROM "Comment" c WHERE c."assetId" = a."id"), '')
  FROM "Asset" a WHERE a."id" = NEW."assetId";
END;

CREATE TRIGGER "asset_search_comment_ad" AFTER DELETE ON "Comment" BEGIN
  DELETE FROM "asset_search" WHERE "rowid" = (SELECT "rowid" FROM "Asset" WHERE "id" = OLD."assetId");
  INSERT INTO "asset_search"("rowid", "body")
  SELECT a."rowid", coalesce(a."title", '') || char(10) || coalesce((SELECT g."prompt" FROM "Generation" g WHERE g."id" = a."generationId"), '') || char(10) || coalesce((SELECT group_concat(t."tag", ' ') FROM "AssetTag" t WHERE t."assetId" = a."id"), '') || char(10) || coalesce((SELECT group_concat(c."body", char(10)) FROM "Comment" c WHERE c."assetId" = a."id"), '')
  FROM "Asset" a WHERE a."id" = OLD."assetId";
END;
