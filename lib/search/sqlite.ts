import "server-only";
import { db, ArticleStatus } from "@/lib/db";
import { toFts5Match } from "./query";
import type { SearchBackend } from "./index";

// SQLite: the FTS5 table ArticleSearch (unicode61 tokenizer, diacritics
// removed), kept in step with Article by triggers in the migrations.
// bm25 weights: title 10, lead 4, body 1.

export const searchSqlite: SearchBackend = async (query, { limit, offset, maxResults }) => {
  const match = toFts5Match(query);
  const [counted] = await db.$queryRawUnsafe<{ total: number | bigint }[]>(
    `SELECT count(*) AS total FROM (
       SELECT 1 FROM "ArticleSearch" s JOIN "Article" a ON a."id" = s."articleId"
       WHERE "ArticleSearch" MATCH ? AND a."status" = ? AND a."publishedAt" IS NOT NULL
       LIMIT ?)`,
    match,
    ArticleStatus.PUBLISHED,
    maxResults,
  );
  const total = Number(counted?.total ?? 0);
  if (total === 0 || offset >= total) return { total, ids: [] };
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT a."id" AS id FROM "ArticleSearch" s JOIN "Article" a ON a."id" = s."articleId"
     WHERE "ArticleSearch" MATCH ? AND a."status" = ? AND a."publishedAt" IS NOT NULL
     ORDER BY bm25("ArticleSearch", 0.0, 10.0, 4.0, 1.0), a."publishedAt" DESC
     LIMIT ? OFFSET ?`,
    match,
    ArticleStatus.PUBLISHED,
    Math.min(limit, total - offset),
    offset,
  );
  return { total, ids: rows.map((row) => row.id) };
};
