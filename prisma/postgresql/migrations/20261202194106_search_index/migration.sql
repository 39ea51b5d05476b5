-- Reader search moves out of "Article" into "ArticleSearch": one narrow row per published article with
-- what search needs: "publishedAt" (recency), "searchVector" (matching, ranking) and "bodyText" (the body
-- as plain text, for snippets). GIN-indexed, kept in step with "Article" by a trigger.
--
-- With the vector in "Article", the planner walked the publication-date index and read (detoasted) each
-- row's vector until it had the 1,000 newest matches: 20,000 rows for a word in 5 % of 100,000 articles.
-- Here matches come from the GIN index and their dates from this table's heap, which stays small because
-- vector and text are stored out of line: once a row is over PostgreSQL's ~2 kB toasting threshold (vector
-- and text together make nearly every article so), toast_tuple_target 128 sends both to the TOAST table and
-- leaves a row of ~100 bytes. Only the newest 1,000 matches' vectors are read, to rank them.
--
-- Every vector also holds its publication month as a lexeme ('m 202611'; no text or query makes a lexeme
-- with a space), so that GIN itself can narrow a common word to the last months first: its matches in
-- three months, rather than in all time, are what the heap is read for (lib/search/postgresql.ts).
-- Drafts and withdrawn articles have no row, so queries need no status filter. prisma.config.ts lists the
-- table as external: Migrate neither diffs nor drops it.

-- DropIndex
DROP INDEX "Article_searchVector_idx";

-- AlterTable
ALTER TABLE "Article" DROP COLUMN "searchVector";

-- The month lexeme of a publication time.
CREATE FUNCTION "article_search_month"("at" TIMESTAMP(3)) RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT 'm ' || (extract(year FROM "at") * 100 + extract(month FROM "at"))::int
$$;

-- Any of the `months` months up to and including the month of `newest`, as a query.
CREATE FUNCTION "article_search_months"("newest" TIMESTAMP(3), "months" INT) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT string_agg(quote_literal("article_search_month"("month")), ' | ')::tsquery
    FROM generate_series(date_trunc('month', "newest") - make_interval(months => "months" - 1), date_trunc('month', "newest"), interval '1 month') AS "month"
$$;

-- As before, weighted title A, lead B, body C with HTML tags stripped, in the 'simple' configuration (no
-- stemming, no stop words), so Azerbaijani and Cyrillic text is indexed as written; and the month lexeme.
CREATE FUNCTION "article_search_vector"("title" TEXT, "lead" TEXT, "body" TEXT, "publishedAt" TIMESTAMP(3)) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT setweight(to_tsvector('simple', coalesce("title", '')), 'A') ||
           setweight(to_tsvector('simple', coalesce("lead", '')), 'B') ||
           setweight(to_tsvector('simple', regexp_replace(coalesce("body", ''), '<[^>]+>', ' ', 'g')), 'C') ||
           array_to_tsvector(ARRAY["article_search_month"("publishedAt")])
$$;

-- The body as plain text for snippets, like htmlToText (lib/text/sanitize.ts) makes it from sanitised HTML:
-- a line break after each block, tags dropped, entities decoded ("&amp;" last, so "&amp;lt;" stays "&lt;").
CREATE FUNCTION "article_search_text"("body" TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT btrim(
        replace(replace(replace(replace(replace(replace(
            regexp_replace(regexp_replace(coalesce("body", ''), '</(p|h[1-6]|li|blockquote)>', E'\\&\n', 'g'), '<[^>]*>', '', 'g'),
            '&nbsp;', ' '), '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&amp;', '&'),
        E' \t\n\r')
$$;

CREATE TABLE "ArticleSearch" (
    "articleId" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL,
    "searchVector" tsvector NOT NULL,
    "bodyText" TEXT NOT NULL,

    CONSTRAINT "ArticleSearch_pkey" PRIMARY KEY ("articleId")
) WITH (toast_tuple_target = 128);

-- Vectors uncompressed (they barely compress, and ranking reads 1,000 of them); the text compressed.
ALTER TABLE "ArticleSearch" ALTER COLUMN "searchVector" SET STORAGE EXTERNAL;

INSERT INTO "ArticleSearch" ("articleId", "publishedAt", "searchVector", "bodyText")
SELECT "id", "publishedAt", "article_search_vector"("title", "lead", "body", "publishedAt"), "article_search_text"("body")
FROM "Article"
WHERE "status" = 'PUBLISHED' AND "publishedAt" IS NOT NULL;

CREATE INDEX "ArticleSearch_searchVector_idx" ON "ArticleSearch" USING GIN ("searchVector");

-- The newest publication time, where the months searched first end.
CREATE INDEX "ArticleSearch_publishedAt_idx" ON "ArticleSearch" ("publishedAt");

-- A published article has a row with its current text and date; any other article has none.
CREATE FUNCTION "article_search_sync"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD."id" <> NEW."id") THEN
        DELETE FROM "ArticleSearch" WHERE "articleId" = OLD."id";
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN NULL;
    END IF;
    IF NEW."status" = 'PUBLISHED' AND NEW."publishedAt" IS NOT NULL THEN
        INSERT INTO "ArticleSearch" ("articleId", "publishedAt", "searchVector", "bodyText")
        VALUES (NEW."id", NEW."publishedAt", "article_search_vector"(NEW."title", NEW."lead", NEW."body", NEW."publishedAt"), "article_search_text"(NEW."body"))
        ON CONFLICT ("articleId") DO UPDATE
        SET "publishedAt" = EXCLUDED."publishedAt", "searchVector" = EXCLUDED."searchVector", "bodyText" = EXCLUDED."bodyText";
    ELSE
        DELETE FROM "ArticleSearch" WHERE "articleId" = NEW."id";
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "Article_search_sync"
AFTER INSERT OR DELETE OR UPDATE OF "id", "title", "lead", "body", "status", "publishedAt" ON "Article"
FOR EACH ROW EXECUTE FUNCTION "article_search_sync"();
