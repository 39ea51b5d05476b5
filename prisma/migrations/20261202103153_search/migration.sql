-- Full-text search (SQLite FTS5), which the Prisma schema cannot express: prisma.config.ts lists
-- "ArticleSearch" and FTS5's own tables as external, so Migrate neither diffs nor drops them.
--
-- Every article is indexed, whatever its status: queries join "Article" on "articleId" and filter
-- there (e.g. status = 'PUBLISHED'). The body is indexed as stored (HTML), so tag and attribute
-- words are indexed too. "articleId" links rows by Article's key rather than by rowid, which
-- VACUUM and table redefinitions renumber.
--
-- Triggers keep the index in sync. SQLite drops them whenever a later migration redefines
-- "Article"; `npm run prisma -- migrate dev` appends them again to such a migration.
CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
    "articleId" UNINDEXED,
    "title",
    "lead",
    "body",
    tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO "ArticleSearch" ("articleId", "title", "lead", "body")
SELECT "id", "title", "lead", "body" FROM "Article";

CREATE TRIGGER "Article_search_insert" AFTER INSERT ON "Article" BEGIN
    INSERT INTO "ArticleSearch" ("articleId", "title", "lead", "body")
    VALUES (new."id", new."title", new."lead", new."body");
END;

CREATE TRIGGER "Article_search_update" AFTER UPDATE OF "id", "title", "lead", "body" ON "Article" BEGIN
    UPDATE "ArticleSearch" SET "articleId" = new."id", "title" = new."title", "lead" = new."lead", "body" = new."body"
    WHERE "articleId" = old."id";
END;

CREATE TRIGGER "Article_search_delete" AFTER DELETE ON "Article" BEGIN
    DELETE FROM "ArticleSearch" WHERE "articleId" = old."id";
END;
