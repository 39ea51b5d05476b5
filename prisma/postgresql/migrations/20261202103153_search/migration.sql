-- Full-text search. "searchVector" (Unsupported("tsvector") in the schema) becomes a stored
-- generated column, weighted title A, lead B, body C with HTML tags stripped, in the 'simple'
-- configuration (no stemming, no stop words), so Azerbaijani and Cyrillic text is indexed as
-- written; GIN-indexed. PostgreSQL cannot turn a column into a generated one: drop and re-add it.
-- The schema declares the column @default(dbgenerated()) and the index @@index(type: Gin), so
-- Migrate sees nothing to change here.
ALTER TABLE "Article" DROP COLUMN "searchVector";

ALTER TABLE "Article" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', coalesce("title", '')), 'A') ||
    setweight(to_tsvector('simple', coalesce("lead", '')), 'B') ||
    setweight(to_tsvector('simple', regexp_replace(coalesce("body", ''), '<[^>]+>', ' ', 'g')), 'C')
) STORED;

CREATE INDEX "Article_searchVector_idx" ON "Article" USING GIN ("searchVector");
