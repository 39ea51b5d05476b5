// The importer against a real database: a fresh SQLite file by default, the
// PostgreSQL database named by DATABASE_URL when there is one. That database
// may be shared with other suites, so generated documents carry a run id and
// assertions only concern this file's own documents.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, type Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { parseDocument } from "@/lib/import/parse";
import { collectSourceFiles, readSourceDocuments } from "@/lib/import/sources";
import { importDocuments, type SourceDocument } from "@/lib/import/write";

const SEEDS_DIR = path.resolve(__dirname, "../../seeds");
const SEED_FILE = path.join(SEEDS_DIR, "000_4a9b58a3b2d42a32.txt");
const SEED_TITLE = "Biden authorizes use of US long-range weapons to strike inside Russia — media";
const RUN = randomUUID().slice(0, 8);
const UTC = { timeZone: "UTC" };

const postgresUrl = /^postgres(ql)?:\/\//i.test(process.env.DATABASE_URL ?? "") ? process.env.DATABASE_URL : undefined;
let tempDir: string;
let db: Db;

beforeAll(async () => {
  tempDir = mkdtempSync(path.join(os.tmpdir(), "lede-import-"));
  const url = postgresUrl ?? `file:${path.join(tempDir, "import.db")}`;
  await migrate(url);
  db = createClient(url);
});

afterAll(async () => {
  await db?.$disconnect();
  rmSync(tempDir, { recursive: true, force: true });
});

/** A well-formed source document whose title and text are unique to this run. */
function sourceDoc(name: string, overrides: { title?: string; category?: string; body?: string } = {}): SourceDocument {
  const title = overrides.title ?? `Import test ${name} ${RUN}`;
  const text = [
    title,
    "",
    `${title} Lead of ${name}`,
    overrides.category ?? `Import tests ${RUN}`,
    "November 18, 2024 08:04",
    title,
    "",
    overrides.body ?? `Body of ${name} (${RUN}), with “quotes” — and a dash.`,
    "",
    "Latest news",
    "",
    "Orphus sistemi",
  ].join("\n");
  return { fileName: `${name}.txt`, text };
}

