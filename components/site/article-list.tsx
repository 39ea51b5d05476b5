import type { ArticleTeaser as Teaser } from "@/lib/articles/data";
import { ArticleTeaser } from "./article-teaser";

type Props = { articles: Teaser[]; timeZone: string; showCategory?: boolean; headingLevel?: "h2" | "h3" };

export function ArticleList({ articles, timeZone, showCategory = true, headingLevel = "h2" }: Props) {
  return (
    <ol className="article-list" role="list">
      {articles.map((article) => (
        <li key={article.id}>
          <ArticleTeaser article={article} timeZone={timeZone} showCategory={showCategory} headingLevel={headingLevel} />
        </li>
      ))}
    </ol>
  );
}
