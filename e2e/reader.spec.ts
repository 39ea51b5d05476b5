// The public reader site against the built app: every page, its SEO surface,
// feeds and sitemaps, pagination and 404s, and freshness — rows written straight
// into the database (as another app instance would) show up within a second.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import Parser from "rss-parser";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { announce, insertArticle, insertRow, openE2eDatabase, type E2eDatabase } from "./reader-support";

const RUN = randomUUID().replace(/-/g, "").slice(0, 8);
const SEED_SLUG = "biden-authorizes-use-of-us-long-range-weapons-to-strike-inside-russia-media";
const CATEGORY = { name: `Reader Economy ${RUN}`, slug: `reader-economy-${RUN}` };
const TAG = { name: `Energy ${RUN}`, slug: `energy-${RUN}` };
const AUTHOR = { name: `Aynur Əliyeva ${RUN}`, slug: `aynur-${RUN}` };
// Older than the seed article, so the seed story stays the lead for the other specs.
const BASE_TIME = Date.UTC(2024, 9, 1, 9, 0);
const HOUR = 3_600_000;

let db: E2eDatabase;
let pageSize = 20;
let listCount = 0;
let categoryId = "";
let tagId = "";
let authorId = "";
const articleIds: string[] = [];
const storySlug = (index: number) => `reader-story-${index}-${RUN}`;
const storyTitle = (index: number) => `Reader story ${index} ${RUN}`;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  db = openE2eDatabase();
  const [settings] = await db.all<{ value: unknown }>(`SELECT "value" FROM "Setting" WHERE "key" = 'site'`);
  const stored = typeof settings?.value === "string" ? JSON.parse(settings.value) : settings?.value;
  pageSize = Number((stored as { pageSize?: number } | undefined)?.pageSize ?? 20);
  listCount = pageSize + 3; // two pages
  const now = db.time(new Date());
  categoryId = await insertRow(db, "Category", { ...CATEGORY, description: "Markets, budgets and energy.", position: 0, createdAt: now });
  tagId = await insertRow(db, "Tag", TAG);
  authorId = await insertRow(db, "User", { email: `reader-${RUN}@example.test`, ...AUTHOR, bio: "Covers energy markets.", role: "AUTHOR", createdAt: now, updatedAt: now });
  for (let index = 0; index < listCount; index += 1) {
    articleIds.push(
      await insertArticle(db, {
        slug: storySlug(index),
        title: storyTitle(index),
        lead: `Lead of story ${index}: “quotes” & dashes — kept.`,
        body: `<p>First paragraph of story ${index} about the pipeline${RUN}.</p><p>Second paragraph.</p>`,
        publishedAt: new Date(BASE_TIME - index * HOUR),
        categoryId,
        authorId,
        tagIds: index < 3 ? [tagId] : [],
      }),
    );
  }
  await insertArticle(db, { slug: `reader-draft-${RUN}`, title: `Draft ${RUN}`, body: `<p>pipeline${RUN} draft</p>`, status: "DRAFT", publishedAt: null, categoryId });
  await announce(db, ["public"]);
});

test.afterAll(async () => {
  await db.run(`DELETE FROM "Article" WHERE "slug" LIKE ?`, [`%${RUN}`]);
  await db.run(`DELETE FROM "Category" WHERE "id" = ?`, [categoryId]);
  await db.run(`DELETE FROM "Tag" WHERE "id" = ?`, [tagId]);
  await db.run(`DELETE FROM "User" WHERE "id" = ?`, [authorId]);
  await announce(db, ["public"]);
  await db.close();
});

async function jsonLd(page: Page) {
  return JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "null");
}

test("front page: lead story, latest stories and a block per category, one h1", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page.locator("h1")).toHaveCount(1);
  await expect(page.locator("#lead-story-title")).toBeVisible();
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { name: "Latest", exact: true })).toBeVisible();
  await expect(main.getByRole("heading", { level: 2, name: CATEGORY.name })).toBeVisible();
  // Every story appears at most once.
  const hrefs = await main.locator('a[href^="/articles/"]').evaluateAll((links) => links.map((link) => link.getAttribute("href")));
  expect(hrefs.length).toBe(new Set(hrefs).size);
  await expect(page.getByRole("link", { name: "Skip to content" })).toHaveAttribute("href", "#main");
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute("href", /\/feed\.xml$/);
});

