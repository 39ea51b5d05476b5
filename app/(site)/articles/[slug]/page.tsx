import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PublishedTime } from "@/components/site/published-time";
import { getPublishedArticleBySlug } from "@/lib/articles/data";
import { getSiteSettings } from "@/lib/settings/data";
import { htmlToText, sanitizeArticleHtml } from "@/lib/text/sanitize";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await getPublishedArticleBySlug((await params).slug);
  if (!article) return {};
  return {
    title: article.title,
    description: article.lead ?? htmlToText(article.body).split("\n")[0]?.slice(0, 200),
  };
}

export default async function ArticlePage({ params }: Props) {
  const { slug } = await params;
  const [settings, article] = await Promise.all([getSiteSettings(), getPublishedArticleBySlug(slug)]);
  if (!article) notFound();

  return (
    <article className="article">
      {article.category && (
        <Link className="kicker" href={`/categories/${article.category.slug}`}>
          {article.category.name}
        </Link>
      )}
      <h1>{article.title}</h1>
      {article.lead && <p className="lead">{article.lead}</p>}
      <div className="byline meta">
        {article.author ? (
          <span>
            By <Link href={`/authors/${article.author.slug}`}>{article.author.name}</Link>
          </span>
        ) : (
          <span>By {settings.siteName} staff</span>
        )}
        {article.publishedAt && <PublishedTime date={article.publishedAt} timeZone={settings.timeZone} />}
      </div>
      <div className="article-body" dangerouslySetInnerHTML={{ __html: sanitizeArticleHtml(article.body) }} />
      {article.tags.length > 0 && (
        <ul className="tags" aria-label="Tags">
          {article.tags.map(({ tag }) => (
            <li key={tag.slug}>
              <Link href={`/tags/${tag.slug}`}>{tag.name}</Link>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
