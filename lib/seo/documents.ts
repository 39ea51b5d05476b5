import "server-only";
import { findRecentArticles, getSitemapArticles } from "@/lib/articles/data";
import { getSitemapCategories } from "@/lib/categories/data";
import { absoluteUrl, articlePath, categoryPath } from "./paths";
import { getPublicSiteSettings } from "./site-settings";
import { buildNewsSitemap, buildRobots, buildSitemap } from "./sitemap";

export const XML_HEADERS = { "Content-Type": "application/xml; charset=utf-8" };

/** Front page, every category with published stories, every published article. */
export async function renderSitemap(): Promise<string> {
  const [settings, articles, categories] = await Promise.all([getPublicSiteSettings(), getSitemapArticles(), getSitemapCategories()]);
  return buildSitemap([
    { loc: absoluteUrl(settings.siteUrl, "/"), lastModified: articles[0]?.lastModified },
    ...categories.map((category) => ({ loc: absoluteUrl(settings.siteUrl, categoryPath(category.slug)), lastModified: category.lastModified })),
    ...articles.map((article) => ({ loc: absoluteUrl(settings.siteUrl, articlePath(article.slug)), lastModified: article.lastModified })),
  ]);
}

export async function renderNewsSitemap(now = new Date()): Promise<string> {
  const [settings, articles] = await Promise.all([getPublicSiteSettings(), findRecentArticles({ hours: 48, now })]);
  return buildNewsSitemap({
    publicationName: settings.publisherName,
    language: "en",
    entries: articles.map((article) => ({
      loc: absoluteUrl(settings.siteUrl, articlePath(article.slug)),
      title: article.title,
      publishedAt: article.publishedAt,
    })),
  });
}

export async function renderRobots(): Promise<string> {
  return buildRobots((await getPublicSiteSettings()).siteUrl);
}