test("article page: headline, byline, category, zoned time, body, tags, more in the category, SEO tags", async ({ page, baseURL }) => {
  await page.goto(`/articles/${storySlug(1)}`);
  await expect(page.locator("h1")).toHaveCount(1);
  await expect(page.locator("h1")).toHaveText(storyTitle(1));
  const article = page.locator("article.article");
  await expect(article.locator(".lead")).toHaveText("Lead of story 1: “quotes” & dashes — kept.");
  await expect(article.getByRole("link", { name: AUTHOR.name })).toHaveAttribute("href", `/authors/${AUTHOR.slug}`);
  await expect(article.getByRole("link", { name: CATEGORY.name })).toHaveAttribute("href", `/categories/${CATEGORY.slug}`);
  await expect(article.locator(".byline time")).toHaveAttribute("datetime", "2024-10-01T08:00:00+00:00");
  await expect(article.locator(".article-body p")).toHaveCount(2);
  await expect(article.getByRole("list", { name: "Tags" }).getByRole("link", { name: TAG.name })).toHaveAttribute("href", `/tags/${TAG.slug}`);
  const more = page.getByRole("complementary", { name: `More in ${CATEGORY.name}` });
  await expect(more.getByRole("link", { name: storyTitle(0) })).toBeVisible();
  await expect(more.getByRole("link", { name: storyTitle(1) })).toHaveCount(0);

  const url = `${baseURL}/articles/${storySlug(1)}`;
  await expect(page).toHaveTitle(new RegExp(`^${storyTitle(1)} · `));
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", "Lead of story 1: “quotes” & dashes — kept.");
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", url);
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
  await expect(page.locator('meta[property="og:url"]')).toHaveAttribute("content", url);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", storyTitle(1));
  await expect(page.locator('meta[property="article:published_time"]')).toHaveAttribute("content", "2024-10-01T08:00:00+00:00");
  await expect(page.locator('meta[property="article:section"]')).toHaveAttribute("content", CATEGORY.name);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary");
  await expect(page.locator('meta[name="twitter:title"]')).toHaveAttribute("content", storyTitle(1));

  expect(await jsonLd(page)).toMatchObject({
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: storyTitle(1),
    url,
    datePublished: "2024-10-01T08:00:00+00:00",
    dateModified: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    author: [{ "@type": "Person", name: AUTHOR.name, url: `${baseURL}/authors/${AUTHOR.slug}` }],
    publisher: { "@type": "Organization", name: expect.any(String) },
    articleSection: CATEGORY.name,
  });
});

test("category pages paginate with rel prev/next, and a page past the end is a 404", async ({ page }) => {
  const path = `/categories/${CATEGORY.slug}`;
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(CATEGORY.name);
  await expect(page.getByText(`${listCount} stories`)).toBeVisible();
  const items = page.locator("main .article-list > li");
  await expect(items).toHaveCount(pageSize);
  await expect(items.first()).toContainText(storyTitle(0));
  await expect(page.locator('head link[rel="next"]')).toHaveAttribute("href", `${path}?page=2`);
  await expect(page.locator('head link[rel="prev"]')).toHaveCount(0);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`${path}$`));

  await page.getByRole("navigation", { name: "Pagination" }).getByRole("link", { name: /Older/ }).click();
  await expect(page).toHaveURL(new RegExp(`${path}\\?page=2$`));
  await expect(items).toHaveCount(listCount - pageSize);
  await expect(items.last()).toContainText(storyTitle(listCount - 1));
  await expect(page.locator('head link[rel="prev"]')).toHaveAttribute("href", path);
  await expect(page.locator('head link[rel="next"]')).toHaveCount(0);
  await expect(page.getByText("Page 2 of 2")).toBeVisible();

  // Reached directly, page 2 is its own canonical URL with the right stories.
  expect((await page.goto(`${path}?page=2`))?.status()).toBe(200);
  await expect(items).toHaveCount(listCount - pageSize);
  await expect(items.first()).toContainText(storyTitle(pageSize));
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`${path}\\?page=2$`));
  await expect(page.locator('head link[rel="prev"]')).toHaveAttribute("href", path);
  await expect(page).toHaveTitle(new RegExp(`^${CATEGORY.name} \\(page 2\\)`));

  // `?page=2` is rewritten to an internal path (lib/seo/list-rewrites.cjs): that path is no second address.
  for (const bad of [`${path}?page=3`, `${path}?page=0`, `${path}?page=02`, `${path}?page=abc`, `${path}/page/2`, "/categories/no-such-section"]) {
    const response = await page.goto(bad);
    expect(response?.status(), bad).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  }
});

