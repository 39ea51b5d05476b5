import "server-only";
import { db, ArticleStatus } from "@/lib/db";
import { toWebsearch } from "./query";
import type { SearchBackend } from "./index";

// PostgreSQL: Article."searchVector", a generated tsvector ('simple' config,
// weights A title, B lead, C body) with a GIN index, from the migrations.
// Ranking every match of a very common word is what makes search slow, so only
// the newest `maxResults` matches are ranked (news readers want recent stories
// among equals anyway).

export const searchPostgresql: SearchBackend = async (query, { limit, offset, maxResults }) => {
  const websearch = toWebsearch(query);
  const rows = await db.$queryRawUnsafe<{ id: string; total: number | bigint }[]>(
    `WITH q AS (SELECT websearch_to_tsquery('simple', $1) AS query),
     candidates AS (
       SELECT a."id", a."publishedAt", ts_rank(a."searchVector", q.query) AS rank
       FROM "Article" a, q
       WHERE a."searchVector" @@ q.query AND a."status" = $2::"ArticleStatus" AND a."publishedAt" IS NOT NULL
       ORDER BY a."publishedAt" DESC
       LIMIT $3
     )
     SELECT c."id" AS id, (SELECT count(*) FROM candidates) AS total
     FROM candidates c
     ORDER BY c.rank DESC, c."publishedAt" DESC
     LIMIT $4 OFFSET $5`,
    websearch,
    ArticleStatus.PUBLISHED,
    maxResults,
    limit,
    offset,
  );
  if (rows.length > 0) return { total: Number(rows[0]!.total), ids: rows.map((row) => row.id) };
  if (offset === 0) return { total: 0, ids: [] };
  // Past the last result: the page is empty, but the caller still needs the total.
  const [counted] = await db.$queryRawUnsafe<{ total: number | bigint }[]>(
    `SELECT count(*) AS total FROM (
       SELECT 1 FROM "Article" a
       WHERE a."searchVector" @@ websearch_to_tsquery('simple', $1) AND a."status" = $2::"ArticleStatus" AND a."publishedAt" IS NOT NULL
       LIMIT $3) m`,
    websearch,
    ArticleStatus.PUBLISHED,
    maxResults,
  );
  return { total: Number(counted?.total ?? 0), ids: [] };
};
