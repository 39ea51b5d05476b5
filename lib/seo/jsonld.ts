import type { SiteSettings } from "@/lib/settings/schema";
import { toZonedIso } from "@/lib/text/dates";
import { absoluteUrl, articlePath, authorPath } from "./paths";
import { describeArticle } from "./describe";

export type JsonLdArticle = {
  slug: string;
  title: string;
  lead: string | null;
  body: string;
  publishedAt: string;
  updatedAt: string;
  category: { name: string; slug: string } | null;
  author: { name: string; slug: string } | null;
  tags: { name: string }[];
  corrections: { note: string; date: string }[];
};

type Settings = Pick<SiteSettings, "siteUrl" | "siteName" | "timeZone" | "publisherName" | "publisherLogoUrl">;

/** schema.org NewsArticle for an article page (what Google's article rich results read). */
export function newsArticleJsonLd(article: JsonLdArticle, settings: Settings) {
  const url = absoluteUrl(settings.siteUrl, articlePath(article.slug));
  const published = new Date(article.publishedAt);
  // An article can be edited before its (back-dated) publication time; modified is never earlier.
  const modified = new Date(Math.max(published.getTime(), new Date(article.updatedAt).getTime()));
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    url,
    headline: article.title,
    description: describeArticle(article),
    datePublished: toZonedIso(published, settings.timeZone),
    dateModified: toZonedIso(modified, settings.timeZone),
    author: article.author
      ? [{ "@type": "Person", name: article.author.name, url: absoluteUrl(settings.siteUrl, authorPath(article.author.slug)) }]
      : [{ "@type": "Organization", name: settings.publisherName, url: settings.siteUrl }],
    publisher: {
      "@type": "Organization",
      name: settings.publisherName,
      url: settings.siteUrl,
      ...(settings.publisherLogoUrl ? { logo: { "@type": "ImageObject", url: settings.publisherLogoUrl } } : {}),
    },
    ...(article.category ? { articleSection: article.category.name } : {}),
    ...(article.tags.length ? { keywords: article.tags.map((tag) => tag.name).join(", ") } : {}),
    ...(article.corrections.length
      ? {
          correction: article.corrections.map((correction) => ({
            "@type": "CorrectionComment",
            text: correction.note,
            datePublished: toZonedIso(new Date(correction.date), settings.timeZone),
          })),
        }
      : {}),
  };
}

/** JSON for a <script type="application/ld+json">: "<" is escaped so no text can close the script. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
