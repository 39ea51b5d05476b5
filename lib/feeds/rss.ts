import { cdata, escapeXml } from "@/lib/seo/xml";

export type RssItem = {
  id: string;
  title: string;
  link: string;
  /** Plain text: the lead (or the first paragraph when there is none). */
  description: string;
  /** Sanitised article HTML, for readers that show the full text. */
  contentHtml?: string;
  category?: string | null;
  author?: string | null;
  publishedAt: Date;
};

export type RssChannel = {
  title: string;
  link: string;
  description: string;
  /** Where this feed itself lives (atom:link rel="self"). */
  feedUrl: string;
  language?: string;
  items: RssItem[];
};

/** RSS 2.0 document for a channel. Items are given newest first. */
export function buildRss(channel: RssChannel): string {
  const newest = channel.items[0]?.publishedAt;
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">`,
    `<channel>`,
    `<title>${escapeXml(channel.title)}</title>`,
    `<link>${escapeXml(channel.link)}</link>`,
    `<description>${escapeXml(channel.description)}</description>`,
    `<language>${escapeXml(channel.language ?? "en")}</language>`,
    `<atom:link href="${escapeXml(channel.feedUrl)}" rel="self" type="application/rss+xml"/>`,
    // The newest item's time, not "now": the document only changes when its content does.
    ...(newest ? [`<lastBuildDate>${newest.toUTCString()}</lastBuildDate>`] : []),
    ...channel.items.map(renderItem),
    `</channel>`,
    `</rss>`,
  ];
  return `${lines.join("\n")}\n`;
}

function renderItem(item: RssItem): string {
  return [
    `<item>`,
    `<title>${escapeXml(item.title)}</title>`,
    `<link>${escapeXml(item.link)}</link>`,
    // The article's id, not its URL: a slug can change, and a feed reader must not show the story twice.
    `<guid isPermaLink="false">${escapeXml(`lede:article:${item.id}`)}</guid>`,
    `<pubDate>${item.publishedAt.toUTCString()}</pubDate>`,
    `<description>${escapeXml(item.description)}</description>`,
    ...(item.category ? [`<category>${escapeXml(item.category)}</category>`] : []),
    ...(item.author ? [`<dc:creator>${escapeXml(item.author)}</dc:creator>`] : []),
    ...(item.contentHtml ? [`<content:encoded>${cdata(item.contentHtml)}</content:encoded>`] : []),
    `</item>`,
  ].join("\n");
}
