// Next's server cache (ISR pages, route handlers, unstable_cache data) for Lede.
//
// With REDIS_URL: the shared cache in Redis (lib/cache/redis-store.cjs). Every
// instance serves the same entries, and an invalidation on one is seen by the
// next lookup on all of them. While Redis is unreachable, each instance falls
// back to its own cache below, then trusts Redis again once it has caught up.
//
// Without REDIS_URL (and during that fall-back): Next's own file-system cache,
// plus two rules that make it safe to run many instances on one database.
// 1. Invalidations are shared. lib/cache/public.ts stamps every invalidated tag
//    in the CacheInvalidation table; before serving from the cache, each
//    instance reads the rows stamped since it last looked (at most every
//    POLL_MS) and marks those tags expired locally. A publish on one instance
//    is therefore fresh on all of them within POLL_MS, with no time-based expiry.
// 2. Nothing cached before this process started is served: entries written at
//    build time (rendered without a database) or by an earlier process (which
//    may have missed invalidations while it was down) are rendered again once.
//
// The app uses unstable_cache, not 'use cache', so there are no `cacheHandlers` to configure.
// Plain CommonJS because Next loads it at runtime, outside the bundles.
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache").default;
const { tagsManifest } = require("next/dist/server/lib/incremental-cache/tags-manifest.external");
const { createInvalidationReader } = require("./invalidation-reader.cjs");
const { RedisCacheStore, readBuildId } = require("./redis-store.cjs");
const { recordCacheLookup } = require("../observability/metrics.cjs");
const { logger } = require("../observability/logger.cjs");
const { onShutdown } = require("../observability/lifecycle.cjs");
const { clearResponseMemo } = require("./response-memo.cjs");

const POLL_MS = Number(process.env.CACHE_POLL_MS ?? 250);
/** lib/cache/redis-store.cjs applies database rows to Redis this often. */
const RECONCILE_MS = Number(process.env.CACHE_RECONCILE_MS ?? 1000);
/** A missed lookup with no store after this long (its render failed, or was not cacheable) no longer dates a store. */
const MISS_MAX_MS = 5_000;
/** Rows stamped by an instance whose clock runs behind ours, or committed late, are still picked up. */
const CLOCK_SKEW_MS = 5000;
const STARTED_AT = Date.now();
const BUILDING = process.env.NEXT_PHASE === "phase-production-build";
/** lib/cache/public.ts reaches the shared store through this (it is bundled; this file is not). */
const SHARED_STORE = Symbol.for("lede.cache.sharedStore");

/** The one Redis store of this process, made on first use; null without REDIS_URL or while building. */
function sharedStore(ctx) {
  const url = process.env.REDIS_URL?.trim();
  if (!url || BUILDING) return null;
  if (!globalThis[SHARED_STORE]) {
    const store = new RedisCacheStore({ url, buildId: readBuildId(ctx.serverDistDir), memoryBytes: ctx.maxMemoryCacheSize || undefined });
    onShutdown("shared cache (Redis)", () => store.close());
    globalThis[SHARED_STORE] = store;
  }
  return globalThis[SHARED_STORE];
}

class LedeCacheHandler extends FileSystemCache {
  static invalidations = null;
  static seenUntil = STARTED_AT - CLOCK_SKEW_MS;
  static lastPoll = 0;
  static polling = null;
  static warned = false;
  /** Keys whose local lookup missed and whose render has not been stored yet: key → when (ms). */
  static missed = new Map();

  constructor(ctx) {
    super(ctx);
    this.shared = sharedStore(ctx);
    // The fall-back cache then stays in this process's memory: instances sharing one build
    // directory must not write each other's cache files.
    if (this.shared) this.flushToDisk = false;
  }

