// Reads the CacheInvalidation table (one row per tag: the last time it was
// invalidated, stamped by lib/cache/invalidations.ts) straight from the
// database, outside Prisma: lib/cache/handler.cjs runs outside Next's bundles.
const path = require("node:path");

/** Rows from a database that is down or hung must not hold up a page for long. */
const QUERY_TIMEOUT_MS = 2000;

function databaseUrl() {
  return process.env.DATABASE_URL?.trim() || `file:${path.join(/*turbopackIgnore: true*/ process.cwd(), "data", "lede.db")}`;
}

/**
 * `read(since)` resolves to the invalidations stamped after `since` (ms since
 * the epoch; -1 for all of them) as [{ tag, at }]; `close()` releases the connection.
 */
function createInvalidationReader(url = databaseUrl()) {
  if (/^postgres(ql)?:\/\//i.test(url)) {
    const { Pool } = require("pg");
    const pool = new Pool({ connectionString: url, max: 1, idleTimeoutMillis: 30_000, connectionTimeoutMillis: QUERY_TIMEOUT_MS, query_timeout: QUERY_TIMEOUT_MS });
    // An idle connection dropped by a database restart must not crash the process.
    pool.on("error", () => {});
    return {
      async read(since) {
        const { rows } = await pool.query('SELECT "tag", "revalidatedAt" FROM "CacheInvalidation" WHERE "revalidatedAt" > $1', [since]);
        return rows.map((row) => ({ tag: row.tag, at: Number(row.revalidatedAt) }));
      },
      close: () => pool.end(),
    };
  }
  const Database = require("better-sqlite3");
  const file = url.replace(/^file:/, "").replace(/\?.*$/, "");
  let sqlite;
  let statement;
  return {
    async read(since) {
      if (!statement) {
        sqlite = new Database(path.isAbsolute(file) ? file : path.join(/*turbopackIgnore: true*/ process.cwd(), file), { readonly: true, fileMustExist: true });
        try {
          sqlite.pragma("busy_timeout = 2000");
          statement = sqlite.prepare('SELECT "tag", "revalidatedAt" AS at FROM "CacheInvalidation" WHERE "revalidatedAt" > ?');
        } catch (error) {
          sqlite.close(); // e.g. the table's migration is not applied yet: open again on the next read
          sqlite = undefined;
          throw error;
        }
      }
      return statement.all(since).map((row) => ({ tag: row.tag, at: Number(row.at) }));
    },
    async close() {
      sqlite?.close();
      sqlite = undefined;
      statement = undefined;
    },
  };
}

module.exports = { createInvalidationReader, databaseUrl };
