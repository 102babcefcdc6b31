-- The gallery search on PostgreSQL: the twin of SQLite's FTS5 trigram table (0004_gallery, 0006_review).
-- One row per asset with its searchable text (title, prompt, tags, comments), kept in step by triggers, and a
-- pg_trgm GIN index that serves ILIKE '%word%' for any word of three or more characters — Chinese included when
-- the database's LC_CTYPE is a UTF-8 locale (e.g. C.UTF-8, en_US.UTF-8; under plain "C" the trigrams of CJK text
-- are empty and a search is still right, only unindexed). Shorter words are checked per row (lib/gallery/search.ts).
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

CREATE TABLE "asset_search" (
    "assetId" TEXT NOT NULL PRIMARY KEY REFERENCES "Asset"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "body" TEXT NOT NULL
);
CREATE INDEX "asset_search_body_trgm" ON "asset_search" USING GIN ("body" gin_trgm_ops);

-- Body of one asset's search row (lib/gallery/search.ts BODY_SQL says the same).
CREATE FUNCTION "asset_search_body"(asset_id TEXT) RETURNS TEXT LANGUAGE sql STABLE AS $$
  SELECT coalesce(a."title", '') || chr(10) || coalesce((SELECT g."prompt" FROM "Generation" g WHERE g."id" = a."generationId"), '')
    || chr(10) || coalesce((SELECT string_agg(t."tag", ' ') FROM "AssetTag" t WHERE t."assetId" = a."id"), '')
    || chr(10) || coalesce((SELECT string_agg(c."body", chr(10)) FROM "Comment" c WHERE c."assetId" = a."id"), '')
  FROM "Asset" a WHERE a."id" = asset_id
$$;

CREATE FUNCTION "asset_search_refresh"(asset_id TEXT) RETURNS VOID LANGUAGE sql AS $$
  INSERT INTO "asset_search" ("assetId", "body")
  SELECT a."id", "asset_search_body"(a."id") FROM "Asset" a WHERE a."id" = asset_id
  ON CONFLICT ("assetId") DO UPDATE SET "body" = EXCLUDED."body"
$$;

CREATE FUNCTION "asset_search_on_asset"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN PERFORM "asset_search_refresh"(NEW."id"); RETURN NULL; END $$;

CREATE FUNCTION "asset_search_on_child"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM "asset_search_refresh"(OLD."assetId"); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM "asset_search_refresh"(NEW."assetId"); END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION "asset_search_on_prompt"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "asset_search_refresh"(a."id") FROM "Asset" a WHERE a."generationId" = NEW."id";
  RETURN NULL;
END $$;

CREATE TRIGGER "asset_search_ai" AFTER INSERT ON "Asset" FOR EACH ROW EXECUTE FUNCTION "asset_search_on_asset"();
CREATE TRIGGER "asset_search_au" AFTER UPDATE OF "title", "generationId" ON "Asset" FOR EACH ROW EXECUTE FUNCTION "asset_search_on_asset"();
CREATE TRIGGER "asset_search_tag" AFTER INSERT OR UPDATE OR DELETE ON "AssetTag" FOR EACH ROW EXECUTE FUNCTION "asset_search_on_child"();
CREATE TRIGGER "asset_search_comment" AFTER INSERT OR UPDATE OF "body" OR DELETE ON "Comment" FOR EACH ROW EXECUTE FUNCTION "asset_search_on_child"();
CREATE TRIGGER "asset_search_prompt_au" AFTER UPDATE OF "prompt" ON "Generation" FOR EACH ROW EXECUTE FUNCTION "asset_search_on_prompt"();
