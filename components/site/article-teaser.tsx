import Link from "next/link";
import type { ArticleTeaser as Teaser } from "@/lib/articles/data";
import { articlePath, categoryPath } from "@/lib/seo/paths";
import { PublishedTime } from "./published-time";

type Props = {
  article: Teaser;
  timeZone: string;
  headingLevel?: "h2" | "h3";
  showLead?: boolean;
  showCategory?: boolean;
  /** Search: an HTML excerpt whose only markup is <mark> (built by lib/search/snippet.ts). */
  snippetHtml?: string;
};

export function ArticleTeaser({ article, timeZone, headingLevel: Heading = "h3", showLead = true, showCategory = true, snippetHtml }: Props) {
  return (
    <article className="teaser">
      {showCategory && article.category && (
        <Link className="kicker" href={categoryPath(article.category.slug)}>
          {article.category.name}
        </Link>
      )}
      <Heading className="teaser__title">
        <Link href={articlePath(article.slug)}>{article.title}</Link>
      </Heading>
      {snippetHtml ? (
        <p className="teaser__snippet" dangerouslySetInnerHTML={{ __html: snippetHtml }} />
      ) : (
        showLead && article.lead && <p className="teaser__lead">{article.lead}</p>
      )}
      <div className="meta">
        <PublishedTime date={article.publishedAt} timeZone={timeZone} />
        {article.author && <span className="teaser__author"> · {article.author.name}</span>}
      </div>
    </article>
  );
}
