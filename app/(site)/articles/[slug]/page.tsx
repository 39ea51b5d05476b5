import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { ArticleTeaser } from "@/components/site/article-teaser";
import { ArticleView } from "@/components/site/article-view";
import { TypoReport } from "@/components/site/typo-report.client";
import { getMoreInCategory, getPublishedArticle, getRedirectedSlug } from "@/lib/articles/data";
import { articleMetadata } from "@/lib/seo/metadata";
import { articlePath, categoryPath } from "@/lib/seo/paths";
import { getPublicSiteSettings } from "@/lib/seo/site-settings";

// Rendered on a reader's first visit, then served from the cache until the
// article (or its category) changes: nothing is rendered at build time.
export const revalidate = false;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [settings, article] = await Promise.all([getPublicSiteSettings(), getPublishedArticle((await params).slug)]);
  if (!article) return { title: "Page not found", robots: { index: false } };
  return articleMetadata(article, settings);
}

export default async function ArticlePage({ params }: Props) {
  const { slug } = await params;
  const [settings, article] = await Promise.all([getPublicSiteSettings(), getPublishedArticle(slug)]);
  if (!article) {
    // An old slug of a published article answers 308 to its current URL; the redirect is cached like
    // the page, so only its first request reads SlugRedirect. (Next 16 repeats that first response's
    // Location header; scripts/serve.mjs drops the copy.)
    const current = await getRedirectedSlug(slug);
    if (current) permanentRedirect(articlePath(current));
    notFound();
  }
  const more = article.category ? await getMoreInCategory(article.category.slug, article.slug) : [];

  return (
    <>
      <ArticleView article={article} settings={settings} afterBody={<TypoReport articleSlug={article.slug} />} />

      {article.category && more.length > 0 && (
        <aside className="more-in" aria-labelledby="more-in-title">
          <h2 id="more-in-title" className="section-title">
            More in <Link href={categoryPath(article.category.slug)}>{article.category.name}</Link>
          </h2>
          <ul className="more-in__list" role="list">
            {more.map((teaser) => (
              <li key={teaser.id}>
                <ArticleTeaser article={teaser} timeZone={settings.timeZone} showCategory={false} showLead={false} />
              </li>
            ))}
          </ul>
        </aside>
      )}
    </>
  );
}
