// Direct access to the e2e database for the reader specs: rows are written the
// way another app instance (or the importer) would write them, then announced
// in the CacheInvalidation table exactly as lib/cache/public.ts does, so the
// specs prove that the running app picks up changes it did not make itself.
// (Playwright cannot load the generated Prisma client, hence plain SQL.)
import { randomUUID } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";

export type Row = Record<string, unknown>;

export interface E2eDatabase {
  run(sql: string, params?: unknown[]): Promise<void>;
  all<T extends Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** A timestamp as this database stores Prisma DateTime values. */
  time(date: Date): string;
  close(): Promise<void>;
}

export function openE2eDatabase(url = process.env.E2E_DATABASE_URL ?? "file:data/test/e2e.db"): E2eDatabase {
  if (/^postgres(ql)?:\/\//i.test(url)) {
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    // `?` placeholders, numbered for PostgreSQL.
    const numbered = (sql: string) => {
      let index = 0;
      return sql.replace(/\?/g, () => `$${++index}`);
    };
    return {
      run: async (sql, params = []) => void (await pool.query(numbered(sql), params)),
      all: async <T extends Row>(sql: string, params: unknown[] = []) => (await pool.query(numbered(sql), params)).rows as T[],
      time: (date) => date.toISOString().replace("T", " ").replace("Z", ""),
      close: () => pool.end(),
    };
  }
  const file = url.replace(/^file:/, "").replace(/\?.*$/, "");
  const sqlite = new Database(path.resolve(file));
  sqlite.pragma("busy_timeout = 5000");
  return {
    run: async (sql, params = []) => void sqlite.prepare(sql).run(...params),
    all: async <T extends Row>(sql: string, params: unknown[] = []) => sqlite.prepare(sql).all(...params) as T[],
    time: (date) => date.toISOString().replace("Z", "+00:00"),
    close: async () => void sqlite.close(),
  };
}

/** What lib/cache/public.ts records: the tags are stale as of now, on every instance. */
export async function announce(db: E2eDatabase, tags: string[]): Promise<void> {
  for (const tag of tags) {
    await db.run(
      `INSERT INTO "CacheInvalidation" ("tag", "revalidatedAt") VALUES (?, ?)
       ON CONFLICT ("tag") DO UPDATE SET "revalidatedAt" = excluded."revalidatedAt"`,
      [tag, Date.now()],
    );
  }
}

export type ArticleInput = {
  slug: string;
  title: string;
  lead?: string | null;
  body: string;
  status?: "PUBLISHED" | "DRAFT" | "UNPUBLISHED";
  publishedAt: Date | null;
  categoryId?: string | null;
  authorId?: string | null;
  tagIds?: string[];
};

export async function insertArticle(db: E2eDatabase, article: ArticleInput): Promise<string> {
  const id = `e2e${randomUUID().replace(/-/g, "")}`;
  const now = db.time(new Date());
  await db.run(
    `INSERT INTO "Article" ("id", "slug", "title", "lead", "body", "status", "publishedAt", "version", "authorId", "categoryId", "createdAt", "updatedAt")
     VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
    [
      id,
      article.slug,
      article.title,
      article.lead ?? null,
      article.body,
      article.status ?? "PUBLISHED",
      article.publishedAt ? db.time(article.publishedAt) : null,
      article.authorId ?? null,
      article.categoryId ?? null,
      now,
      now,
    ],
  );
  for (const tagId of article.tagIds ?? []) await db.run(`INSERT INTO "ArticleTag" ("articleId", "tagId") VALUES (?, ?)`, [id, tagId]);
  return id;
}

export async function insertRow(db: E2eDatabase, table: string, row: Row): Promise<string> {
  const id = (row.id as string | undefined) ?? `e2e${randomUUID().replace(/-/g, "")}`;
  const values = { id, ...row };
  const columns = Object.keys(values);
  await db.run(
    `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
    Object.values(values),
  );
  return id;
}
