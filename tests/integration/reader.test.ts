// Public reads against the real database named by DATABASE_URL (SQLite or
// PostgreSQL). The database is shared with other files, so every row made here
// carries this run's id and assertions only look at this file's rows.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { databaseUrl } from "@/lib/config";
import { migrate } from "@/lib/db/migrate";
import {
  findArticlePage,
  findFeedArticles,
  findFrontPage,
  findLatestArticles,
  findMoreInCategory,
  findPublishedArticle,
  findRecentArticles,
  findRedirectedSlug,
  findSitemapArticles,
} from "@/lib/articles/data";
import { findCategoryBySlug, findSitemapCategories } from "@/lib/categories/data";
import { findTagBySlug } from "@/lib/tags/data";
import { findAuthorBySlug } from "@/lib/users/public";
import { recordInvalidations } from "@/lib/cache/invalidations";

const RUN = randomUUID().slice(0, 8);
const HOUR = 3_600_000;
const now = Date.now();
let categoryId: string;
let otherCategoryId: string;
let authorId: string;
let tagId: string;

type Status = "PUBLISHED" | "DRAFT" | "SCHEDULED" | "UNPUBLISHED";
async function makeArticle(name: string, { status = "PUBLISHED", hoursAgo = 1, category = categoryId, tagged = false }: { status?: Status; hoursAgo?: number; category?: string; tagged?: boolean } = {}) {
  return db.article.create({
    data: {
      slug: `${name}-${RUN}`,
      title: `${name} ${RUN}`,
      lead: `Lead of ${name}`,
      body: `<p>Body of ${name}.</p>`,
      status,
      publishedAt: status === "DRAFT" ? null : new Date(now - hoursAgo * HOUR),
      categoryId: category,
      authorId,
      ...(tagged ? { tags: { create: [{ tagId }] } } : {}),
    },
  });
}

beforeAll(async () => {
  await migrate(databaseUrl());
  categoryId = (await db.category.create({ data: { name: `Economy ${RUN}`, slug: `economy-${RUN}`, description: "Money" } })).id;
  otherCategoryId = (await db.category.create({ data: { name: `Sport ${RUN}`, slug: `sport-${RUN}` } })).id;
  authorId = (await db.user.create({ data: { email: `reader-${RUN}@example.test`, name: `Aynur ${RUN}`, slug: `aynur-${RUN}` } })).id;
  tagId = (await db.tag.create({ data: { name: `Oil ${RUN}`, slug: `oil-${RUN}` } })).id;
  // Newest first: one..five published in Economy (two tagged), plus rows readers must never see.
  for (const [index, name] of ["one", "two", "three", "four", "five"].entries()) await makeArticle(name, { hoursAgo: index + 1, tagged: index < 2 });
  await makeArticle("elsewhere", { category: otherCategoryId, hoursAgo: 0.5 });
  await makeArticle("old", { hoursAgo: 24 * 30 });
  await makeArticle("draft", { status: "DRAFT" });
  await makeArticle("scheduled", { status: "SCHEDULED", hoursAgo: -5 });
  await makeArticle("withdrawn", { status: "UNPUBLISHED" });
});

const mine = <T extends { slug: string }>(rows: T[]) => rows.filter((row) => row.slug.endsWith(RUN)).map((row) => row.slug.replace(`-${RUN}`, ""));