test("list pages, page 2 included, are cached until their stories change", async ({ request }) => {
  const path = `/categories/${CATEGORY.slug}`;
  for (const url of [path, `${path}?page=2`, `/tags/${TAG.slug}`, `/authors/${AUTHOR.slug}?page=2`, `${path}?page=02`]) {
    await request.get(url);
    const response = await request.get(url);
    expect(response.headers()["x-nextjs-cache"], url).toBe("HIT");
    expect(response.headers()["cache-control"], url).toBe("public, max-age=0, s-maxage=1, stale-while-revalidate=59");
  }

  // A story published elsewhere pushes one onto page 2 once announced as lib/cache/public.ts does.
  const slug = `reader-newest-${RUN}`;
  const tags = ["articles", `article:${slug}`, `category:${CATEGORY.slug}`];
  await insertArticle(db, { slug, title: `Newest ${RUN}`, body: "<p>Now.</p>", publishedAt: new Date(BASE_TIME + HOUR), categoryId });
  await announce(db, tags);
  try {
    await expect(async () => {
      const html = await (await request.get(`${path}?page=2`)).text();
      expect(html).toContain(`>${storyTitle(pageSize - 1)}<`);
    }).toPass({ timeout: 2_000, intervals: [100] });
  } finally {
    await db.run(`DELETE FROM "Article" WHERE "slug" = ?`, [slug]);
    await announce(db, tags);
  }
});

test("a renamed category's old address redirects to the same page of the new one", async ({ request }) => {
  const old = `reader-old-section-${RUN}`;
  await db.run(`INSERT INTO "CategorySlugRedirect" ("slug", "categoryId", "createdAt") VALUES (?, ?, ?)`, [old, categoryId, db.time(new Date())]);
  await announce(db, [`category:${old}`]);
  for (const suffix of ["", "?page=2"]) {
    const from = `/categories/${old}${suffix}`;
    const response = await request.get(from, { maxRedirects: 0 });
    expect(response.status(), from).toBe(308);
    expect(response.headers()["location"], from).toBe(`/categories/${CATEGORY.slug}${suffix}`);
  }
  expect((await request.get(`/categories/${old}?page=02`, { maxRedirects: 0 })).status()).toBe(404);
});

