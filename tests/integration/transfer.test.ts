// NDJSON export/import (lib/transfer) between real databases: a realistic newsroom built with
// Prisma in a fresh SQLite file goes to a fresh PostgreSQL database and back, and each export of a
// copy equals the export of its source (as sets of records, JSON objects compared by content).
// PostgreSQL cases use their own databases (lede_ops_<pid>_*), dropped afterwards; set LEDE_SKIP_PG
// to skip them where no server runs.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, type Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { Prisma } from "@/lib/db/types";
import { exportData } from "@/lib/transfer/export";
import { importData } from "@/lib/transfer/import";
import { SKIPPED_MODELS, TABLES, countRows } from "@/lib/transfer/tables";

const PG_ADMIN_URL = process.env.PG_ADMIN_URL?.trim() || "postgresql://postgres@127.0.0.1:5432/postgres";
const skipPg = Boolean(process.env.LEDE_SKIP_PG);
const pgUrl = (name: string) => Object.assign(new URL(PG_ADMIN_URL), { pathname: `/${name}` }).href;

async function pgAdmin(sql: string) {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "lede-transfer-"));
const pgNames: string[] = [];
const clients: Db[] = [];

/** A migrated, empty database: a SQLite file in the temp dir, or a new PostgreSQL database. */
async function freshDb(dialect: "sqlite" | "postgresql", name: string): Promise<Db> {
  let url: string;
  if (dialect === "postgresql") {
    const database = `lede_ops_${process.pid}_${name}`;
    await pgAdmin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await pgAdmin(`CREATE DATABASE ${database}`);
    pgNames.push(database);
    url = pgUrl(database);
  } else {
    url = `file:${path.join(tempDir, `${name}.db`)}`;
  }
  await migrate(url);
  const db = createClient(url);
  clients.push(db);
  return db;
}

afterAll(async () => {
  for (const db of clients) await db.$disconnect().catch(() => {});
  for (const name of pgNames) await pgAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  fs.rmSync(tempDir, { recursive: true, force: true });
});

async function exportLines(db: Db): Promise<string[]> {
  const lines: string[] = [];
  await exportData(db, (line) => void lines.push(line), { pageSize: 7 }); // small pages: the cursor is exercised
  return lines;
}

async function* linesOf(lines: string[]) {
  yield* lines;
}

/** JSON with object keys sorted (PostgreSQL's jsonb reorders them), for order-free comparison. */
function canonical(value: unknown): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sort) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, sort(x)])) : v;
  return JSON.stringify(sort(value));
}
const recordSet = (lines: string[]) => lines.slice(1).map((line) => canonical(JSON.parse(line))).sort();
const headerOf = (lines: string[]) => JSON.parse(lines[0]!) as { counts: Record<string, number>; dialect: string };

const at = (iso: string) => new Date(iso);