describe("public article reads", () => {
  it("list only published articles, newest first, with dates as ISO strings", async () => {
    const latest = await findLatestArticles({ take: 500 });
    expect(mine(latest)).toEqual(["elsewhere", "one", "two", "three", "four", "five", "old"]);
    const one = latest.find((article) => article.slug === `one-${RUN}`)!;
    expect(one).toMatchObject({ title: `one ${RUN}`, lead: "Lead of one", category: { name: `Economy ${RUN}`, slug: `economy-${RUN}` }, author: { name: `Aynur ${RUN}`, slug: `aynur-${RUN}` } });
    expect(one.publishedAt).toBe(new Date(now - HOUR).toISOString());
  });

  it("page through a category, a tag and an author with totals", async () => {
    const first = await findArticlePage({ category: { slug: `economy-${RUN}` } }, 1, 2);
    const third = await findArticlePage({ category: { slug: `economy-${RUN}` } }, 3, 2);
    expect(first.total).toBe(6);
    expect(mine(first.articles)).toEqual(["one", "two"]);
    expect(mine(third.articles)).toEqual(["five", "old"]);
    expect(mine((await findArticlePage({ tags: { some: { tag: { slug: `oil-${RUN}` } } } }, 1, 10)).articles)).toEqual(["one", "two"]);
    expect((await findArticlePage({ author: { slug: `aynur-${RUN}` } }, 1, 10)).total).toBe(7);
  });

  it("read one published article with its tags and public corrections only", async () => {
    const article = await db.article.findUniqueOrThrow({ where: { slug: `one-${RUN}` } });
    await db.correction.createMany({
      data: [
        { articleId: article.id, selectedText: "Bdy", status: "ACCEPTED", publicNote: "An earlier version misspelt the body.", handledAt: new Date(now) },
        { articleId: article.id, selectedText: "x", status: "ACCEPTED" },
        { articleId: article.id, selectedText: "y", status: "OPEN", publicNote: "not yet" },
        { articleId: article.id, selectedText: "z", status: "DISMISSED", publicNote: "no" },
      ],
    });
    const page = await findPublishedArticle(`one-${RUN}`);
    expect(page).toMatchObject({ title: `one ${RUN}`, body: "<p>Body of one.</p>", tags: [{ name: `Oil ${RUN}`, slug: `oil-${RUN}` }] });
    expect(page!.corrections).toEqual([{ id: expect.any(String), note: "An earlier version misspelt the body.", date: new Date(now).toISOString() }]);
    for (const hidden of ["draft", "scheduled", "withdrawn", "nothing"]) expect(await findPublishedArticle(`${hidden}-${RUN}`)).toBeNull();
  });

  it("offer more from the same category, never the article itself", async () => {
    expect(mine(await findMoreInCategory(`economy-${RUN}`, `one-${RUN}`))).toEqual(["two", "three", "four", "five"]);
  });

  it("follow an old slug to the current one only while the article is published", async () => {
    const two = await db.article.findUniqueOrThrow({ where: { slug: `two-${RUN}` } });
    const withdrawn = await db.article.findUniqueOrThrow({ where: { slug: `withdrawn-${RUN}` } });
    await db.slugRedirect.createMany({ data: [{ slug: `two-old-${RUN}`, articleId: two.id }, { slug: `withdrawn-old-${RUN}`, articleId: withdrawn.id }] });
    expect(await findRedirectedSlug(`two-old-${RUN}`)).toBe(`two-${RUN}`);
    expect(await findRedirectedSlug(`withdrawn-old-${RUN}`)).toBeNull();
    expect(await findRedirectedSlug(`unknown-${RUN}`)).toBeNull();
  });

  it("build the front page from the newest stories, then category blocks of stories not shown above", async () => {
    const front = await findFrontPage();
    const shown = [front.lead, ...front.top, ...front.latest].map((article) => article!.slug);
    expect(shown).toHaveLength(new Set(shown).size);
    for (const section of front.sections) {
      expect(section.articles.length).toBeGreaterThan(0);
      expect(section.articles.length).toBeLessThanOrEqual(4);
      for (const article of section.articles) expect(shown).not.toContain(article.slug);
    }
    // This run's Economy stories are somewhere on the page, each exactly once, newest first within the block.
    const economy = front.sections.find((section) => section.slug === `economy-${RUN}`);
    const onPage = [...shown, ...(economy?.articles.map((article) => article.slug) ?? [])].filter((slug) => slug.endsWith(RUN));
    expect(onPage.length).toBe(new Set(onPage).size);
    expect(economy ? mine(economy.articles) : []).toEqual(["one", "two", "three", "four", "five", "old"].filter((name) => !shown.includes(`${name}-${RUN}`)).slice(0, 4));
  });

  it("feed the latest published stories, for the site or one category", async () => {
    expect(mine(await findFeedArticles({ categorySlug: `sport-${RUN}` }))).toEqual(["elsewhere"]);
    const feed = await findFeedArticles({ categorySlug: `economy-${RUN}`, take: 3 });
    expect(mine(feed)).toEqual(["one", "two", "three"]);
    expect(feed[0]).toMatchObject({ body: "<p>Body of one.</p>", updatedAt: expect.any(String) });
  });

  it("list every published article for the sitemap and the last two days for the news sitemap", async () => {
    expect(mine(await findSitemapArticles()).sort()).toEqual(["elsewhere", "five", "four", "old", "one", "three", "two"]);
    expect(mine(await findRecentArticles({ hours: 48, now: new Date(now) }))).toEqual(["elsewhere", "one", "two", "three", "four", "five"]);
    const categories = await findSitemapCategories();
    expect(categories.find((category) => category.slug === `sport-${RUN}`)?.lastModified).toBe(new Date(now - 0.5 * HOUR).toISOString());
  });

  it("read categories, tags and authors by slug, showing nothing private of an author", async () => {
    expect(await findCategoryBySlug(`economy-${RUN}`)).toMatchObject({ name: `Economy ${RUN}`, description: "Money" });
    expect(await findTagBySlug(`oil-${RUN}`)).toMatchObject({ name: `Oil ${RUN}` });
    const author = await findAuthorBySlug(`aynur-${RUN}`);
    expect(Object.keys(author!).sort()).toEqual(["bio", "id", "name", "slug"]);
    expect(await findCategoryBySlug(`nope-${RUN}`)).toBeNull();
  });
});

describe("shared cache invalidations", () => {
  it("stamp each tag once, moving its time forward on every invalidation", async () => {
    const tags = [`article:x-${RUN}`, `category:y-${RUN}`];
    await recordInvalidations(db, tags, 1_000);
    await recordInvalidations(db, [tags[0]!], 2_000);
    const rows = await db.cacheInvalidation.findMany({ where: { tag: { in: tags } }, orderBy: { tag: "asc" } });
    expect(rows.map((row) => [row.tag, Number(row.revalidatedAt)])).toEqual([
      [tags[0], 2_000],
      [tags[1], 1_000],
    ]);
  });
});
