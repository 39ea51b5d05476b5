// Full-text search on the database named by DATABASE_URL: FTS5 on SQLite,
// tsvector on PostgreSQL. The same expectations hold on both. Every word
// searched for carries this run's id, so other files' rows never match.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { databaseUrl } from "@/lib/config";
import { migrate } from "@/lib/db/migrate";
import { searchArticles } from "@/lib/search";
import { parseSearchQuery } from "@/lib/search/query";
import { searchPostgresql } from "@/lib/search/postgresql";
import { searchSqlite } from "@/lib/search/sqlite";
import { plainText } from "@/lib/search/snippet";

const RUN = randomUUID().replace(/-/g, "").slice(0, 8);
const word = (name: string) => `${name}${RUN}`;
let categoryId: string;

async function article(slug: string, fields: { title: string; lead?: string | null; body: string; status?: "PUBLISHED" | "DRAFT" | "UNPUBLISHED"; hoursAgo?: number }) {
  return db.article.create({
    data: {
      slug: `${slug}-${RUN}`,
      title: fields.title,
      lead: fields.lead ?? null,
      body: fields.body,
      status: fields.status ?? "PUBLISHED",
      publishedAt: fields.status === "DRAFT" ? null : new Date(Date.now() - (fields.hoursAgo ?? 1) * 3_600_000),
      categoryId,
    },
  });
}

/** This database's backend on its own, with a small `maxResults`: the total and the page's slugs. */
async function backendPage(q: string, maxResults: number) {
  const backend = db.dialect === "postgresql" ? searchPostgresql : searchSqlite;
  const found = await backend(parseSearchQuery(q), { limit: 10, offset: 0, maxResults });
  if ("articles" in found) return { total: found.total, slugs: found.articles.map((article) => article.slug) };
  const slugs = new Map((await db.article.findMany({ where: { id: { in: found.ids } }, select: { id: true, slug: true } })).map((row) => [row.id, row.slug]));
  return { total: found.total, slugs: found.ids.map((id) => slugs.get(id)) };
}

beforeAll(async () => {
  await migrate(databaseUrl());
  categoryId = (await db.category.create({ data: { name: `Search ${RUN}`, slug: `search-${RUN}` } })).id;
  const term = word("pipeline");
  // The body-only match is the newest, so ranking (not recency) must put the title match first.
  await article("in-title", { title: `The ${term} opens`, lead: "Gas flows", body: "<p>Nothing else here.</p>", hoursAgo: 3 });
  await article("in-lead", { title: "Energy news", lead: `The ${term} is delayed`, body: "<p>More text.</p>", hoursAgo: 2 });
  await article("in-body", { title: "Weekly roundup", body: `<p>Among other things, the ${term} was mentioned once.</p>`, hoursAgo: 1 });
  await article("draft", { title: `Draft about the ${term}`, body: "<p>Secret.</p>", status: "DRAFT" });
  await article("withdrawn", { title: `Withdrawn ${term}`, body: "<p>Gone.</p>", status: "UNPUBLISHED" });
  await article("azerbaijani", { title: "Paytaxtda yeni park", body: `<p>${word("Bakı")} şəhərində ${word("Şəhər")} bağı açıldı.</p>` });
  await article("cyrillic", { title: `Новости ${word("Москва")}`, body: "<p>Текст статьи.</p>" });
  await article("phrase", { title: "Phrase", body: `<p>crude ${word("oil")} price rises; ${word("gas")} too.</p>`, hoursAgo: 2 });
  await article("phrase-apart", { title: "Apart", body: `<p>price of ${word("oil")}, crude and heavy.</p>` });
  await article("later", { title: "Embargoed", body: `<p>The ${word("embargo")} lifts at noon.</p>`, status: "DRAFT" });
  // Two years apart: search looks at the last months first, then further back.
  await article("archive-old", { title: "Archive", body: `<p>The ${word("archive")} opens.</p>`, hoursAgo: 24 * 730 });
  await article("archive-new", { title: "Archive", body: `<p>The ${word("archive")} opens.</p>`, hoursAgo: 2 });
  await article("markup", { title: "Escaping", body: `<p>Readers wrote &lt;script&gt;alert(1)&lt;/script&gt; near ${word("escape")} &amp; more.</p>` });
  for (let index = 0; index < 5; index += 1) await article(`many-${index}`, { title: `Many ${index}`, body: `<p>${word("common")} item ${index}</p>`, hoursAgo: index + 1 });
});