/** Users of each role, categories, tags, articles in every status, and everything hanging off them. */
async function buildNewsroom(db: Db, run: string) {
  const users = await Promise.all(
    [
      { role: "ADMIN", passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g" },
      { role: "EDITOR", passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$ZWRpdG9y$ZWRpdG9yaGFzaA", lastSignInAt: at("2026-11-30T08:15:00.123Z") },
      { role: "AUTHOR", passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$YXV0aG9y$YXV0aG9yaGFzaA", bio: "Bakı müxbiri — «Report»", sessionVersion: 3 },
      { role: "AUTHOR", passwordHash: null },
      { role: "EDITOR", passwordHash: "$argon2id$x", disabledAt: at("2026-10-01T00:00:00.000Z") },
    ].map((u, i) =>
      db.user.create({
        data: { email: `u${i}-${run}@example.test`, name: `Ильхам Ələkbərov ${i}`, slug: `user-${i}-${run}`, ...u, role: u.role as "ADMIN" },
      }),
    ),
  );
  const [admin, editor, author, invited] = users as [(typeof users)[0], (typeof users)[0], (typeof users)[0], (typeof users)[0]];
  await db.userToken.create({ data: { tokenHash: `invite-${run}`, purpose: "INVITE", userId: invited.id, expiresAt: at("2026-12-09T00:00:00.000Z") } });
  await db.userToken.create({
    data: { tokenHash: `reset-${run}`, purpose: "PASSWORD_RESET", userId: author.id, expiresAt: at("2026-11-01T00:00:00.000Z"), usedAt: at("2026-10-31T12:00:00.000Z") },
  });

  const world = await db.category.create({ data: { name: `Other countries ${run}`, slug: `other-countries-${run}`, description: "World news", position: 2 } });
  const local = await db.category.create({ data: { name: `Azərbaycan ${run}`, slug: `azerbaycan-${run}` } });
  const tags = await Promise.all(["Ukraine", "Economy", "Нефть"].map((name, i) => db.tag.create({ data: { name: `${name} ${run}`, slug: `tag-${i}-${run}` } })));

  const statuses = ["DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED", "UNPUBLISHED", "ARCHIVED"] as const;
  const articles = [];
  for (const [i, status] of statuses.entries()) {
    articles.push(
      await db.article.create({
        data: {
          slug: `article-${i}-${run}`,
          title: `“${status}” story ${run} — dash`,
          lead: i === 1 ? null : `Lead ${i} with <em>HTML</em>`,
          body: `<p>Body ${i}, Qarabağ and «кавычки».</p>\n<p>Second paragraph.</p>`,
          status,
          version: i + 1,
          publishedAt: status === "PUBLISHED" || status === "UNPUBLISHED" || status === "ARCHIVED" ? at("2024-11-18T08:04:00.000Z") : null,
          scheduledAt: status === "SCHEDULED" ? at("2027-01-01T09:30:00.500Z") : null,
          pending:
            status === "PUBLISHED"
              ? { title: "Pending “title”", lead: null, body: "<p>Unpublished change</p>", slug: `renamed-${run}`, categoryId: local.id, tags: ["Economy", "Нефть"] }
              : undefined,
          authorId: i === 5 ? null : [author, editor, admin][i % 3]!.id,
          categoryId: i === 0 ? null : i % 2 ? world.id : local.id,
          sourceHash: i === 3 ? `sha256-${run}` : null,
          sourceFile: i === 3 ? "seeds/000.txt" : null,
          createdAt: at(`2024-11-1${i}T10:00:00.000Z`),
        },
      }),
    );
  }
  const published = articles[3]!;
  for (const tag of tags) await db.articleTag.create({ data: { articleId: published.id, tagId: tag.id } });
  await db.articleTag.create({ data: { articleId: articles[1]!.id, tagId: tags[0]!.id } });
  for (const [v, kind] of ["IMPORT", "SAVE", "PUBLISH", "AUTOSAVE"].entries())
    await db.revision.create({
      data: {
        articleId: published.id,
        authorId: v === 0 ? null : editor.id,
        kind,
        version: v + 1,
        title: `Rev ${v}`,
        lead: v % 2 ? null : "lead",
        body: `<p>rev ${v}</p>`,
        slug: published.slug,
        categoryId: world.id,
        tags: JSON.stringify(["Ukraine"]),
        status: v < 2 ? "DRAFT" : "PUBLISHED",
      },
    });
  await db.slugRedirect.create({ data: { slug: `old-slug-${run}`, articleId: published.id } });
  await db.slugRedirect.create({ data: { slug: `older-slug-${run}`, articleId: published.id } });
  await db.tagSlugRedirect.create({ data: { slug: `merged-tag-${run}`, tagId: tags[2]!.id } });
  await db.correction.create({ data: { articleId: published.id, selectedText: "Qarabag", context: "…and Qarabag…", comment: "typo", status: "OPEN" } });
  await db.correction.create({
    data: { articleId: published.id, selectedText: "two", status: "ACCEPTED", publicNote: "An earlier version said three.", handledById: editor.id, handledAt: at("2026-11-20T10:00:00.000Z") },
  });
  await db.correction.create({ data: { articleId: articles[4]!.id, selectedText: "x", status: "DISMISSED", handledById: admin.id, handledAt: at("2026-11-21T10:00:00.000Z") } });
  await db.auditEvent.create({
    data: { actorId: admin.id, actorEmail: admin.email, action: "user.role_changed", targetType: "User", targetId: editor.id, targetName: editor.name, ip: "203.0.113.7", data: { from: "AUTHOR", to: "EDITOR", nested: { list: [1, 2.5, true, null, "ş"] } } },
  });
  await db.auditEvent.create({ data: { action: "auth.sign_in_failed", actorEmail: "nobody@example.test", ip: "::1", data: Prisma.DbNull } });
  await db.auditEvent.create({ data: { actorId: editor.id, action: "article.published", targetType: "Article", targetId: published.id, data: ["a", 1] } });
  await db.setting.create({ data: { key: `site.name.${run}`, value: "Lede Xəbər" } });
  await db.setting.create({ data: { key: `site.pageSize.${run}`, value: 20 } });
  await db.setting.create({ data: { key: `site.publisher.${run}`, value: { name: "Report", logo: null, sameAs: ["https://report.az"] } } });
  await db.setting.create({ data: { key: `feature.flag.${run}`, value: false } });
}

describe("the export format", () => {
  it("covers every model of the schema, or says why it leaves one out", () => {
    const covered = [...TABLES.map((t) => t.model), ...Object.keys(SKIPPED_MODELS)].sort();
    expect(covered).toEqual(Object.values(Prisma.ModelName).sort());
  });
});

describe("SQLite → SQLite", () => {
  let source: Db;
  let lines: string[];
  beforeAll(async () => {
    source = await freshDb("sqlite", "source");
    await buildNewsroom(source, "s");
    lines = await exportLines(source);
  });

  it("writes a header with the counts, then one record per row, dates as ISO strings", () => {
    const header = headerOf(lines);
    expect(header).toMatchObject({ type: "lede-export", version: 1, dialect: "sqlite" });
    expect(header.counts).toMatchObject({ User: 5, UserToken: 2, Category: 2, Tag: 3, Article: 6, ArticleTag: 4, Revision: 4, SlugRedirect: 2, Correction: 3, AuditEvent: 3, Setting: 4 });
    expect(lines.length - 1).toBe(Object.values(header.counts).reduce((a, b) => a + b, 0));
    const published = lines.map((l) => JSON.parse(l)).find((r) => r.type === "Article" && r.data.status === "PUBLISHED");
    expect(published.data).toMatchObject({ publishedAt: "2024-11-18T08:04:00.000Z", version: 4, pending: { tags: ["Economy", "Нефть"], lead: null } });
    expect(lines.some((l) => l.includes('"passwordHash":"$argon2id$'))).toBe(true);
  });

  it("round-trips into a fresh database, search index included", async () => {
    const copy = await freshDb("sqlite", "copy");
    const { counts } = await importData(copy, linesOf(lines), { chunkSize: 4 });
    expect(counts).toEqual(headerOf(lines).counts);
    expect(recordSet(await exportLines(copy))).toEqual(recordSet(lines));
    const hits = await copy.$queryRaw<{ articleId: string }[]>`SELECT "articleId" FROM "ArticleSearch" WHERE "ArticleSearch" MATCH 'Qarabağ'`;
    expect(hits).toHaveLength(6);
  });

  it("refuses a non-empty target and leaves it as it was; --replace swaps its content", async () => {
    const target = await freshDb("sqlite", "busy");
    await buildNewsroom(target, "other");
    const before = recordSet(await exportLines(target));
    await expect(importData(target, linesOf(lines))).rejects.toThrow(/The target database is not empty \(5 User, .*--replace/);
    expect(recordSet(await exportLines(target))).toEqual(before);

    const { replaced } = await importData(target, linesOf(lines), { replace: true });
    expect(replaced).toMatchObject({ User: 5, Article: 6 });
    expect(recordSet(await exportLines(target))).toEqual(recordSet(lines));
  });

  it("rejects a truncated or foreign file with a clear message and keeps nothing", async () => {
    const target = await freshDb("sqlite", "truncated");
    await expect(importData(target, linesOf(lines.slice(0, -2)))).rejects.toThrow(
      /incomplete or altered: it holds 2 Setting rows where its header counts 4.*target database is empty again/,
    );
    expect(Object.values(await countRows(target))).toEqual(TABLES.map(() => 0));
    await expect(importData(target, linesOf(["title,body", "a,b"]))).rejects.toThrow(/Line 1 is not valid JSON/);
    await expect(importData(target, linesOf([lines[0]!, '{"type":"Widget","data":{}}']))).rejects.toThrow(/Line 2 .*unknown record type "Widget"/);
    const outOfOrder = [lines[0]!, ...lines.slice(1).reverse()];
    await expect(importData(target, linesOf(outOfOrder))).rejects.toThrow(/must come before/);
  });
});

describe.skipIf(skipPg)(`between SQLite and PostgreSQL${skipPg ? " (skipped: LEDE_SKIP_PG is set)" : ""}`, () => {
  it("SQLite → PostgreSQL → export again: the same records", async () => {
    const sqlite = await freshDb("sqlite", "to-pg");
    await buildNewsroom(sqlite, "a");
    const fromSqlite = await exportLines(sqlite);

    const postgres = await freshDb("postgresql", "target");
    await importData(postgres, linesOf(fromSqlite), { chunkSize: 3 });
    const fromPostgres = await exportLines(postgres);
    expect(headerOf(fromPostgres)).toMatchObject({ dialect: "postgresql", counts: headerOf(fromSqlite).counts });
    expect(recordSet(fromPostgres)).toEqual(recordSet(fromSqlite));

    // The search index (published articles only) is filled on the way in.
    const hits = await postgres.$queryRaw<{ articleId: string }[]>`SELECT "articleId" FROM "ArticleSearch" WHERE "searchVector" @@ to_tsquery('simple', 'qarabağ')`;
    expect(hits).toHaveLength(1);

    await expect(importData(postgres, linesOf(fromSqlite))).rejects.toThrow(/not empty/);
    await importData(postgres, linesOf(fromSqlite), { replace: true });
    expect(recordSet(await exportLines(postgres))).toEqual(recordSet(fromSqlite));
  });

  it("PostgreSQL → SQLite → export again: the same records", async () => {
    const postgres = await freshDb("postgresql", "source");
    await buildNewsroom(postgres, "b");
    const fromPostgres = await exportLines(postgres);

    const sqlite = await freshDb("sqlite", "from-pg");
    await importData(sqlite, linesOf(fromPostgres));
    const fromSqlite = await exportLines(sqlite);
    expect(headerOf(fromSqlite).counts).toEqual(headerOf(fromPostgres).counts);
    expect(recordSet(fromSqlite)).toEqual(recordSet(fromPostgres));
  });
});
