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
  await article("phrase", { title: "Phrase", body: `<p>crude ${word("oil")} price rises; ${word("gas")} too.</p>` });
  await article("phrase-apart", { title: "Apart", body: `<p>price of ${word("oil")}, crude and heavy.</p>` });
  await article("markup", { title: "Escaping", body: `<p>Readers wrote &lt;script&gt;alert(1)&lt;/script&gt; near ${word("escape")} &amp; more.</p>` });
  for (let index = 0; index < 5; index += 1) await article(`many-${index}`, { title: `Many ${index}`, body: `<p>${word("common")} item ${index}</p>`, hoursAgo: index + 1 });
});

describe("searchArticles", () => {
  it("finds published articles only, ranked title > lead > body", async () => {
    const { total, results } = await searchArticles(word("pipeline"));
    expect(total).toBe(3);
    expect(results.map((result) => result.slug)).toEqual([`in-title-${RUN}`, `in-lead-${RUN}`, `in-body-${RUN}`]);
    expect(results[0]).toMatchObject({ title: `The ${word("pipeline")} opens`, category: { slug: `search-${RUN}` }, publishedAt: expect.any(String) });
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
    const backend = db.dialect === "postgresql" ? searchPostgresql : searchSqlite;
    // The three published pipeline stories were written and published oldest first: the two newest are ranked.
    const { total, ids } = await backend(parseSearchQuery(word("pipeline")), { limit: 10, offset: 0, maxResults: 2 });
    expect(total).toBe(2);
    const slugs = new Map((await db.article.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true } })).map((row) => [row.id, row.slug]));
    expect(ids.map((id) => slugs.get(id))).toEqual([`in-lead-${RUN}`, `in-body-${RUN}`]);
  });

  it("never fails on query syntax, and treats an empty query as no search", async () => {
    for (const input of ['"', `${word("pipeline")}"`, "NEAR(", "*", "a OR", "(((", "title:x", "-", "'; DROP TABLE \"Article\"; --", "AND OR NOT", "\u0000"]) {
      await expect(searchArticles(input)).resolves.toMatchObject({ total: expect.any(Number) });
    }
    expect(await searchArticles("   ")).toEqual({ total: 0, results: [] });
    expect((await searchArticles(`${word("pipeline")}*`)).total).toBe(3);
  });

  it("follows edits: a retitled article is found by its new words, an unpublished one is gone", async () => {
    const target = await db.article.findUniqueOrThrow({ where: { slug: `in-lead-${RUN}` } });
    await db.article.update({ where: { id: target.id }, data: { title: `Renamed ${word("fresh")}` } });
    expect((await searchArticles(word("fresh"))).results.map((result) => result.slug)).toEqual([`in-lead-${RUN}`]);
    await db.article.update({ where: { id: target.id }, data: { status: "UNPUBLISHED" } });
    expect((await searchArticles(word("fresh"))).total).toBe(0);
    await db.article.delete({ where: { id: target.id } });
    expect((await searchArticles(word("pipeline"))).total).toBe(2);
  });
});
