import "server-only";
import { getFeedArticles } from "@/lib/articles/data";
import { getCategory } from "@/lib/categories/data";
import { describeArticle } from "@/lib/seo/describe";
import { absoluteUrl, articlePath, categoryFeedPath, categoryPath } from "@/lib/seo/paths";
import { getPublicSiteSettings } from "@/lib/seo/site-settings";
import { sanitizeArticleHtml } from "@/lib/text/sanitize";
import { buildRss } from "./rss";

export const RSS_HEADERS = { "Content-Type": "application/rss+xml; charset=utf-8" };

/** RSS of the latest 50 published articles, of the whole site or one category (null: no such category). */
export async function renderArticleFeed(categorySlug: string | null): Promise<string | null> {
  const settings = await getPublicSiteSettings();
  const category = categorySlug ? await getCategory(categorySlug) : null;
  if (categorySlug && !category) return null;
  const articles = await getFeedArticles(category?.slug ?? null);
  const link = absoluteUrl(settings.siteUrl, category ? categoryPath(category.slug) : "/");
  return buildRss({
    title: category ? `${settings.siteName}: ${category.name}` : settings.siteName,
    link,
    description: category ? category.description || `The latest ${category.name} news from ${settings.siteName}.` : `The latest news from ${settings.siteName}.`,
    feedUrl: absoluteUrl(settings.siteUrl, category ? categoryFeedPath(category.slug) : "/feed.xml"),
    items: articles.map((article) => ({
      id: article.id,
      title: article.title,
      link: absoluteUrl(settings.siteUrl, articlePath(article.slug)),
      description: describeArticle(article, Number.POSITIVE_INFINITY),
      contentHtml: sanitizeArticleHtml(article.body),
      category: article.category?.name,
      author: article.author?.name,
      publishedAt: new Date(article.publishedAt),
    })),
  });
}
