import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type BetterSqlite3 from "better-sqlite3";
import { PrismaClient as SqliteClient } from "../generated/sqlite/client";
import { PrismaClient as PostgresClient } from "../generated/postgresql/client";
import { databaseUrl, dialectOf, sqliteFilePath, type Dialect } from "../config";

/**
 * Both generated clients come from one schema (prisma/schema.prisma), so their
 * APIs are identical; the SQLite one's types stand for both.
 */
export type Db = SqliteClient & { dialect: Dialect };

/**
 * Every SQLite connection runs in WAL mode, so readers never wait for a writer (another instance or
 * `npm run seed` can read while one writes), with a busy timeout (`timeout`, in ms), so a writer waits
 * for another process's write lock instead of failing at once with SQLITE_BUSY.
 *
 * The adapter opens transactions with a deferred BEGIN: one that reads before it writes then fails with
 * SQLITE_BUSY, without waiting, when another process committed in between (the busy timeout cannot
 * help there). BEGIN IMMEDIATE takes the write lock up front, where the timeout does apply. Within one
 * process the adapter already runs transactions one at a time, so this costs no concurrency there.
 */
class SqliteAdapterFactory extends PrismaBetterSqlite3 {
  override async connect(): ReturnType<PrismaBetterSqlite3["connect"]> {
    const adapter = await super.connect();
    const sqlite = (adapter as unknown as { client?: BetterSqlite3.Database }).client;
    if (typeof sqlite?.prepare !== "function") throw new Error("@prisma/adapter-better-sqlite3 no longer exposes its connection; see lib/db/client.ts");
    const prepare = sqlite.prepare.bind(sqlite);
    sqlite.prepare = ((source: string) => prepare(source === "BEGIN" ? "BEGIN IMMEDIATE" : source)) as typeof sqlite.prepare;
    await adapter.executeScript("PRAGMA journal_mode = WAL");
    return adapter;
  }
}

export function createClient(url = databaseUrl()): Db {
  const dialect = dialectOf(url);
  const client =
    dialect === "postgresql"
      ? (new PostgresClient({
          adapter: new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) }),
        }) as unknown as SqliteClient)
      : new SqliteClient({
          adapter: new SqliteAdapterFactory({ url: `file:${sqliteFilePath(url)}`, timeout: 5000 }),
        });
  return Object.assign(client, { dialect });
}
