// Next's server cache (ISR pages, route handlers, unstable_cache data) for Lede:
// Next's own file-system cache, plus two rules that make it safe to run many
// instances on one database.
//
// 1. Invalidations are shared. lib/cache/public.ts stamps every invalidated tag
//    in the CacheInvalidation table; before serving from the cache, each
//    instance reads the rows stamped since it last looked (at most every
//    POLL_MS) and marks those tags expired locally. A publish on one instance
//    is therefore fresh on all of them within POLL_MS, with no time-based expiry.
// 2. Nothing cached before this process started is served: entries written at
//    build time (rendered without a database) or by an earlier process (which
//    may have missed invalidations while it was down) are rendered again once.
//
// Plain CommonJS because Next loads it at runtime, outside the bundles.
const path = require("node:path");
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache").default;
const { tagsManifest } = require("next/dist/server/lib/incremental-cache/tags-manifest.external");

const POLL_MS = Number(process.env.CACHE_POLL_MS ?? 250);
/** Rows stamped by an instance whose clock runs behind ours, or committed late, are still picked up. */
const CLOCK_SKEW_MS = 5000;
const STARTED_AT = Date.now();
const BUILDING = process.env.NEXT_PHASE === "phase-production-build";

function databaseUrl() {
  return process.env.DATABASE_URL?.trim() || `file:${path.join(/*turbopackIgnore: true*/ process.cwd(), "data", "lede.db")}`;
}

/** Reads invalidations stamped after `since` (ms) from the shared table: [{ tag, at }]. */
function createInvalidationReader(url) {
  if (/^postgres(ql)?:\/\//i.test(url)) {
    const { Pool } = require("pg");
    const pool = new Pool({ connectionString: url, max: 1, idleTimeoutMillis: 30_000 });
    return async (since) => {
      const { rows } = await pool.query('SELECT "tag", "revalidatedAt" FROM "CacheInvalidation" WHERE "revalidatedAt" > $1', [since]);
      return rows.map((row) => ({ tag: row.tag, at: Number(row.revalidatedAt) }));
    };
  }
  const Database = require("better-sqlite3");
  const file = url.replace(/^file:/, "").replace(/\?.*$/, "");
  let statement;
  return async (since) => {
    if (!statement) {
      const sqlite = new Database(path.isAbsolute(file) ? file : path.join(/*turbopackIgnore: true*/ process.cwd(), file), { readonly: true, fileMustExist: true });
      try {
        sqlite.pragma("busy_timeout = 2000");
        statement = sqlite.prepare('SELECT "tag", "revalidatedAt" AS at FROM "CacheInvalidation" WHERE "revalidatedAt" > ?');
      } catch (error) {
        sqlite.close(); // e.g. the table's migration is not applied yet: open again on the next poll
        throw error;
      }
    }
    return statement.all(since).map((row) => ({ tag: row.tag, at: Number(row.at) }));
  };
}

class LedeCacheHandler extends FileSystemCache {
  static readInvalidations = null;
  static seenUntil = STARTED_AT - CLOCK_SKEW_MS;
  static lastPoll = 0;
  static polling = null;
  static warned = false;

  async get(...args) {
    if (!BUILDING) await LedeCacheHandler.syncInvalidations();
    const entry = await super.get(...args);
    if (!BUILDING && entry && typeof entry.lastModified === "number" && entry.lastModified < STARTED_AT) return null;
    return entry;
  }

  static async syncInvalidations() {
    if (Date.now() - this.lastPoll < POLL_MS) return;
    this.polling ??= this.poll().finally(() => {
      this.polling = null;
    });
    await this.polling;
  }

  static async poll() {
    this.lastPoll = Date.now();
    try {
      this.readInvalidations ??= createInvalidationReader(databaseUrl());
      const rows = await this.readInvalidations(this.seenUntil);
      let newest = this.seenUntil + CLOCK_SKEW_MS;
      for (const { tag, at } of rows) {
        const current = tagsManifest.get(tag) ?? {};
        if ((current.expired ?? 0) < at) tagsManifest.set(tag, { ...current, stale: at, expired: at });
        if (at > newest) newest = at;
      }
      this.seenUntil = newest - CLOCK_SKEW_MS;
      this.warned = false;
    } catch (error) {
      // Keep serving with what we know; the next poll tries again.
      if (!this.warned) console.error("Cache: could not read invalidations:", error instanceof Error ? error.message : error);
      this.warned = true;
    }
  }
}

module.exports = LedeCacheHandler;
