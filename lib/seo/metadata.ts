import type { Metadata } from "next";
import type { SiteSettings } from "@/lib/settings/schema";
import { toZonedIso } from "@/lib/text/dates";
import { absoluteUrl, articlePath, authorPath } from "./paths";
import { describeArticle } from "./describe";
import type { JsonLdArticle } from "./jsonld";

type Settings = Pick<SiteSettings, "siteUrl" | "siteName" | "timeZone">;

/** <title>, description, canonical, OpenGraph and Twitter tags of an article page. */
export function articleMetadata(article: JsonLdArticle, settings: Settings): Metadata {
  const url = absoluteUrl(settings.siteUrl, articlePath(article.slug));
  const description = describeArticle(article);
  return {
    title: article.title,
    description,
    alternates: { canonical: url },
    openGraph: {
      type: "article",
      url,
      title: article.title,
      description,
      siteName: settings.siteName,
      locale: "en_US",
      publishedTime: toZonedIso(new Date(article.publishedAt), settings.timeZone),
      modifiedTime: toZonedIso(new Date(Math.max(Date.parse(article.publishedAt), Date.parse(article.updatedAt))), settings.timeZone),
      ...(article.category ? { section: article.category.name } : {}),
      ...(article.tags.length ? { tags: article.tags.map((tag) => tag.name) } : {}),
      ...(article.author ? { authors: [absoluteUrl(settings.siteUrl, authorPath(article.author.slug))] } : {}),
    },
    twitter: { card: "summary", title: article.title, description },
  };
}

/** Title, description and canonical URL of a list page (page 2+ is its own canonical). */
export function listMetadata({
  title,
  description,
  path,
  page,
  settings,
  feed,
}: {
  title: string;
  description: string;
  path: string;
  page: number;
  settings: Settings;
  /** An RSS feed of this list, announced with <link rel="alternate">. */
  feed?: { url: string; title: string };
}): Metadata {
  const canonical = absoluteUrl(settings.siteUrl, page > 1 ? `${path}?page=${page}` : path);
  const fullTitle = page > 1 ? `${title} (page ${page})` : title;
  return {
    title: fullTitle,
    description,
    alternates: { canonical, ...(feed ? { types: { "application/rss+xml": [feed] } } : {}) },
    openGraph: { type: "website", url: canonical, title: fullTitle, description, siteName: settings.siteName },
    twitter: { card: "summary", title: fullTitle, description },
  };
}
