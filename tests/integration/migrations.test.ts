// The Prisma tooling and the checked-in migrations, on both databases, whatever DATABASE_URL says:
// (a) the PostgreSQL schema is the one generated from prisma/schema.prisma;
// (b) each migrations folder, replayed, gives exactly its schema (Prisma's own `migrate diff`,
//     through the offline schema engine when no native one is installed);
// (c) lib/db/migrate.ts applies them to a fresh database, is idempotent, is safe with several
//     processes at once, records them so `prisma migrate status` agrees, and the full-text search
//     objects work.
// PostgreSQL runs at PG_ADMIN_URL (default postgresql://postgres@127.0.0.1:5432/postgres); without
// a server there, its tests are skipped unless CI is set. Every database made here is dropped.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, readMigrations } from "../../lib/db/migrate";

const root = fileURLToPath(new URL("../..", import.meta.url));
const run = promisify(execFile);
const PG_ADMIN_URL = process.env.PG_ADMIN_URL?.trim() || "postgresql://postgres@127.0.0.1:5432/postgres";

/** Runs `node scripts/prisma.mjs …`; resolves to its exit code and output instead of throwing. */
async function prismaScript(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["scripts/prisma.mjs", ...args], { cwd: root, env: { ...process.env, ...env } });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : 1, output: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  }
}

async function pgQuery<T extends pg.QueryResultRow = pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

const pgAvailable = await pgQuery(PG_ADMIN_URL, "SELECT 1").then(
  () => true,
  () => false,
);
const runPg = pgAvailable || Boolean(process.env.CI);
const pgDatabaseUrl = (name: string) => Object.assign(new URL(PG_ADMIN_URL), { pathname: `/${name}` }).href;
const tmpDatabases = () => pgQuery<{ datname: string }>(PG_ADMIN_URL, "SELECT datname FROM pg_database WHERE datname LIKE 'lede_tooling_shadow_%' OR datname LIKE 'prisma_shadow_%'");

const names = {
  sqlite: readMigrations(path.join(root, "prisma", "migrations")).map((m) => m.name),
  postgresql: readMigrations(path.join(root, "prisma", "postgresql", "migrations")).map((m) => m.name),
};

/** Several processes starting at once (the start command on several instances). */
async function migrateInParallel(url: string, processes = 3) {
  const outputs = await Promise.all(
    Array.from({ length: processes }, () =>
      run(process.execPath, ["--import", "tsx", "scripts/migrate.ts"], { cwd: root, env: { ...process.env, DATABASE_URL: url } }).then((r) => r.stdout),
    ),
  );
  return outputs.join("\n");
}

describe("schemas and migrations", () => {
  it("has the same migrations, by name, for both databases", () => {
    expect(names.sqlite.length).toBeGreaterThan(0);
    expect(names.postgresql).toEqual(names.sqlite);
  });

  it("(a) keeps the PostgreSQL schema generated from the SQLite one", async () => {
    const { code, output } = await prismaScript(["check-schemas"]);
    expect(output).toContain("is up to date");
    expect(code).toBe(0);
  });

  it("(b) SQLite: the migrations produce exactly prisma/schema.prisma", async () => {
    const { code, output } = await prismaScript(["check-migrations", "sqlite"]);
    expect(output).toContain("prisma/migrations matches prisma/schema.prisma");
    expect(code).toBe(0);
  });

  it.skipIf(!runPg)("(b) PostgreSQL: the migrations produce exactly prisma/postgresql/schema.prisma", async () => {
    const { code, output } = await prismaScript(["check-migrations", "postgresql"], { PG_ADMIN_URL });
    expect(output).toContain("prisma/postgresql/migrations matches prisma/postgresql/schema.prisma");
    expect(code).toBe(0);
    expect(await tmpDatabases()).toEqual([]);
  });
});

