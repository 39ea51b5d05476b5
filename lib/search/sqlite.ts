import "server-only";
import { db, ArticleStatus } from "@/lib/db";
import { toFts5Match } from "./query";
import type { SearchBackend } from "./index";

// SQLite: the FTS5 table ArticleSearch (unicode61 tokenizer, diacritics
// removed), kept in step with Article by triggers in the migrations.
// bm25 weights: title 10, lead 4, body 1.
//
// Ranking every match of a common word (a third of 100,000 articles) took most
// of a second: bm25 and the join to Article ran for each match. Only the
// `maxResults` newest-written published matches are ranked instead: FTS5 walks
// its doclists in rowid order, and rowids grow with every article written, so
// `ORDER BY rowid DESC LIMIT` stops after those rows (PostgreSQL ranks the
// newest published matches; news readers want recent stories among equals).

export const searchSqlite: SearchBackend = async (query, { limit, offset, maxResults }) => {
  const match = toFts5Match(query);
  // The newest-written `maxResults` published matches, each with its bm25 rank (lower is better).
  const candidates = `
    SELECT a."id" AS id, a."publishedAt" AS publishedAt, bm25("ArticleSearch", 0.0, 10.0, 4.0, 1.0) AS rank
    FROM "ArticleSearch" s JOIN "Article" a ON a."id" = s."articleId"
    WHERE "ArticleSearch" MATCH ? AND a."status" = ? AND a."publishedAt" IS NOT NULL
    ORDER BY s.rowid DESC
    LIMIT ?`;
  const rows = await db.$queryRawUnsafe<{ id: string; total: number | bigint }[]>(
    `SELECT id, count(*) OVER () AS total FROM (${candidates})
     ORDER BY rank, publishedAt DESC
     LIMIT ? OFFSET ?`,
    match,
    ArticleStatus.PUBLISHED,
    maxResults,
    limit,
    offset,
  );
  if (rows.length > 0) return { total: Number(rows[0]!.total), ids: rows.map((row) => row.id) };
  if (offset === 0) return { total: 0, ids: [] };
  // Past the last result: the page is empty, but the caller still needs the total.
  const [counted] = await db.$queryRawUnsafe<{ total: number | bigint }[]>(`SELECT count(*) AS total FROM (${candidates})`, match, ArticleStatus.PUBLISHED, maxResults);
  return { total: Number(counted?.total ?? 0), ids: [] };
};