  async get(key, ctx) {
    if (this.shared && (await this.shared.usable())) {
      try {
        const entry = await this.shared.get(key, ctx);
        recordCacheLookup("redis", entry ? "hit" : "miss");
        return entry;
      } catch (error) {
        recordCacheLookup("redis", "error");
        this.shared.failed(error);
      }
    }
    if (!BUILDING) await LedeCacheHandler.syncInvalidations();
    const entry = await super.get(key, ctx);
    const fresh = BUILDING || !entry || typeof entry.lastModified !== "number" || entry.lastModified >= STARTED_AT ? entry : null;
    if (!BUILDING) recordCacheLookup("local", fresh ? "hit" : "miss");
    if (!fresh && !BUILDING) {
      LedeCacheHandler.noteMiss(key);
      this.shared?.missedLocally(key);
    }
    return fresh;
  }

  async set(key, data, ctx) {
    if (this.shared && (await this.shared.usable())) {
      try {
        return await this.shared.set(key, data, ctx);
      } catch (error) {
        this.shared.failed(error);
      }
    }
    const missedAt = LedeCacheHandler.takeMiss(key);
    await super.set(key, data, ctx);
    // Next dates an entry when it is stored; a render that read the database before a publish and
    // finished after its invalidation would then count as newer than it and stay stale. Dated from
    // when its lookup missed, it is born expired instead, and rendered once more.
    const held = missedAt === undefined ? undefined : FileSystemCache.memoryCache?.get(key);
    if (held && held.value === data) held.lastModified = missedAt;
  }

  static noteMiss(key) {
    const now = Date.now();
    const earlier = this.missed.get(key);
    if (earlier === undefined || now - earlier >= MISS_MAX_MS) this.missed.set(key, now);
    if (this.missed.size > 10_000) this.missed.delete(this.missed.keys().next().value);
  }

  static takeMiss(key) {
    const at = this.missed.get(key);
    this.missed.delete(key);
    return at !== undefined && Date.now() - at < MISS_MAX_MS ? at : undefined;
  }

  async revalidateTag(tags, durations) {
    // This instance's own cache first: it is what serves while Redis is away.
    await super.revalidateTag(tags, durations);
    clearResponseMemo();
    await this.shared?.invalidate(typeof tags === "string" ? [tags] : tags);
  }

  static async syncInvalidations() {
    if (Date.now() - this.lastPoll < POLL_MS) return;
    this.polling ??= this.poll().finally(() => {
      this.polling = null;
    });
    await this.polling;
  }

  /** Applies the invalidations stamped since the last poll to this instance's cache; true if any was new. */
  static async poll() {
    this.lastPoll = Date.now();
    let changed = false;
    try {
      this.invalidations ??= createInvalidationReader();
      const rows = await this.invalidations.read(this.seenUntil);
      let newest = this.seenUntil + CLOCK_SKEW_MS;
      for (const { tag, at } of rows) {
        const current = tagsManifest.get(tag) ?? {};
        if ((current.expired ?? 0) < at) {
          tagsManifest.set(tag, { ...current, stale: at, expired: at });
          changed = true;
        }
        if (at > newest) newest = at;
      }
      this.seenUntil = newest - CLOCK_SKEW_MS;
      // Whichever caller polled (a request, or the memo's timer), the memo must not outlive the change.
      if (changed) {
        clearResponseMemo();
        // With Redis, the memo refills from Redis: should its stamp have failed, or landed after the
        // row, it is right again once some instance's reconcile has applied the row (RECONCILE_MS).
        if (globalThis[SHARED_STORE]) setTimeout(clearResponseMemo, RECONCILE_MS + POLL_MS).unref();
      }
      this.warned = false;
    } catch (error) {
      // Keep serving with what we know; the next poll tries again.
      if (!this.warned) logger.error({ err: { message: error instanceof Error ? error.message : String(error) } }, "Cache: could not read invalidations");
      this.warned = true;
    }
    return changed;
  }
}

// scripts/serve.mjs's response memo (lib/cache/response-memo.cjs) polls through this, so it is emptied
// only after this instance's cache has the invalidations too.
globalThis[Symbol.for("lede.cache.pollInvalidations")] = () => (BUILDING ? Promise.resolve(false) : LedeCacheHandler.poll());

module.exports = LedeCacheHandler;
