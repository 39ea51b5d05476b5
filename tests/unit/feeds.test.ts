import { describe, expect, it } from "vitest";
import Parser from "rss-parser";
import { XMLValidator } from "fast-xml-parser";
import { buildRss, type RssItem } from "@/lib/feeds/rss";

const item = (overrides: Partial<RssItem> = {}): RssItem => ({
  id: "ck1",
  title: "Biden authorizes use of US long-range weapons — media",
  link: "https://news.example.com/articles/biden-authorizes",
  description: "US President Joe Biden has allowed Ukraine to use “ATACMS” & more <b>missiles</b>",
  contentHtml: "<p>First paragraph.</p><p>Contains ]]> in the text.</p>",
  category: "Other countries",
  author: "Aynur Əliyeva",
  publishedAt: new Date("2024-11-18T08:04:00Z"),
  ...overrides,
});

const channel = (items: RssItem[]) => ({
  title: "Lede & Co",
  link: "https://news.example.com/",
  description: "The latest news",
  feedUrl: "https://news.example.com/feed.xml",
  items,
});

describe("buildRss", () => {
  it("is well-formed RSS 2.0 that a real parser reads back field for field", async () => {
    const xml = buildRss(channel([item(), item({ id: "ck2", title: "Second", author: null, category: null, publishedAt: new Date("2024-11-17T10:00:00Z") })]));
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<rss version="2.0"');

    const feed = await new Parser({ customFields: { item: ["dc:creator", "content:encoded"] } }).parseString(xml);
    expect(feed.title).toBe("Lede & Co");
    expect(feed.link).toBe("https://news.example.com/");
    expect(feed.items).toHaveLength(2);
    const [first, second] = feed.items;
    expect(first!.title).toBe("Biden authorizes use of US long-range weapons — media");
    expect(first!.link).toBe("https://news.example.com/articles/biden-authorizes");
    expect(first!.guid).toBe("lede:article:ck1");
    expect(first!.content).toBe("US President Joe Biden has allowed Ukraine to use “ATACMS” & more <b>missiles</b>");
    expect(first!.categories).toEqual(["Other countries"]);
    expect(first!.creator).toBe("Aynur Əliyeva");
    expect(first!["content:encoded"]).toBe("<p>First paragraph.</p><p>Contains ]]> in the text.</p>");
    expect(new Date(first!.pubDate!).toISOString()).toBe("2024-11-18T08:04:00.000Z");
    expect(first!.pubDate).toBe("Mon, 18 Nov 2024 08:04:00 GMT");
    expect(second!.categories).toBeUndefined();
    expect(second!.creator).toBeUndefined();
  });

  it("uses the newest item's time as lastBuildDate, so the document only changes with its content", () => {
    expect(buildRss(channel([item()]))).toContain("<lastBuildDate>Mon, 18 Nov 2024 08:04:00 GMT</lastBuildDate>");
    const empty = buildRss(channel([]));
    expect(XMLValidator.validate(empty)).toBe(true);
    expect(empty).not.toContain("lastBuildDate");
  });

  it("drops control characters XML cannot carry", () => {
    const xml = buildRss(channel([item({ title: "Bad\u0001 title\u000B" })]));
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain("<title>Bad title</title>");
  });
});
