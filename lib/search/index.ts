import "server-only";
import { db } from "@/lib/db";
import { publishedWhere, toTeaser, type ArticleTeaser } from "@/lib/articles/data";
import { highlightWords, isEmptyQuery, parseSearchQuery } from "./query";
import { bestSnippet, plainText } from "./snippet";
import { searchPostgresql } from "./postgresql";
import { searchSqlite } from "./sqlite";
import { MAX_SEARCH_RESULTS } from "./result-count";

export type SearchResult = ArticleTeaser & {
  /** HTML: escaped text with the matched words in <mark>. */
  snippet: string;
};

export type SearchResults = { total: number; results: SearchResult[] };

export { MAX_SEARCH_RESULTS, resultCountLabel } from "./result-count";

/** A result before its snippet: the teaser, and the body as plain text. */
export type FoundArticle = ArticleTeaser & { bodyText: string };

/**
 * One page of the matching published articles, best first, and how many match (at most
 * `maxResults`). Each database implements it: as ids (SQLite), or as the articles themselves
 * (PostgreSQL, whose search table keeps the bodies' text).
 */
export type SearchBackend = (
  match: ReturnType<typeof parseSearchQuery>,
  options: { limit: number; offset: number; maxResults: number },
) => Promise<{ total: number } & ({ ids: string[] } | { articles: FoundArticle[] })>;

/**
 * Ranked full-text search over the title, lead and body of published
 * articles (title weighs most, then lead, then body). Any input is safe.
 */
export async function searchArticles(q: string, { page = 1, pageSize = 20 }: { page?: number; pageSize?: number } = {}): Promise<SearchResults> {
  const query = parseSearchQuery(q);
  if (isEmptyQuery(query)) return { total: 0, results: [] };
  const offset = (page - 1) * pageSize;
  if (offset >= MAX_SEARCH_RESULTS) return { total: 0, results: [] };

  const backend: SearchBackend = db.dialect === "postgresql" ? searchPostgresql : searchSqlite;
  const found = await backend(query, { limit: pageSize, offset, maxResults: MAX_SEARCH_RESULTS });
  const articles = "articles" in found ? found.articles : await findArticles(found.ids);
  const words = highlightWords(query);
  const results = articles.map(({ bodyText, ...teaser }) => ({ ...teaser, snippet: bestSnippet([teaser.lead, bodyText], words) }));
  return { total: found.total, results };
}

/** The published articles with these ids, in their order. */
async function findArticles(ids: string[]): Promise<FoundArticle[]> {
  if (ids.length === 0) return [];
  const rows = await db.article.findMany({
    where: { ...publishedWhere(), id: { in: ids } },
    select: {
      id: true,
      slug: true,
      title: true,
      lead: true,
      body: true,
      publishedAt: true,
      category: { select: { name: true, slug: true } },
      author: { select: { name: true, slug: true } },
    },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const { body, ...teaser } = row;
    return [{ ...toTeaser(teaser), bodyText: plainText(body) }];
  });
}
