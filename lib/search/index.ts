import "server-only";
import { db } from "@/lib/db";
import { publishedWhere, toTeaser, type ArticleTeaser } from "@/lib/articles/data";
import { htmlToText } from "@/lib/text/sanitize";
import { highlightWords, isEmptyQuery, parseSearchQuery } from "./query";
import { bestSnippet } from "./snippet";
import { searchPostgresql } from "./postgresql";
import { searchSqlite } from "./sqlite";

export type SearchResult = ArticleTeaser & {
  /** HTML: escaped text with the matched words in <mark>. */
  snippet: string;
};

export type SearchResults = { total: number; results: SearchResult[] };

/** Only the best this many matches are ranked and paged through; `total` never exceeds it. */
export const MAX_SEARCH_RESULTS = 1000;

/** Ids of matching published articles, best first, for one page. Each database implements it. */
export type SearchBackend = (
  match: ReturnType<typeof parseSearchQuery>,
  options: { limit: number; offset: number; maxResults: number },
) => Promise<{ total: number; ids: string[] }>;

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
  const { total, ids } = await backend(query, { limit: pageSize, offset, maxResults: MAX_SEARCH_RESULTS });
  if (ids.length === 0) return { total, results: [] };

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
  const words = highlightWords(query);
  const results = ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const { body, ...teaser } = row;
    return [{ ...toTeaser(teaser), snippet: bestSnippet([row.lead, htmlToText(body)], words) }];
  });
  return { total, results };
}
