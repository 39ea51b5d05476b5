/**
 * Applies the checked-in Prisma migrations at runtime, with no schema engine: each pending
 * `migration.sql` (prisma/migrations for SQLite, prisma/postgresql/migrations for PostgreSQL), in
 * order, in its own transaction, recorded in `_prisma_migrations` the way Prisma Migrate records
 * it (same table, checksum = sha256 of the file, finished_at, applied_steps_count = 1), so
 * `prisma migrate status` and `migrate deploy` agree with it.
 *
 * Safe when several processes start at once: PostgreSQL takes Prisma Migrate's own advisory lock,
 * SQLite takes the write lock (BEGIN IMMEDIATE) and re-reads what is applied before each migration.
 * A migration that fails is rolled back whole and not recorded, so the next start retries it.
 *
 * Used by the start command and tests; importable from tsx scripts and Next server code alike.
 */
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databaseUrl, dialectOf, sqliteFilePath, type Dialect } from "../config";

export type MigrateResult = { applied: string[] };

export type MigrateOptions = {
  /** Folder holding the migration folders; default prisma/migrations or prisma/postgresql/migrations under the working directory. */
  migrationsDir?: string;
};

type Migration = { name: string; sql: string; checksum: string };
type AppliedRow = { migration_name: string; finished_at: unknown; rolled_back_at: unknown };

const MIGRATIONS_DIR: Record<Dialect, string[]> = {
  sqlite: ["prisma", "migrations"],
  postgresql: ["prisma", "postgresql", "migrations"],
};

/** Prisma Migrate's own DDL for its bookkeeping table (sql-schema-connector flavours). */
const MIGRATIONS_TABLE: Record<Dialect, string> = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`,
  postgresql: `CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`,
};

/** The key Prisma Migrate locks on PostgreSQL, so this and `prisma migrate deploy` exclude each other. */
const PRISMA_ADVISORY_LOCK = 72707369;

export function readMigrations(dir: string): Migration[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b))
    .map((name) => {
      const file = path.join(dir, name, "migration.sql");
      if (!fs.existsSync(file)) throw new Error(`Migration ${name} has no migration.sql (${file})`);
      const bytes = fs.readFileSync(file);
      return { name, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") };
    });
}

/** Refuses to go on past a migration Prisma recorded as failed (as `migrate deploy` does, P3009). */
function assertNoFailed(rows: AppliedRow[]) {
  const failed = rows.filter((row) => row.finished_at == null && row.rolled_back_at == null).map((row) => row.migration_name);
  if (failed.length)
    throw new Error(
      `The database has failed migrations: ${failed.join(", ")}. Fix them, then mark them with ` +
        "`npm run prisma -- migrate resolve --rolled-back <name>` (or --applied).",
    );
}

const applied = (rows: AppliedRow[]) => new Set(rows.filter((row) => row.finished_at != null && row.rolled_back_at == null).map((row) => row.migration_name));

export async function migrate(url: string = databaseUrl(), options: MigrateOptions = {}): Promise<MigrateResult> {
  const dialect = dialectOf(url);
  const migrations = readMigrations(options.migrationsDir ?? path.join(process.cwd(), ...MIGRATIONS_DIR[dialect]));
  return dialect === "postgresql" ? migratePostgres(url, migrations) : migrateSqlite(sqliteFilePath(url), migrations);
}

/** A timestamp as Prisma's engine writes it to SQLite through the driver adapter. */
const sqliteNow = () => new Date().toISOString().replace("Z", "+00:00");

async function migrateSqlite(file: string, migrations: Migration[]): Promise<MigrateResult> {
  const { default: Database } = await import("better-sqlite3");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { timeout: 15_000 });
  const done: string[] = [];
  try {
    if (String(db.pragma("journal_mode", { simple: true })).toLowerCase() !== "wal") db.pragma("journal_mode = WAL");
    // Prisma's SQLite migrations turn foreign keys off around table redefinitions, which SQLite
    // ignores inside a transaction: turn them off for the connection, check them before each commit.
    db.pragma("foreign_keys = OFF");
    db.exec(MIGRATIONS_TABLE.sqlite);
    const readRows = () => db.prepare(`SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations"`).all() as AppliedRow[];
    for (;;) {
      db.exec("BEGIN IMMEDIATE");
      try {
        const rows = readRows();
        assertNoFailed(rows);
        const next = migrations.find((m) => !applied(rows).has(m.name));
        if (!next) {
          db.exec("COMMIT");
          break;
        }
        const id = randomUUID();
        db.prepare(
          `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "applied_steps_count") VALUES (?, ?, ?, ?, 0)`,
        ).run(id, next.checksum, next.name, sqliteNow());
        try {
          db.exec(next.sql);
        } catch (error) {
          throw new Error(`Migration ${next.name} failed: ${(error as Error).message}`, { cause: error });
        }
        const violations = db.pragma("foreign_key_check") as unknown[];
        if (violations.length) throw new Error(`Migration ${next.name} leaves ${violations.length} foreign key violation(s)`);
        db.prepare(`UPDATE "_prisma_migrations" SET "finished_at" = ?, "applied_steps_count" = 1 WHERE "id" = ?`).run(sqliteNow(), id);
        db.exec("COMMIT");
        done.push(next.name);
      } catch (error) {
        if (db.inTransaction) db.exec("ROLLBACK");
        throw error;
      }
    }
  } finally {
    db.close();
  }
  return { applied: done };
}

async function migratePostgres(url: string, migrations: Migration[]): Promise<MigrateResult> {
  const { default: pg } = await import("pg");
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema");
  parsed.searchParams.delete("schema");
  const client = new pg.Client({
    connectionString: parsed.href,
    ...(schema ? { options: `-c search_path="${schema.replaceAll('"', '""')}"` } : {}),
  });
  await client.connect();
  const done: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK]);
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replaceAll('"', '""')}"`);
    await client.query(MIGRATIONS_TABLE.postgresql);
    const { rows } = await client.query<AppliedRow>("SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations");
    assertNoFailed(rows);
    const already = applied(rows);
    for (const migration of migrations.filter((m) => !already.has(m.name))) {
      await client.query("BEGIN");
      try {
        const id = randomUUID();
        await client.query(
          "INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, clock_timestamp(), 0)",
          [id, migration.checksum, migration.name],
        );
        try {
          await client.query(migration.sql); // simple protocol: the whole script, as Prisma sends it
        } catch (error) {
          throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
        }
        await client.query("UPDATE _prisma_migrations SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1", [id]);
        await client.query("COMMIT");
        done.push(migration.name);
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      }
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK]).catch(() => {});
    await client.end();
  }
  return { applied: done };
}