describe("(c) lib/db/migrate.ts on a fresh SQLite file", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lede-migrate-test-"));
  const file = path.join(dir, "data", "lede.db"); // data/ does not exist yet: migrate creates it
  const url = `file:${file}`;
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("applies every migration, then nothing", async () => {
    expect(await migrate(url)).toEqual({ applied: names.sqlite });
    expect(await migrate(url)).toEqual({ applied: [] });
  });

  it("records them as Prisma does, in WAL mode", () => {
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
      const rows = db.prepare(`SELECT * FROM "_prisma_migrations" ORDER BY "migration_name"`).all() as Record<string, unknown>[];
      const files = readMigrations(path.join(root, "prisma", "migrations"));
      expect(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count, r.rolled_back_at])).toEqual(
        files.map((m) => [m.name, m.checksum, 1, null]),
      );
      for (const row of rows) expect(Number.isNaN(Date.parse(String(row.finished_at)))).toBe(false);
    } finally {
      db.close();
    }
  });

  it("agrees with `prisma migrate status`", async () => {
    const { code, output } = await prismaScript(["migrate", "status"], { DATABASE_URL: url });
    expect(output).toContain("Database schema is up to date");
    expect(code).toBe(0);
  });

  it("keeps the FTS5 search index in sync with Article", () => {
    const db = new Database(file);
    try {
      const search = (q: string) =>
        db.prepare(`SELECT "articleId" FROM "ArticleSearch" WHERE "ArticleSearch" MATCH ? ORDER BY "articleId"`).pluck().all(q);
      const insert = db.prepare(`INSERT INTO "Article" ("id", "slug", "title", "lead", "body", "updatedAt") VALUES (?, ?, ?, ?, ?, 0)`);
      insert.run("a1", "one", "Bakıda yeni park", null, "<p>Şəhər bağı açıldı</p>");
      insert.run("a2", "two", "Новости", "Лид", "<p>Москва</p>");
      expect(search("bagı")).toEqual(["a1"]); // diacritics folded: ğ → g
      expect(search("МОСКВА")).toEqual(["a2"]);
      db.prepare(`UPDATE "Article" SET "title" = 'Renamed park' WHERE "id" = 'a1'`).run();
      expect(search("bakıda")).toEqual([]);
      expect(search("renamed")).toEqual(["a1"]);
      db.prepare(`DELETE FROM "Article" WHERE "id" = 'a2'`).run();
      expect(search("москва")).toEqual([]);
      expect(db.prepare(`SELECT count(*) FROM "ArticleSearch"`).pluck().get()).toBe(1);
    } finally {
      db.close();
    }
  });

  it("rolls a failing migration back whole and records nothing for it", async () => {
    const migrations = path.join(dir, "migrations");
    fs.cpSync(path.join(root, "prisma", "migrations"), migrations, { recursive: true });
    fs.mkdirSync(path.join(migrations, "99999999999999_broken"));
    fs.writeFileSync(path.join(migrations, "99999999999999_broken", "migration.sql"), 'CREATE TABLE "Half" ("a" TEXT);\nNOT SQL;');
    await expect(migrate(url, { migrationsDir: migrations })).rejects.toThrow(/99999999999999_broken failed/);
    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'Half'`).pluck().get()).toBe(0);
      expect(db.prepare(`SELECT count(*) FROM "_prisma_migrations"`).pluck().get()).toBe(names.sqlite.length);
    } finally {
      db.close();
    }
  });

  it("is safe with several processes starting at once", async () => {
    const fresh = `file:${path.join(dir, "parallel.db")}`;
    const output = await migrateInParallel(fresh);
    expect(output.match(/Applied \d+ migration/g)).toHaveLength(1);
    const db = new Database(fresh.slice("file:".length), { readonly: true });
    try {
      expect(db.prepare(`SELECT count(*) FROM "_prisma_migrations"`).pluck().get()).toBe(names.sqlite.length);
    } finally {
      db.close();
    }
  });
});

describe.skipIf(!runPg)("(c) lib/db/migrate.ts on a fresh PostgreSQL database", () => {
  const database = `lede_tooling_migrate_${process.pid}`;
  const url = pgDatabaseUrl(database);
  const parallel = `${database}_parallel`;

  beforeAll(async () => {
    for (const name of [database, parallel]) {
      await pgQuery(PG_ADMIN_URL, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await pgQuery(PG_ADMIN_URL, `CREATE DATABASE "${name}"`);
    }
  });
  afterAll(async () => {
    for (const name of [database, parallel]) await pgQuery(PG_ADMIN_URL, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  it("applies every migration, then nothing", async () => {
    expect(await migrate(url)).toEqual({ applied: names.postgresql });
    expect(await migrate(url)).toEqual({ applied: [] });
  });

  it("records them as Prisma does", async () => {
    const rows = await pgQuery(url, "SELECT * FROM _prisma_migrations ORDER BY migration_name");
    const files = readMigrations(path.join(root, "prisma", "postgresql", "migrations"));
    expect(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count, r.rolled_back_at])).toEqual(
      files.map((m) => [m.name, m.checksum, 1, null]),
    );
    for (const row of rows) expect(row.finished_at).toBeInstanceOf(Date);
  });

  it("agrees with `prisma migrate status`", async () => {
    const { code, output } = await prismaScript(["migrate", "status"], { DATABASE_URL: url });
    expect(output).toContain("Database schema is up to date");
    expect(code).toBe(0);
  });

  it("indexes a published article's weighted text in ArticleSearch (tags stripped, 'simple' configuration), and only while published", async () => {
    await pgQuery(url, `INSERT INTO "Article" ("id", "slug", "title", "lead", "body", "status", "publishedAt", "updatedAt") VALUES ($1, $2, $3, $4, $5, 'PUBLISHED', '2026-11-30 10:00', now())`, [
      "a1",
      "one",
      "Bakıda yeni park",
      "Москва",
      '<p>Şəhər <a href="https://example.com/strong">bağı</a> açıldı</p>',
    ]);
    const [row] = await pgQuery<{ v: string }>(url, `SELECT "searchVector"::text AS v FROM "ArticleSearch" WHERE "articleId" = 'a1'`);
    // With the month it was published in, as a lexeme no text makes.
    expect(row?.v).toBe("'açıldı':7C 'bakıda':1A 'bağı':6C 'm 202611' 'park':3A 'yeni':2A 'şəhər':5C 'москва':4B");
    const hits = await pgQuery(url, `SELECT "articleId" AS id FROM "ArticleSearch" WHERE "searchVector" @@ websearch_to_tsquery('simple', 'москва')`);
    expect(hits).toEqual([{ id: "a1" }]);
    await pgQuery(url, `UPDATE "Article" SET "status" = 'UNPUBLISHED' WHERE "id" = 'a1'`);
    expect(await pgQuery(url, `SELECT "articleId" FROM "ArticleSearch"`)).toEqual([]);
  });

  it("is safe with several processes starting at once", async () => {
    const output = await migrateInParallel(pgDatabaseUrl(parallel));
    expect(output.match(/Applied \d+ migration/g)).toHaveLength(1);
    const [row] = await pgQuery<{ n: number }>(pgDatabaseUrl(parallel), "SELECT count(*)::int AS n FROM _prisma_migrations");
    expect(row?.n).toBe(names.postgresql.length);
  });
});