test("tag and author pages list their stories; unknown ones are 404s", async ({ page }) => {
  await page.goto(`/tags/${TAG.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TAG.name);
  await expect(page.locator("main .article-list > li")).toHaveCount(3);

  await page.goto(`/authors/${AUTHOR.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(AUTHOR.name);
  await expect(page.getByText("Covers energy markets.")).toBeVisible();
  await expect(page.locator("main .article-list > li")).toHaveCount(pageSize);
  await expect(page.locator('head link[rel="next"]')).toHaveAttribute("href", `/authors/${AUTHOR.slug}?page=2`);
  await page.goto(`/authors/${AUTHOR.slug}?page=2`);
  await expect(page.locator("main .article-list > li")).toHaveCount(listCount - pageSize);
  await expect(page.locator('head link[rel="prev"]')).toHaveAttribute("href", `/authors/${AUTHOR.slug}`);

  for (const path of [
    `/tags/no-such-tag-${RUN}`,
    `/authors/no-such-person-${RUN}`,
    `/tags/${TAG.slug}?page=2`,
    `/tags/${TAG.slug}?page=01`,
    `/authors/${AUTHOR.slug}?page=3`,
    `/authors/${AUTHOR.slug}?page=x`,
    `/authors/${AUTHOR.slug}/page/2`,
  ])
    expect((await page.goto(path))?.status(), path).toBe(404);
});

test("search: ranked results with highlighted snippets, pagination, empty and no-result states", async ({ page }) => {
  await page.goto("/search");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search");
  await expect(page.getByText("Type a word or two")).toBeVisible();

  await page.getByRole("searchbox", { name: "Search articles" }).last().fill(`pipeline${RUN}`);
  await page.getByRole("main").getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(new RegExp(`/search\\?q=pipeline${RUN}`));
  await expect(page.getByText(`${listCount} results for “pipeline${RUN}”`)).toBeVisible();
  const results = page.locator("main .article-list > li");
  await expect(results).toHaveCount(pageSize);
  await expect(results.first().locator("mark")).toHaveText(`pipeline${RUN}`);
  await expect(page.getByText(`Draft ${RUN}`)).toHaveCount(0);
  await expect(page.locator('head link[rel="next"]')).toHaveAttribute("href", `/search?q=pipeline${RUN}&page=2`);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);

  await page.goto(`/search?q=pipeline${RUN}&page=2`);
  await expect(results).toHaveCount(listCount - pageSize);

  await page.goto(`/search?q=${encodeURIComponent('"unbalanced AND (')}`);
  await expect(page.getByText("No results for")).toBeVisible();
  await page.goto(`/search?q=nothing${RUN}`);
  await expect(page.getByText(`No results for “nothing${RUN}”.`)).toBeVisible();
  expect((await page.goto(`/search?q=pipeline${RUN}&page=9`))?.status()).toBe(404);
});

test("the site header's search box leads to the search page", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("search", { name: "Site search" }).getByRole("searchbox").fill("Biden");
  await page.getByRole("search", { name: "Site search" }).getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=Biden/);
  await expect(page.locator("main .article-list").getByRole("link", { name: /Biden authorizes/ })).toBeVisible();
});

test("RSS feeds parse with a real RSS parser", async ({ request, baseURL }) => {
  const response = await request.get("/feed.xml");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/rss+xml");
  const xml = await response.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  const feed = await new Parser().parseString(xml);
  expect(feed.items.length).toBeGreaterThan(0);
  expect(feed.items.length).toBeLessThanOrEqual(50);
  const seed = feed.items.find((item) => item.link === `${baseURL}/articles/${SEED_SLUG}`);
  expect(seed).toMatchObject({
    title: "Biden authorizes use of US long-range weapons to strike inside Russia — media",
    content: "US President Joe Biden has allowed Ukraine to use US-supplied long-range ballistic missiles to strike inside Russia",
    categories: ["Other countries"],
    guid: expect.stringMatching(/^lede:article:/),
  });
  expect(new Date(seed!.pubDate!).toISOString()).toBe("2024-11-18T08:04:00.000Z");

  const categoryFeed = await new Parser().parseString(await (await request.get(`/categories/${CATEGORY.slug}/feed.xml`)).text());
  expect(categoryFeed.title).toContain(CATEGORY.name);
  expect(categoryFeed.items).toHaveLength(listCount);
  expect(categoryFeed.items[0]!.title).toBe(storyTitle(0));
  expect((await request.get(`/categories/no-such-section-${RUN}/feed.xml`)).status()).toBe(404);
});

test("sitemaps are valid XML and robots.txt names them", async ({ request, baseURL }) => {
  const parser = new XMLParser({ isArray: (name) => name === "url" });
  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(XMLValidator.validate(sitemap)).toBe(true);
  const locs = parser.parse(sitemap).urlset.url.map((url: { loc: string; lastmod?: string }) => url.loc);
  expect(locs).toContain(`${baseURL}/`);
  expect(locs).toContain(`${baseURL}/articles/${SEED_SLUG}`);
  expect(locs).toContain(`${baseURL}/articles/${storySlug(0)}`);
  expect(locs).toContain(`${baseURL}/categories/${CATEGORY.slug}`);
  expect(locs).not.toContain(`${baseURL}/articles/reader-draft-${RUN}`);

  const recentSlug = `reader-breaking-${RUN}`;
  await insertArticle(db, { slug: recentSlug, title: `Breaking ${RUN}`, body: "<p>Now.</p>", publishedAt: new Date(Date.now() - 60_000), categoryId });
  await announce(db, ["articles", `article:${recentSlug}`, `category:${CATEGORY.slug}`]);
  const news = await (await request.get("/news-sitemap.xml")).text();
  expect(XMLValidator.validate(news)).toBe(true);
  const entries = parser.parse(news).urlset.url;
  const breaking = entries.find((url: { loc: string }) => url.loc === `${baseURL}/articles/${recentSlug}`);
  expect(breaking["news:news"]["news:title"]).toBe(`Breaking ${RUN}`);
  expect(entries.some((url: { loc: string }) => url.loc.endsWith(SEED_SLUG))).toBe(false); // published in 2024
  await db.run(`DELETE FROM "Article" WHERE "slug" = ?`, [recentSlug]);
  await announce(db, ["articles", `article:${recentSlug}`, `category:${CATEGORY.slug}`]);

  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
  expect(robots).toContain(`Sitemap: ${baseURL}/news-sitemap.xml`);
});