describe("importDocuments", () => {
  it("imports the seeds folder once: a second run skips every document", async () => {
    const docs = await readSourceDocuments(await collectSourceFiles([SEEDS_DIR]));
    expect(docs.length).toBeGreaterThan(0);

    const first = await importDocuments(db, docs, UTC);
    expect(first.rejected).toBe(0);
    expect(first.imported + first.skipped).toBe(docs.length);

    const second = await importDocuments(db, docs, UTC);
    expect(second).toMatchObject({ imported: 0, skipped: docs.length, rejected: 0 });
    expect(second.results.every((result) => result.reason === "already imported")).toBe(true);
    expect(await db.article.count({ where: { title: SEED_TITLE } })).toBe(1);
  });

  it("stores the seed article as published, with its category, dateline and body", async () => {
    const parsed = parseDocument(readFileSync(SEED_FILE, "utf8"), { fileName: "seed", timeZone: "UTC" });
    if (!parsed.ok) throw new Error(parsed.error.reason);
    const article = await db.article.findUniqueOrThrow({
      where: { sourceHash: parsed.article.sourceHash },
      include: { category: true, revisions: true },
    });

    expect(article).toMatchObject({
      title: SEED_TITLE,
      lead: "US President Joe Biden has allowed Ukraine to use US-supplied long-range ballistic missiles to strike inside Russia",
      status: "PUBLISHED",
      authorId: null,
      sourceFile: expect.stringContaining("000_4a9b58a3b2d42a32.txt"),
    });
    expect(article.slug).toMatch(/^biden-authorizes-use-of-us-long-range-weapons-to-strike-inside-russia-media(-\d+)?$/);
    expect(article.publishedAt?.toISOString()).toBe("2024-11-18T08:04:00.000Z");
    expect(article.category).toMatchObject({ name: "Other countries", slug: "other-countries" });
    expect(article.body.match(/<p>/g)).toHaveLength(5);
    expect(article.body).toContain("Mr. Biden’s decision");
    expect(article.body).not.toMatch(/Latest news|Orphus/);
    expect(article.revisions).toEqual([
      expect.objectContaining({ kind: "IMPORT", version: 1, title: SEED_TITLE, slug: article.slug, status: "PUBLISHED" }),
    ]);
  });

  it("rejects a malformed document with its line and reason, and imports the rest", async () => {
    const docs = [sourceDoc("valid-a"), { fileName: "broken.txt", text: "Just a headline" }, sourceDoc("valid-b")];
    const summary = await importDocuments(db, docs, UTC);

    expect(summary).toMatchObject({ imported: 2, skipped: 0, rejected: 1 });
    expect(summary.results.map((result) => result.status)).toEqual(["imported", "rejected", "imported"]);
    expect(summary.results[1]).toMatchObject({ file: "broken.txt", line: 2, reason: expect.stringMatching(/no body paragraph/) });
    expect(await db.article.count({ where: { sourceFile: { in: ["valid-a.txt", "valid-b.txt"] }, title: { contains: RUN } } })).toBe(2);
  });

  it("creates a missing category with a slug, and reuses it", async () => {
    const category = `Xarici siyasət ${RUN}`;
    const slug = `xarici-siyaset-${RUN}`;
    await importDocuments(db, [sourceDoc("category-1", { category })], UTC);
    await importDocuments(db, [sourceDoc("category-2", { category })], UTC);

    const stored = await db.category.findUniqueOrThrow({ where: { slug }, include: { _count: { select: { articles: true } } } });
    expect(stored.name).toBe(category);
    expect(stored._count.articles).toBe(2);
  });

  it("files a document without a category under Uncategorized", async () => {
    const doc = sourceDoc("uncategorized");
    doc.text = doc.text.replace(`Import tests ${RUN}\n`, "");
    const { results } = await importDocuments(db, [doc], UTC);
    const article = await db.article.findUniqueOrThrow({ where: { slug: results[0]!.slug! }, include: { category: true } });
    expect(article.category).toMatchObject({ name: "Uncategorized", slug: "uncategorized" });
  });

  it("publishes a document without a dateline at import time, with a warning", async () => {
    const now = new Date("2025-03-01T12:00:00.000Z");
    const doc = sourceDoc("no-dateline");
    doc.text = doc.text.replace("November 18, 2024 08:04\n", "");
    const { results } = await importDocuments(db, [doc], { ...UTC, now });

    expect(results[0]!.warnings).toEqual([expect.stringContaining("no dateline")]);
    const article = await db.article.findUniqueOrThrow({ where: { slug: results[0]!.slug! } });
    expect(article.publishedAt).toEqual(now);
  });

  it("numbers the slugs of different articles with the same title", async () => {
    const title = `Same headline ${RUN}`;
    const base = `same-headline-${RUN}`;
    const first = await importDocuments(db, [sourceDoc("same-1", { title, body: "One." }), sourceDoc("same-2", { title, body: "Two." })], UTC);
    const second = await importDocuments(db, [sourceDoc("same-3", { title, body: "Three." })], UTC);

    expect(first.results.map((result) => result.slug)).toEqual([base, `${base}-2`]);
    expect(second.results[0]!.slug).toBe(`${base}-3`);
  });

  it("does not take a slug that redirects to another article", async () => {
    const { results } = await importDocuments(db, [sourceDoc("redirect-owner")], UTC);
    const owner = await db.article.findUniqueOrThrow({ where: { slug: results[0]!.slug! } });
    await db.slugRedirect.create({ data: { slug: `old-headline-${RUN}`, articleId: owner.id } });

    const imported = await importDocuments(db, [sourceDoc("redirect-new", { title: `Old headline ${RUN}` })], UTC);
    expect(imported.results[0]!.slug).toBe(`old-headline-${RUN}-2`);
  });

  it("imports a document only once when two files hold the same text", async () => {
    const doc = sourceDoc("twin");
    const summary = await importDocuments(db, [doc, { ...doc, fileName: "twin-copy.txt" }], UTC);
    expect(summary).toMatchObject({ imported: 1, skipped: 1 });
    expect(summary.results[1]!.reason).toBe("same text as twin.txt");
  });

  it("writes in chunks, keeping results in input order", async () => {
    const docs = Array.from({ length: 7 }, (_, i) => sourceDoc(`chunked-${i}`));
    const summary = await importDocuments(db, [...docs.slice(0, 2), ...docs], { ...UTC, chunkSize: 3 });

    expect(summary).toMatchObject({ imported: 7, skipped: 2 });
    expect(summary.results.map((result) => result.file)).toEqual([...docs.slice(0, 2), ...docs].map((doc) => doc.fileName));
    expect(await db.revision.count({ where: { kind: "IMPORT", title: { startsWith: "Import test chunked-" }, article: { title: { contains: RUN } } } })).toBe(7);
  });

  it("credits an author when one is given", async () => {
    const author = await db.user.create({ data: { email: `import-${RUN}@example.com`, name: "Importer", slug: `importer-${RUN}` } });
    const { results } = await importDocuments(db, [sourceDoc("authored")], { ...UTC, authorId: author.id });
    const article = await db.article.findUniqueOrThrow({ where: { slug: results[0]!.slug! }, include: { revisions: true } });
    expect(article.authorId).toBe(author.id);
    expect(article.revisions[0]!.authorId).toBe(author.id);
  });
});
