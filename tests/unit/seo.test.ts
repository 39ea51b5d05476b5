import { describe, expect, it } from "vitest";
import { describeArticle, truncate } from "@/lib/seo/describe";
import { articleMetadata, listMetadata } from "@/lib/seo/metadata";
import { isPastTheEnd, pageCount, pageHref, parsePageParam } from "@/lib/seo/pagination";
import { absoluteUrl } from "@/lib/seo/paths";
import { articleChangeTags } from "@/lib/cache/tags";

describe("pagination", () => {
  it("accepts only plain positive page numbers", () => {
    expect(parsePageParam(undefined)).toBe(1);
    expect(parsePageParam("1")).toBe(1);
    expect(parsePageParam("12")).toBe(12);
    for (const bad of ["0", "-1", "02", "1.5", "abc", "", "9999999", ["1", "2"]]) expect(parsePageParam(bad)).toBeNull();
  });

  it("counts pages and knows when a page is past the end (page 1 always exists)", () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(41, 20)).toBe(3);
    expect(isPastTheEnd(1, 0, 20)).toBe(false);
    expect(isPastTheEnd(3, 41, 20)).toBe(false);
    expect(isPastTheEnd(4, 41, 20)).toBe(true);
  });

  it("links page 1 without a parameter and keeps other parameters", () => {
    expect(pageHref("/categories/politics", 1)).toBe("/categories/politics");
    expect(pageHref("/categories/politics", 2)).toBe("/categories/politics?page=2");
    expect(pageHref("/search", 3, { q: "oil & gas" })).toBe("/search?q=oil+%26+gas&page=3");
  });
});

describe("describeArticle", () => {
  it("uses the lead, or else the first paragraph's text", () => {
    expect(describeArticle({ lead: "The lead.", body: "<p>Body.</p>" })).toBe("The lead.");
    expect(describeArticle({ lead: null, body: "<p>First &amp; <em>best</em>.</p><p>Second.</p>" })).toBe("First & best.");
    expect(describeArticle({ lead: "  ", body: "<p>Body.</p>" })).toBe("Body.");
  });

  it("cuts long text on a word boundary", () => {
    expect(truncate("one two three four five", 12)).toBe("one two…");
    expect(truncate("short", 12)).toBe("short");
  });
});

describe("metadata builders", () => {
  const settings = { siteUrl: "https://news.example.com", siteName: "Lede", timeZone: "UTC" };

  it("gives an article its canonical URL, OpenGraph article data and a Twitter card", () => {
    const metadata = articleMetadata(
      {
        slug: "a-story",
        title: "A story",
        lead: "What happened.",
        body: "<p>Body</p>",
        publishedAt: "2024-11-18T08:04:00.000Z",
        updatedAt: "2024-11-18T08:30:00.000Z",
        category: { name: "Politics", slug: "politics" },
        author: { name: "Ann", slug: "ann" },
        tags: [{ name: "Elections" }],
        corrections: [],
      },
      settings,
    );
    expect(metadata.title).toBe("A story");
    expect(metadata.description).toBe("What happened.");
    expect(metadata.alternates?.canonical).toBe("https://news.example.com/articles/a-story");
    expect(metadata.openGraph).toMatchObject({
      type: "article",
      url: "https://news.example.com/articles/a-story",
      publishedTime: "2024-11-18T08:04:00+00:00",
      modifiedTime: "2024-11-18T08:30:00+00:00",
      section: "Politics",
      tags: ["Elections"],
      authors: ["https://news.example.com/authors/ann"],
    });
    expect(metadata.twitter).toMatchObject({ card: "summary", title: "A story" });
  });

  it("makes page 2 of a list its own canonical URL", () => {
    expect(listMetadata({ title: "Politics", description: "d", path: "/categories/politics", page: 1, settings }).alternates?.canonical).toBe(
      "https://news.example.com/categories/politics",
    );
    const second = listMetadata({ title: "Politics", description: "d", path: "/categories/politics", page: 2, settings });
    expect(second.alternates?.canonical).toBe("https://news.example.com/categories/politics?page=2");
    expect(second.title).toBe("Politics (page 2)");
  });

  it("builds absolute URLs from the site URL", () => {
    expect(absoluteUrl("https://news.example.com/", "/feed.xml")).toBe("https://news.example.com/feed.xml");
  });
});

describe("articleChangeTags", () => {
  it("names every cache that can show the changed article", () => {
    expect(
      articleChangeTags({ slug: "new", previousSlug: "old", categorySlugs: ["politics", "economy"], tagSlugs: ["oil"], authorSlug: "ann" }).sort(),
    ).toEqual(["article:new", "article:old", "articles", "author:ann", "category:economy", "category:politics", "tag:oil"]);
    expect(articleChangeTags({ slug: "only" }).sort()).toEqual(["article:only", "articles"]);
  });
});