describe("searchArticles", () => {
  it("finds published articles only, ranked title > lead > body", async () => {
    const { total, results } = await searchArticles(word("pipeline"));
    expect(total).toBe(3);
    expect(results.map((result) => result.slug)).toEqual([`in-title-${RUN}`, `in-lead-${RUN}`, `in-body-${RUN}`]);
    const stored = await db.article.findUniqueOrThrow({ where: { slug: `in-title-${RUN}` } });
    expect(results[0]).toEqual({
      id: stored.id,
      slug: stored.slug,
      title: `The ${word("pipeline")} opens`,
      lead: "Gas flows",
      publishedAt: stored.publishedAt!.toISOString(),
      category: { name: `Search ${RUN}`, slug: `search-${RUN}` },
      author: null,
      snippet: "Gas flows",
    });
  });

  it("is case-insensitive and highlights the matched word in an escaped snippet", async () => {
    const { results } = await searchArticles(word("PIPELINE").toUpperCase());
    const body = results.find((result) => result.slug === `in-body-${RUN}`)!;
    expect(body.snippet).toBe(`Among other things, the <mark>${word("pipeline")}</mark> was mentioned once.`);
    const markup = (await searchArticles(word("escape"))).results[0]!;
    expect(markup.snippet).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(markup.snippet).toContain(`<mark>${word("escape")}</mark> &amp; more.`);
    expect(markup.snippet.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
  });

  it("finds Azerbaijani and Cyrillic words", async () => {
    expect((await searchArticles(word("Bakı"))).results.map((result) => result.slug)).toEqual([`azerbaijani-${RUN}`]);
    expect((await searchArticles(word("şəhər"))).results.map((result) => result.slug)).toEqual([`azerbaijani-${RUN}`]);
    expect((await searchArticles(word("москва"))).results.map((result) => result.slug)).toEqual([`cyrillic-${RUN}`]);
    expect((await searchArticles(word("Москва"))).results[0]!.snippet).toBe("Текст статьи.");
  });

  it("matches quoted phrases in order and leaves out -excluded words", async () => {
    expect((await searchArticles(`"crude ${word("oil")}"`)).results.map((result) => result.slug)).toEqual([`phrase-${RUN}`]);
    expect((await searchArticles(word("oil"))).total).toBe(2);
    expect((await searchArticles(`${word("oil")} -${word("gas")}`)).results.map((result) => result.slug)).toEqual([`phrase-apart-${RUN}`]);
  });

  it("pages through results with a stable total", async () => {
    const first = await searchArticles(word("common"), { page: 1, pageSize: 2 });
    const third = await searchArticles(word("common"), { page: 3, pageSize: 2 });
    const past = await searchArticles(word("common"), { page: 4, pageSize: 2 });
    expect([first.total, third.total, past.total]).toEqual([5, 5, 5]);
    expect(first.results).toHaveLength(2);
    expect(third.results).toHaveLength(1);
    expect(past.results).toHaveLength(0);
    const slugs = [...first.results, ...(await searchArticles(word("common"), { page: 2, pageSize: 2 })).results, ...third.results].map((result) => result.slug);
    expect(new Set(slugs).size).toBe(5);
  });

  it("ranks only the newest matches when there are more (bounded work for very common words)", async () => {
    // The three published pipeline stories were written and published oldest first: the two newest are ranked.
    expect(await backendPage(word("pipeline"), 2)).toEqual({ total: 2, slugs: [`in-lead-${RUN}`, `in-body-${RUN}`] });
  });

  it("checks a phrase before taking the newest matches, so newer articles with its words apart do not crowd it out", async () => {
    // "phrase-apart" (oil …, crude) is newer than "phrase" (crude oil), and only the latter is a match.
    expect(await backendPage(`"crude ${word("oil")}"`, 1)).toEqual({ total: 1, slugs: [`phrase-${RUN}`] });
  });

  // SQLite's FTS5 table keeps no plain-text copy of the body: there is nothing to compare there.
  const onPostgresql = db.dialect === "postgresql";
  it.runIf(onPostgresql)(`keeps the same plain text of a body in the index as snippets make from it${onPostgresql ? "" : " (skipped: PostgreSQL only)"}`, async () => {
    const target = await db.article.findUniqueOrThrow({ where: { slug: `markup-${RUN}` } });
    const [row] = await db.$queryRaw<{ bodyText: string }[]>`SELECT "bodyText" FROM "ArticleSearch" WHERE "articleId" = ${target.id}`;
    expect(row?.bodyText).toBe(plainText(target.body));
    const tricky = '<h2>Sub</h2><p>A <a href="https://x.test/?a=1&amp;b=2">link</a> &amp; &lt;b&gt; &quot;q&quot; &#39;s&nbsp;end</p>\n<ul><li>one</li></ul> ';
    const [converted] = await db.$queryRaw<{ text: string }[]>`SELECT "article_search_text"(${tricky}) AS text`;
    expect(converted?.text).toBe(plainText(tricky));
  });

  it("finds matches older than the last months too, newest first among equals", async () => {
    const { results } = await searchArticles(word("archive"));
    expect(results.map((result) => result.slug)).toEqual([`archive-new-${RUN}`, `archive-old-${RUN}`]);
    // When the last months hold enough matches, those are the newest.
    expect(await backendPage(word("archive"), 1)).toEqual({ total: 1, slugs: [`archive-new-${RUN}`] });
  });

  it("never fails on query syntax, and treats an empty query as no search", async () => {
    for (const input of ['"', `${word("pipeline")}"`, "NEAR(", "*", "a OR", "(((", "title:x", "-", "'; DROP TABLE \"Article\"; --", "AND OR NOT", "\u0000"]) {
      await expect(searchArticles(input)).resolves.toMatchObject({ total: expect.any(Number) });
    }
    expect(await searchArticles("   ")).toEqual({ total: 0, results: [] });
    expect((await searchArticles(`${word("pipeline")}*`)).total).toBe(3);
  });

  it("follows edits: a published draft is found, a retitled article by its new words, an unpublished one is gone", async () => {
    expect((await searchArticles(word("embargo"))).total).toBe(0);
    await db.article.update({ where: { slug: `later-${RUN}` }, data: { status: "PUBLISHED", publishedAt: new Date() } });
    expect((await searchArticles(word("embargo"))).results.map((result) => result.slug)).toEqual([`later-${RUN}`]);

    const target = await db.article.findUniqueOrThrow({ where: { slug: `in-lead-${RUN}` } });
    await db.article.update({ where: { id: target.id }, data: { title: `Renamed ${word("fresh")}` } });
    expect((await searchArticles(word("fresh"))).results.map((result) => result.slug)).toEqual([`in-lead-${RUN}`]);
    await db.article.update({ where: { id: target.id }, data: { status: "UNPUBLISHED" } });
    expect((await searchArticles(word("fresh"))).total).toBe(0);
    await db.article.delete({ where: { id: target.id } });
    expect((await searchArticles(word("pipeline"))).total).toBe(2);
  });
});