test("drafts are not public, and an old slug redirects permanently to the current one", async ({ page, request }) => {
  expect((await page.goto(`/articles/reader-draft-${RUN}`))?.status()).toBe(404);
  await db.run(`INSERT INTO "SlugRedirect" ("slug", "articleId", "createdAt") VALUES (?, ?, ?)`, [`reader-old-name-${RUN}`, articleIds[2], db.time(new Date())]);
  // The first request renders the redirect into the cache, the second is served from it. Next 16 sends the
  // rendering request's Location twice (vercel/next.js#82117; scripts/serve.mjs drops the copy): one, both times.
  for (const visit of ["rendered", "cached"]) {
    const response = await request.get(`/articles/reader-old-name-${RUN}`, { maxRedirects: 0 });
    expect(response.status(), visit).toBe(308);
    const locations = response.headersArray().filter((header) => header.name.toLowerCase() === "location");
    expect(locations.map((header) => header.value), visit).toEqual([`/articles/${storySlug(2)}`]);
  }
  expect((await request.get(`/articles/reader-old-name-${RUN}`)).url()).toMatch(new RegExp(`/articles/${storySlug(2)}$`));
});

test("a change made elsewhere is visible within a second, with no time-based expiry", async ({ page }) => {
  const slug = storySlug(0);
  await page.goto(`/articles/${slug}`);
  await expect(page.locator("h1")).toHaveText(storyTitle(0));
  await page.goto(`/categories/${CATEGORY.slug}`); // cached too

  const retitled = `Retitled story ${RUN}`;
  await db.run(`UPDATE "Article" SET "title" = ?, "updatedAt" = ? WHERE "slug" = ?`, [retitled, db.time(new Date()), slug]);
  const changedAt = Date.now();
  await announce(db, ["articles", `article:${slug}`, `category:${CATEGORY.slug}`, `tag:${TAG.slug}`, `author:${AUTHOR.slug}`]);
  await expect(async () => {
    await page.goto(`/articles/${slug}`);
    await expect(page.locator("h1")).toHaveText(retitled, { timeout: 100 });
  }).toPass({ timeout: 1_000, intervals: [50] });
  expect(Date.now() - changedAt).toBeLessThan(1_000);
  await page.goto(`/categories/${CATEGORY.slug}`);
  await expect(page.locator("main .article-list > li").first()).toContainText(retitled);

  await db.run(`UPDATE "Article" SET "status" = 'UNPUBLISHED' WHERE "slug" = ?`, [slug]);
  await announce(db, ["articles", `article:${slug}`, `category:${CATEGORY.slug}`]);
  await expect(async () => {
    expect((await page.goto(`/articles/${slug}`))?.status()).toBe(404);
  }).toPass({ timeout: 1_000, intervals: [50] });
});

test("public pages are cached and allow a one-second shared cache", async ({ request }) => {
  for (const path of ["/", `/articles/${SEED_SLUG}`, "/feed.xml", "/sitemap.xml"]) {
    await request.get(path);
    const response = await request.get(path);
    expect(response.headers()["cache-control"], path).toBe("public, max-age=0, s-maxage=1, stale-while-revalidate=59");
    expect(response.headers()["x-nextjs-cache"], path).toBe("HIT");
  }
  expect((await request.get("/api/health")).headers()["cache-control"]).toBe("no-store");
});
