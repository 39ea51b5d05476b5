import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { Pagination } from "@/components/ui/pagination";
import { ArticleList } from "@/components/newsroom/editor/article-list";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { editorListSchema } from "@/lib/articles/schema";
import { EDITOR_TABS, listArticleAuthors, listEditorArticles, type EditorTab } from "@/lib/articles/newsroom-data";
import { getSiteSettings } from "@/lib/settings/data";

export const metadata: Metadata = { title: "Articles" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditorHomePage({ searchParams }: Props) {
  const user = await requirePermission("article.create");
  const raw = await searchParams;
  const query = editorListSchema.parse(Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])));
  const seesAll = can(user, "article.viewAll");
  const [list, authors, settings] = await Promise.all([listEditorArticles(user, query), seesAll ? listArticleAuthors() : Promise.resolve([]), getSiteSettings()]);

  const params = { q: query.q || undefined, author: query.author || undefined, mine: query.mine ? "1" : undefined };
  const tabHref = (tab: EditorTab) => {
    const search = new URLSearchParams(Object.entries({ ...params, status: tab === "all" ? undefined : tab }).filter((entry): entry is [string, string] => Boolean(entry[1])));
    return search.size ? `/editor?${search}` : "/editor";
  };

  return (
    <>
      <div className="nr-page-header">
        <div>
          <h1>Articles</h1>
          <p>{seesAll ? "Every story in the newsroom, most recently changed first." : "Your stories, most recently changed first."}</p>
        </div>
        <ButtonLink variant="primary" href="/editor/articles/new">
          New article
        </ButtonLink>
      </div>

      {raw.deleted === "1" ? <Notice tone="success">Article deleted.</Notice> : null}

      {list.overdueCount > 0 ? (
        <Notice tone="error" title={`${list.overdueCount} scheduled ${list.overdueCount === 1 ? "article is" : "articles are"} overdue`}>
          Their publish time has passed but they are not live yet. <Link href={tabHref("scheduled")}>Review scheduled articles</Link>.
        </Notice>
      ) : null}

      <nav className="tabs" aria-label="Status">
        {EDITOR_TABS.map((tab) => (
          <Link key={tab.id} href={tabHref(tab.id)} aria-current={query.status === tab.id ? "page" : undefined}>
            {tab.label}
            <span className="tabs__count">{list.counts[tab.id]}</span>
          </Link>
        ))}
      </nav>

      <form className="toolbar" action="/editor" method="get" role="search" aria-label="Filter articles">
        {query.status !== "all" ? <input type="hidden" name="status" value={query.status} /> : null}
        <div className="field field--grow">
          <label className="field__label" htmlFor="editor-search">
            Search
          </label>
          <input id="editor-search" className="input" type="search" name="q" defaultValue={query.q} placeholder="Title, lead or slug" />
        </div>
        {seesAll ? (
          <div className="field">
            <label className="field__label" htmlFor="editor-author">
              Author
            </label>
            <select id="editor-author" className="input select" name="author" defaultValue={query.author}>
              <option value="">Everyone</option>
              {authors.map((author) => (
                <option key={author.id} value={author.id}>
                  {author.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {seesAll ? (
          <label className="checkbox editor-mine">
            <input type="checkbox" name="mine" value="1" defaultChecked={query.mine} /> Only mine
          </label>
        ) : null}
        <button className="btn btn--secondary" type="submit">
          Filter
        </button>
      </form>

      {list.items.length ? (
        <>
          <p className="result-count muted small">
            {list.total} {list.total === 1 ? "article" : "articles"}
          </p>
          <ArticleList items={list.items} timeZone={settings.timeZone} showAuthor={seesAll} />
          <Pagination page={list.page} pageCount={list.pageCount} basePath="/editor" params={{ ...params, status: query.status === "all" ? undefined : query.status }} />
        </>
      ) : (
        <EmptyState
          title={query.q ? `Nothing matches “${query.q}”` : "No articles here yet"}
          action={
            <ButtonLink variant="primary" href="/editor/articles/new">
              Write an article
            </ButtonLink>
          }
        >
          {query.q ? "Try other words, or another tab." : "Stories you write or that need you show up here."}
        </EmptyState>
      )}
    </>
  );
}
