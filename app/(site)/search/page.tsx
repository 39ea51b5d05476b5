import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleTeaser } from "@/components/site/article-teaser";
import { Pagination } from "@/components/site/pagination";
import { resultCountLabel, searchArticles } from "@/lib/search";
import { MAX_QUERY_LENGTH } from "@/lib/search/query";
import { isPastTheEnd, parsePageParam } from "@/lib/seo/pagination";
import { getPublicSiteSettings } from "@/lib/seo/site-settings";

type Props = { searchParams: Promise<{ q?: string | string[]; page?: string | string[] }> };

function queryOf(q: string | string[] | undefined): string {
  return (Array.isArray(q) ? q[0] : q)?.trim().slice(0, MAX_QUERY_LENGTH) ?? "";
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = queryOf((await searchParams).q);
  // Result pages are not worth indexing; the articles themselves are.
  return { title: q ? `Search: ${q}` : "Search", robots: { index: false, follow: true } };
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const q = queryOf(params.q);
  const page = parsePageParam(params.page);
  if (page === null) notFound();
  const settings = await getPublicSiteSettings();
  const { total, results } = q ? await searchArticles(q, { page, pageSize: settings.pageSize }) : { total: 0, results: [] };
  if (q && page > 1 && isPastTheEnd(page, total, settings.pageSize)) notFound();

  return (
    <div className="search-page">
      <h1>Search</h1>
      <form className="search-form" action="/search" role="search" aria-label="Search articles">
        <label htmlFor="search-q">Search articles</label>
        <div className="search-form__row">
          <input id="search-q" name="q" type="search" defaultValue={q} maxLength={MAX_QUERY_LENGTH} />
          <button type="submit">Search</button>
        </div>
        <p className="search-form__hint">Use quotes for a phrase (&quot;oil prices&quot;) and a minus to leave a word out (-sport).</p>
      </form>

      {!q ? (
        <p className="empty-state">Type a word or two to search every published story.</p>
      ) : total === 0 ? (
        <div className="empty-state" role="status">
          <p>
            <strong>No results for “{q}”.</strong>
          </p>
          <p>Check the spelling, or try fewer or more general words.</p>
        </div>
      ) : (
        <>
          <p className="search-page__count" role="status">
            {resultCountLabel(total)} for “{q}”
          </p>
          <ol className="article-list" role="list">
            {results.map((result) => (
              <li key={result.id}>
                <ArticleTeaser article={result} timeZone={settings.timeZone} headingLevel="h2" snippetHtml={result.snippet} />
              </li>
            ))}
          </ol>
          <Pagination path="/search" page={page} total={total} pageSize={settings.pageSize} params={{ q }} />
        </>
      )}
    </div>
  );
}
