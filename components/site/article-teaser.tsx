import Link from "next/link";
import type { ArticleTeaser as Teaser } from "@/lib/articles/data";
import { PublishedTime } from "./published-time";

type Props = { article: Teaser; timeZone: string; headingLevel?: "h2" | "h3"; showLead?: boolean };

export function ArticleTeaser({ article, timeZone, headingLevel: Heading = "h3", showLead = true }: Props) {
  return (
    <article className="teaser">
      {article.category && (
        <Link className="kicker" href={`/categories/${article.category.slug}`}>
          {article.category.name}
        </Link>
      )}
      <Heading>
        <Link href={`/articles/${article.slug}`}>{article.title}</Link>
      </Heading>
      {showLead && article.lead && <p>{article.lead}</p>}
      {article.publishedAt && (
        <div className="meta">
          <PublishedTime date={article.publishedAt} timeZone={timeZone} />
        </div>
      )}
    </article>
  );
}
