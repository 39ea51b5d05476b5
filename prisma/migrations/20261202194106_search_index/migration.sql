-- PostgreSQL only: its twin moves reader search into the table "ArticleSearch". SQLite's search index, the
-- FTS5 table of 20261202103153_search, stays as it is (its rowid order already gives the newest matches
-- first). Migrate wants a statement in every migration; this one changes nothing.
SELECT 1;
