import { describe, expect, it } from "vitest";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { buildNewsSitemap, buildRobots, buildSitemap } from "@/lib/seo/sitemap";

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "url" });

describe("buildSitemap", () => {
  it("lists every URL with its lastmod as valid sitemaps.org XML", () => {
    const xml = buildSitemap([
      { loc: "https://news.example.com/", lastModified: "2024-11-18T08:04:00.000Z" },
      { loc: "https://news.example.com/articles/a?x=1&y=2", lastModified: "2024-11-17T08:04:00.000Z" },
      { loc: "https://news.example.com/categories/politics" },
    ]);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml);
    expect(doc.urlset["@_xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    expect(doc.urlset.url).toEqual([
      { loc: "https://news.example.com/", lastmod: "2024-11-18T08:04:00.000Z" },
      { loc: "https://news.example.com/articles/a?x=1&y=2", lastmod: "2024-11-17T08:04:00.000Z" },
      { loc: "https://news.example.com/categories/politics" },
    ]);
  });

  it("is valid when empty", () => {
    expect(XMLValidator.validate(buildSitemap([]))).toBe(true);
  });
});

describe("buildNewsSitemap", () => {
  it("writes Google News entries with publication, date and escaped title", () => {
    const xml = buildNewsSitemap({
      publicationName: "Lede & Co",
      language: "en",
      entries: [{ loc: "https://news.example.com/articles/a", title: "Oil <prices> & “Baku”", publishedAt: "2024-11-18T08:04:00.000Z" }],
    });
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml);
    expect(doc.urlset["@_xmlns:news"]).toBe("http://www.google.com/schemas/sitemap-news/0.9");
    const news = doc.urlset.url[0]["news:news"];
    expect(news["news:publication"]).toEqual({ "news:name": "Lede & Co", "news:language": "en" });
    expect(news["news:publication_date"]).toBe("2024-11-18T08:04:00.000Z");
    expect(news["news:title"]).toBe("Oil <prices> & “Baku”");
  });
});

describe("buildRobots", () => {
  it("allows the public site, keeps crawlers out of the newsroom and names both sitemaps", () => {
    const robots = buildRobots("https://news.example.com/");
    expect(robots).toContain("User-agent: *\nAllow: /\n");
    expect(robots).toContain("Disallow: /editor\n");
    expect(robots).toContain("Disallow: /admin\n");
    expect(robots).toContain("Sitemap: https://news.example.com/sitemap.xml\n");
    expect(robots).toContain("Sitemap: https://news.example.com/news-sitemap.xml\n");
  });
});
