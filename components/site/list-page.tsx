import type { ArticleTeaser } from "@/lib/articles/data";
import { ArticleList } from "./article-list";
import { Pagination } from "./pagination";

type Props = {
  kicker: string;
  title: string;
  description?: React.ReactNode;
  path: string;
  page: number;
  total: number;
  pageSize: number;
  articles: ArticleTeaser[];
  timeZone: string;
  emptyMessage: string;
  showCategory?: boolean;
  actions?: React.ReactNode;
};

/** Category, tag and author pages: a header, the page's stories, and pagination. */
export function ListPage({ kicker, title, description, path, page, total, pageSize, articles, timeZone, emptyMessage, showCategory, actions }: Props) {
  return (
    <div className="list-page">
      <header className="list-page__header">
        <p className="list-page__kicker">{kicker}</p>
        <h1>{title}</h1>
        {description && <div className="list-page__description">{description}</div>}
        <p className="meta">
          {total === 1 ? "1 story" : `${total.toLocaleString("en-US")} stories`}
          {actions}
        </p>
      </header>
      {articles.length === 0 ? (
        <p className="empty-state">{emptyMessage}</p>
      ) : (
        <ArticleList articles={articles} timeZone={timeZone} showCategory={showCategory} />
      )}
      <Pagination path={path} page={page} total={total} pageSize={pageSize} />
    </div>
  );
}
