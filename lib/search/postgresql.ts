import "server-only";
import { db } from "@/lib/db";
import { toWebsearch, type SearchQuery } from "./query";
import type { FoundArticle, SearchBackend } from "./index";

// PostgreSQL: "ArticleSearch", one narrow row per published article with its
// tsvector ('simple' config, weights A title, B lead, C body, plus its
// publication month as a lexeme) and the body's plain text, GIN-indexed and
// kept in step by a trigger (the search_index migration). Ranking every match
// of a common word is what makes search slow, so only the newest `maxResults`
// matches are ranked (news readers want recent stories among equals anyway),
// and the plan is pinned so that no kind of query reads much more than that:
//
// 1. Matches come from the GIN index, their dates from the table's small heap,
//    and a top-N sort keeps the newest `maxResults`. `q` is MATERIALIZED so the
//    planner cannot see the query, assumes few matches and never walks a date
//    index reading each row's vector (what it chose for words in 5-10 % of
//    articles). The vectors are stored out of line: only their TOAST pointers
//    are carried along, and read where needed.
// 2. GIN is asked for the matches of the last 3 months first (month lexemes,
//    counted back from the newest article, so nothing newer is left out): a
//    common word has `maxResults` matches there and reads heap rows for those
//    months only. Otherwise it is asked for all matches, which are then few
//    (under `maxResults` × all articles ÷ those of the 3 months). A wider
//    window in between cost more than it saved: GIN reads each month's whole
//    posting list.
// 3. A phrase ("oil pipeline") cannot be decided by GIN: there GIN matches its
//    words, and the phrase is checked on those newest first until `maxResults`
//    have passed.
// 4. ts_rank reads the candidates' vectors; the page's teasers (joined here,
//    rather than in the ORM's separate queries) and texts come last.
//
// `total` is the number of candidates (at most `maxResults`), so a page past
// the end gets it from the same query.

/** The newest `$2` matches of `q.<within>`, unless `gate` says not to look. */
function newestMatches(name: string, within: string, gate: string, phrase: boolean): string {
  const matches = `
      SELECT s."articleId", s."publishedAt", s."searchVector"
      FROM "ArticleSearch" s, q
      WHERE ${gate} s."searchVector" @@ q.${within}
      ORDER BY s."publishedAt" DESC, s."articleId" DESC`;
  const body = phrase
    ? `SELECT m.* FROM (${matches}
    ) m, q
    WHERE m."searchVector" @@ q.query
    ORDER BY m."publishedAt" DESC, m."articleId" DESC`
    : matches;
  return `${name} AS MATERIALIZED (${body}
    LIMIT $2
  )`;
}

const TOO_FEW_RECENT = `(SELECT count(*) FROM recent) < $2 AND`;

function searchSql(phrase: boolean): string {
  return `
  WITH q AS MATERIALIZED (
    SELECT t.query, t.words,
      t.words && "article_search_months"(n.newest, 3) AS recent
    FROM (SELECT websearch_to_tsquery('simple', $1) AS query, websearch_to_tsquery('simple', $5) AS words) t,
      (SELECT max("publishedAt") AS newest FROM "ArticleSearch") n
  ),
  ${newestMatches("recent", "recent", "", phrase)},
  ${newestMatches("everything", "words", TOO_FEW_RECENT, phrase)},
  candidates AS (
    SELECT * FROM recent WHERE (SELECT count(*) FROM recent) = $2
    UNION ALL SELECT * FROM everything
  ),
  ranked AS MATERIALIZED (
    SELECT c."articleId", c."publishedAt", ts_rank(c."searchVector", q.query) AS rank
    FROM candidates c, q
  ),
  page AS MATERIALIZED (
    SELECT r.* FROM ranked r
    ORDER BY r.rank DESC, r."publishedAt" DESC, r."articleId" DESC
    LIMIT $3 OFFSET $4
  )
  SELECT (SELECT count(*)::int FROM ranked) AS total,
    coalesce((
      SELECT json_agg(json_build_object(
          'id', a."id", 'slug', a."slug", 'title', a."title", 'lead', a."lead",
          'publishedAt', a."publishedAt" AT TIME ZONE 'UTC',
          'category', CASE WHEN c."id" IS NOT NULL THEN json_build_object('name', c."name", 'slug', c."slug") END,
          'author', CASE WHEN u."id" IS NOT NULL THEN json_build_object('name', u."name", 'slug', u."slug") END,
          'bodyText', s."bodyText"
        ) ORDER BY p.rank DESC, p."publishedAt" DESC, p."articleId" DESC)
      FROM page p
      JOIN "ArticleSearch" s ON s."articleId" = p."articleId"
      JOIN "Article" a ON a."id" = p."articleId"
      LEFT JOIN "Category" c ON c."id" = a."categoryId"
      LEFT JOIN "User" u ON u."id" = a."authorId"
    ), '[]') AS articles`;
}

const BY_WORDS = searchSql(false);
const WITH_PHRASES = searchSql(true);

/** The same query with each phrase loosened to its words: what GIN answers exactly. */
const loosened = (query: SearchQuery): SearchQuery => ({ include: query.include.flat().map((word) => [word]), exclude: query.exclude });

export const searchPostgresql: SearchBackend = async (query, { limit, offset, maxResults }) => {
  const phrase = query.include.some((words) => words.length > 1);
  const [row] = await db.$queryRawUnsafe<{ total: number; articles: (Omit<FoundArticle, "publishedAt"> & { publishedAt: string })[] }[]>(
    phrase ? WITH_PHRASES : BY_WORDS,
    toWebsearch(query),
    maxResults,
    limit,
    offset,
    toWebsearch(loosened(query)),
  );
  const articles = (row?.articles ?? []).map((article) => ({ ...article, publishedAt: new Date(article.publishedAt).toISOString() }));
  return { total: row?.total ?? 0, articles };
};
