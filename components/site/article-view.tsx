import Link from "next/link";
import type { ReactNode } from "react";
import { PublishedTime } from "@/components/site/published-time";
import type { PublishedArticle } from "@/lib/articles/data";
import { newsArticleJsonLd, serializeJsonLd } from "@/lib/seo/jsonld";
import { authorPath, categoryPath, tagPath } from "@/lib/seo/paths";
import type { SiteSettings } from "@/lib/settings/schema";
import { formatDate } from "@/lib/text/dates";
import { sanitizeArticleHtml } from "@/lib/text/sanitize";

/**
 * One article as readers see it: used by /articles/[slug] and by the signed
 * preview (/preview/[token]), so a preview is exactly the published page.
 * `afterBody` is where the article page mounts the "Report a typo" control.
 */
export function ArticleView({ article, settings, afterBody }: { article: PublishedArticle; settings: SiteSettings; afterBody?: ReactNode }) {
  return (
    <article className="article" aria-labelledby="article-title">
      <header className="article__header">
        {article.category && (
          <Link className="kicker" href={categoryPath(article.category.slug)}>
            {article.category.name}
          </Link>
        )}
        <h1 id="article-title">{article.title}</h1>
        {article.lead && <p className="lead">{article.lead}</p>}
        <div className="byline meta">
          <span>
            By{" "}
            {article.author ? (
              <Link href={authorPath(article.author.slug)} rel="author">
                {article.author.name}
              </Link>
            ) : (
              `${settings.siteName} staff`
            )}
          </span>
          <PublishedTime date={article.publishedAt} timeZone={settings.timeZone} />
        </div>
      </header>
      <div className="article-body" dangerouslySetInnerHTML={{ __html: sanitizeArticleHtml(article.body) }} />

      {article.corrections.length > 0 && (
        <aside className="corrections" aria-label="Corrections">
          {article.corrections.map((correction) => (
            <p key={correction.id}>
              <strong>Correction</strong> (<time dateTime={correction.date}>{formatDate(new Date(correction.date), settings.timeZone)}</time>):{" "}
              {correction.note}
            </p>
          ))}
        </aside>
      )}

      {afterBody}

      {article.tags.length > 0 && (
        <ul className="tags" aria-label="Tags">
          {article.tags.map((tag) => (
            <li key={tag.slug}>
              <Link href={tagPath(tag.slug)}>{tag.name}</Link>
            </li>
          ))}
        </ul>
      )}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(newsArticleJsonLd(article, settings)) }} />
    </article>
  );
}
