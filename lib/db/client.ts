import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "../generated/sqlite/client";
import { PrismaClient as PostgresClient } from "../generated/postgresql/client";
import { databaseUrl, dialectOf, sqliteFilePath, type Dialect } from "../config";

/**
 * Both generated clients come from one schema (prisma/schema.prisma), so their
 * APIs are identical; the SQLite one's types stand for both.
 */
export type Db = SqliteClient & { dialect: Dialect };

export function createClient(url = databaseUrl()): Db {
  const dialect = dialectOf(url);
  const client =
    dialect === "postgresql"
      ? (new PostgresClient({
          adapter: new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) }),
        }) as unknown as SqliteClient)
      : new SqliteClient({
          adapter: new PrismaBetterSqlite3({ url: `file:${sqliteFilePath(url)}`, timeout: 5000 }),
        });
  return Object.assign(client, { dialect });
}
