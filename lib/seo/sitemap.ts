import { escapeXml } from "./xml";

export type SitemapEntry = { loc: string; lastModified?: string };

/** sitemaps.org urlset. */
export function buildSitemap(entries: SitemapEntry[]): string {
  const urls = entries.map(
    (entry) =>
      `<url><loc>${escapeXml(entry.loc)}</loc>${entry.lastModified ? `<lastmod>${escapeXml(entry.lastModified)}</lastmod>` : ""}</url>`,
  );
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`,
    ...urls,
    `</urlset>`,
    "",
  ].join("\n");
}

export type NewsSitemapEntry = { loc: string; title: string; publishedAt: string };

/** Google News sitemap: articles of the last two days with publication name and language. */
export function buildNewsSitemap({
  publicationName,
  language,
  entries,
}: {
  publicationName: string;
  language: string;
  entries: NewsSitemapEntry[];
}): string {
  const urls = entries.map((entry) =>
    [
      `<url>`,
      `<loc>${escapeXml(entry.loc)}</loc>`,
      `<news:news>`,
      `<news:publication><news:name>${escapeXml(publicationName)}</news:name><news:language>${escapeXml(language)}</news:language></news:publication>`,
      `<news:publication_date>${escapeXml(entry.publishedAt)}</news:publication_date>`,
      `<news:title>${escapeXml(entry.title)}</news:title>`,
      `</news:news>`,
      `</url>`,
    ].join(""),
  );
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">`,
    ...urls,
    `</urlset>`,
    "",
  ].join("\n");
}

/** robots.txt: the public site is crawlable, the newsroom is not, and both sitemaps are named. */
export function buildRobots(siteUrl: string): string {
  const base = siteUrl.replace(/\/+$/, "");
  return [
    "User-agent: *",
    "Allow: /",
    "Disallow: /editor",
    "Disallow: /admin",
    "Disallow: /account",
    "Disallow: /login",
    "Disallow: /setup",
    "Disallow: /api/",
    "Disallow: /search",
    "",
    `Sitemap: ${base}/sitemap.xml`,
    `Sitemap: ${base}/news-sitemap.xml`,
    "",
  ].join("\n");
}
