import { describe, expect, it } from "vitest";
import { newsArticleJsonLd, serializeJsonLd, type JsonLdArticle } from "@/lib/seo/jsonld";

const settings = {
  siteUrl: "https://news.example.com",
  siteName: "Lede",
  timeZone: "Asia/Baku",
  publisherName: "Lede Media",
  publisherLogoUrl: "https://news.example.com/logo.png",
};

const article: JsonLdArticle = {
  slug: "oil-prices-rise",
  title: "Oil prices rise",
  lead: null,
  body: "<p>Brent crude rose 2% on Monday.</p><p>Second paragraph.</p>",
  publishedAt: "2024-11-18T08:04:00.000Z",
  updatedAt: "2024-11-18T09:00:00.000Z",
  category: { name: "Economy", slug: "economy" },
  author: { name: "Aynur Əliyeva", slug: "aynur-eliyeva" },
  tags: [{ name: "Oil" }, { name: "Markets" }],
  corrections: [],
};

describe("newsArticleJsonLd", () => {
  it("describes the article as a schema.org NewsArticle with absolute URLs and zoned dates", () => {
    expect(newsArticleJsonLd(article, settings)).toEqual({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      mainEntityOfPage: { "@type": "WebPage", "@id": "https://news.example.com/articles/oil-prices-rise" },
      url: "https://news.example.com/articles/oil-prices-rise",
      headline: "Oil prices rise",
      description: "Brent crude rose 2% on Monday.",
      datePublished: "2024-11-18T12:04:00+04:00",
      dateModified: "2024-11-18T13:00:00+04:00",
      author: [{ "@type": "Person", name: "Aynur Əliyeva", url: "https://news.example.com/authors/aynur-eliyeva" }],
      publisher: {
        "@type": "Organization",
        name: "Lede Media",
        url: "https://news.example.com",
        logo: { "@type": "ImageObject", url: "https://news.example.com/logo.png" },
      },
      articleSection: "Economy",
      keywords: "Oil, Markets",
    });
  });

  it("credits the publisher when there is no author, and never dates a modification before publication", () => {
    const data = newsArticleJsonLd({ ...article, author: null, category: null, updatedAt: "2024-01-01T00:00:00.000Z" }, { ...settings, publisherLogoUrl: "" });
    expect(data.author).toEqual([{ "@type": "Organization", name: "Lede Media", url: "https://news.example.com" }]);
    expect(data.dateModified).toBe(data.datePublished);
    expect(data).not.toHaveProperty("articleSection");
    expect(data.publisher).not.toHaveProperty("logo");
  });

  it("lists public corrections", () => {
    const data = newsArticleJsonLd({ ...article, corrections: [{ note: "An earlier version misspelt Baku.", date: "2024-11-19T10:00:00.000Z" }] }, settings);
    expect(data.correction).toEqual([{ "@type": "CorrectionComment", text: "An earlier version misspelt Baku.", datePublished: "2024-11-19T14:00:00+04:00" }]);
  });
});

describe("serializeJsonLd", () => {
  it("cannot be closed early by text in the article", () => {
    const json = serializeJsonLd({ headline: "</script><script>alert(1)</script>" });
    expect(json).not.toContain("</script>");
    expect(JSON.parse(json)).toEqual({ headline: "</script><script>alert(1)</script>" });
  });
});
