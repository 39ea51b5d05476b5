// The shared server cache in Redis, used by lib/cache/handler.cjs when REDIS_URL
// is set: every instance reads and writes the same entries, and an invalidation
// stamped by one is seen by the next lookup on all of them.
//
// Keys (prefix REDIS_CACHE_PREFIX, default "lede:cache:"):
//   <prefix>e:<build id>:<key>  hash {v: entry bytes (serialize.cjs), lm: when its render began, tags}
//                               — per build, so an instance never serves another build's RSC payload;
//                               expires REDIS_CACHE_TTL_S (default 7 days) after it was stored
//   <prefix>tags                hash tag → when it was last invalidated
//   <prefix>applied             hash tag → the newest CacheInvalidation row already applied to <prefix>tags
// Every time is Redis's own clock (TIME inside the scripts), so instances whose
// clocks disagree still agree on what is older than what.
//
// Correctness rules:
// - A lookup checks the entry's tags against <prefix>tags in the same script
//   that reads it: a tag stamped before the lookup always wins.
// - An entry's time is when the lookup that missed it ran (≈ when its render
//   began), not when it was stored: a render that read the database before a
//   publish and finished after its invalidation is born expired.
// - The database stays the durable record of invalidations (lib/cache/public.ts
//   stamps Redis, then the table). Rows Redis has not seen — stamped by a CLI, or by an
//   instance that could not reach Redis — are applied on start-up, every
//   RECONCILE_MS, and before Redis is trusted again after an outage.
//
// Redis down or slow (every command times out after REDIS_COMMAND_TIMEOUT_MS):
// the store reports itself unusable, the handler serves this instance's own
// cache, one warning is logged, and a probe reconnects in the background.
const fs = require("node:fs");
const path = require("node:path");
const Redis = require("ioredis");
const { encode, decode } = require("./serialize.cjs");
const { createInvalidationReader } = require("./invalidation-reader.cjs");
const { logger } = require("../observability/logger.cjs");

const COMMAND_TIMEOUT_MS = Number(process.env.REDIS_COMMAND_TIMEOUT_MS ?? 500);
const RECONCILE_MS = Number(process.env.CACHE_RECONCILE_MS ?? 1000);
const PROBE_MS = 1000;
const ENTRY_TTL_S = Number(process.env.REDIS_CACHE_TTL_S ?? 7 * 24 * 3600);
/** A bigger entry is not shared (it is rendered again instead): a runaway page must not fill Redis. */
const MAX_ENTRY_BYTES = 8 * 1024 * 1024;
/** Recovering from an outage re-reads rows from this long before it began. */
const OUTAGE_MARGIN_MS = 60_000;
/** How far back the periodic reconcile re-reads rows, for rows committed after a later one was seen. */
const REREAD_MS = 5000;
/** Missed lookups of one key within this window date the next store from the first of them. */
const PENDING_MERGE_MS = 5000;
/** A missed lookup with no store after this long (its render failed) no longer dates a store. */
const PENDING_MAX_MS = 30_000;
/** An invalidation this process stamped itself is not stamped again within this window (see invalidate). */
const RESTAMP_MS = 2000;
/** Up to this long, the first lookup waits for the connection rather than rendering into the local cache. */
const FIRST_CONNECT_WAIT_MS = 1000;

const CLOCK = "local function clock() local t = redis.call('TIME') return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) end\n";
const SPLIT = "local function split(csv, into) for tag in string.gmatch(csv, '[^,]+') do into[#into + 1] = tag end return into end\n";
const EXPIRED =
  "local function expired(tagsKey, tags, lm) if #tags == 0 then return false end " +
  "local stamps = redis.call('HMGET', tagsKey, unpack(tags)) " +
  "for i = 1, #stamps do if stamps[i] and tonumber(stamps[i]) >= lm then return true end end return false end\n";

const SCRIPTS = {
  // KEYS: entry, tags. ARGV: the lm the caller holds in memory ("" if none), then the lookup's own tags.
  // → {0, now} missing or expired · {1, lm} unchanged since the caller's copy · {2, lm, bytes}
  ledeGet: {
    numberOfKeys: 2,
    lua:
      CLOCK +
      SPLIT +
      EXPIRED +
      `local meta = redis.call('HMGET', KEYS[1], 'lm', 'tags')
      if not meta[1] then return {0, clock()} end
      local lm = tonumber(meta[1])
      local tags = split(meta[2] or '', {})
      for i = 2, #ARGV do tags[#tags + 1] = ARGV[i] end
      if expired(KEYS[2], tags, lm) then return {0, clock()} end
      if ARGV[1] == meta[1] then return {1, lm} end
      return {2, lm, redis.call('HGET', KEYS[1], 'v')}`,
  },
  // KEYS: entry, tags. ARGV: lm ("" = unknown: assume the render began a second ago), tags csv, ttl seconds,
  // bytes. → the stored lm, or 0 if not stored (born expired, or a newer render is already there).
  ledeSet: {
    numberOfKeys: 2,
    lua:
      CLOCK +
      SPLIT +
      EXPIRED +
      `local lm = tonumber(ARGV[1]) or (clock() - 1000)
      if expired(KEYS[2], split(ARGV[2], {}), lm) then return 0 end
      local current = redis.call('HGET', KEYS[1], 'lm')
      if current and tonumber(current) > lm then return 0 end
      redis.call('HSET', KEYS[1], 'lm', lm, 'tags', ARGV[2], 'v', ARGV[4])
      redis.call('EXPIRE', KEYS[1], ARGV[3])
      return lm`,
  },
  // KEYS: tags, applied. ARGV: the CacheInvalidation time of this change ("" if none), then the tags. → now
  ledeInvalidate: {
    numberOfKeys: 2,
    lua:
      CLOCK +
      `local now = clock()
      for i = 2, #ARGV do
        redis.call('HSET', KEYS[1], ARGV[i], now)
        if ARGV[1] ~= '' then
          local applied = redis.call('HGET', KEYS[2], ARGV[i])
          if not applied or tonumber(applied) < tonumber(ARGV[1]) then redis.call('HSET', KEYS[2], ARGV[i], ARGV[1]) end
        end
      end
      return now`,
  },
  // KEYS: tags, applied. ARGV: tag, at, tag, at… (CacheInvalidation rows). Stamps, as of now, each tag whose
  // row is newer than the one already applied. → how many were new
  ledeApply: {
    numberOfKeys: 2,
    lua:
      CLOCK +
      `local now = clock()
      local count = 0
      for i = 1, #ARGV, 2 do
        local applied = redis.call('HGET', KEYS[2], ARGV[i])
        if not applied or tonumber(applied) < tonumber(ARGV[i + 1]) then
          redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
          redis.call('HSET', KEYS[1], ARGV[i], now)
          count = count + 1
        end
      end
      return count`,
  },
};

function readBuildId(serverDistDir) {
  try {
    return fs.readFileSync(path.join(serverDistDir, "..", "BUILD_ID"), "utf8").trim();
  } catch {
    return "development";
  }
}

/** The tags a lookup or an entry carries (see Next's IncrementalCache and FileSystemCache). */
function storedTags(data, ctx) {
  if (!data) return [];
  if (data.kind === "FETCH") return ctx.tags ?? [];
  const header = data.headers?.["x-next-cache-tags"];
  return typeof header === "string" ? header.split(",").filter(Boolean) : [];
}

class RedisCacheStore {
  /**
   * @param {{ url: string, prefix?: string, buildId: string, memoryBytes?: number,
   *           invalidations?: { read(since: number): Promise<{tag: string, at: number}[]>, close(): Promise<void> } }} options
   */
  constructor({ url, prefix = process.env.REDIS_CACHE_PREFIX || "lede:cache:", buildId, memoryBytes = 50 * 1024 * 1024, invalidations }) {
    this.prefix = prefix;
    this.entryPrefix = `${prefix}e:${buildId}:`;
    this.tagsKey = `${prefix}tags`;
    this.appliedKey = `${prefix}applied`;
    this.invalidations = invalidations ?? createInvalidationReader();
    /** "connecting" → "up" ⇄ "down"; "closed" after close(). Only "up" is served from. */
    this.state = "connecting";
    this.warned = false;
    this.syncing = null;
    this.confirming = null;
    this.reconciling = null;
    /** Whether Redis has been brought up to date with the database once (then an outage needs only its own rows). */
    this.synced = false;
    this.downSince = 0;
    /** Counts outages: a catch-up that an outage interrupted must not mark Redis usable. */
    this.outages = 0;
    this.seenUntil = -1;
    /** Decoded entries this process holds, validated against Redis on every lookup: key → { lm, entry, size } */
    this.memory = new Map();
    this.memoryBytes = 0;
    this.memoryLimit = memoryBytes;
    /** Lookups that missed and whose render has not stored yet: key → { at (Redis clock), since (local clock) } */
    this.pending = new Map();
    /** Tags this process stamped itself lately: tag → when (local clock) */
    this.stamped = new Map();
    /** Redis's clock minus ours (ms), from the last answer that carried Redis's time. */
    this.clockOffset = 0;
    this.client = new Redis(url, {
      // Fail at once while disconnected instead of queueing: the caller falls back to the local cache.
      enableOfflineQueue: false,
      commandTimeout: COMMAND_TIMEOUT_MS,
      connectTimeout: 1000,
      maxRetriesPerRequest: 0,
      autoResendUnfulfilledCommands: false,
      retryStrategy: (attempt) => Math.min(100 * 2 ** Math.min(attempt, 5), 2000),
      scripts: SCRIPTS,
    });
    this.client.on("error", (error) => this.failed(error));
    this.client.on("close", () => this.failed(new Error("connection closed")));
    this.client.on("ready", () => this.recover());
    this.firstConnect = new Promise((resolve) => {
      this.resolveFirstConnect = resolve;
    });
    this.timer = setInterval(() => this.tick(), Math.min(RECONCILE_MS, PROBE_MS));
    this.timer.unref();
  }

  /** Whether lookups may be served from Redis now; the first call waits briefly for the first connection. */
  async usable() {
    if (this.state === "connecting") {
      let timeout;
      await Promise.race([this.firstConnect, new Promise((resolve) => (timeout = setTimeout(resolve, FIRST_CONNECT_WAIT_MS)))]);
      clearTimeout(timeout);
    }
    return this.state === "up";
  }

  /** A command failed or the connection dropped: stop serving from Redis until it is back and reconciled. */
  failed(error) {
    if (this.state === "closed") return;
    // One timed-out command may only mean this process's event loop was busy (a long render) when
    // the answer came: that lookup falls back, and Redis is given up only if a fresh PING fails too.
    if (this.state === "up" && error instanceof Error && error.message === "Command timed out") {
      this.confirming ??= this.client
        .ping()
        .catch((pingError) => this.markDown(pingError))
        .finally(() => {
          this.confirming = null;
        });
      return;
    }
    this.markDown(error);
  }

  markDown(error) {
    if (this.state === "closed") return;
    const wasServing = this.state !== "down";
    if (wasServing) this.downSince = Date.now();
    this.outages += 1;
    this.state = "down";
    this.memory.clear();
    this.memoryBytes = 0;
    if (wasServing) this.resolveFirstConnect();
    if (!this.warned) {
      this.warned = true;
      logger.warn(
        { err: { message: error instanceof Error ? error.message : String(error) } },
        "Cache: Redis unavailable; serving from this instance's own cache until it is back",
      );
    }
  }

  /** Connected (again): apply every invalidation Redis may have missed, then serve from it. */
  recover() {
    if (this.state === "up" || this.state === "closed") return this.syncing;
    this.syncing ??= (async () => {
      const outages = this.outages;
      try {
        const [seconds, micros] = await this.client.time();
        this.clockOffset = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000) - Date.now();
        // Rows stamped while Redis was out of reach, with a margin for clocks and late commits.
        await this.reconcile(this.synced ? this.downSince - OUTAGE_MARGIN_MS : -1);
        if (this.state === "closed" || this.outages !== outages) return;
        this.synced = true;
        const wasWarned = this.warned;
        this.state = "up";
        this.warned = false;
        if (wasWarned) logger.info("Cache: Redis is back; serving the shared cache again");
      } catch (error) {
        this.markDown(error);
      } finally {
        this.syncing = null;
        this.resolveFirstConnect();
      }
    })();
    return this.syncing;
  }

  tick() {
    if (this.state === "up") {
      // One at a time: a slow database must not pile reads up.
      this.reconciling ??= this.reconcile(this.seenUntil - REREAD_MS)
        .catch((error) => {
          if (error && error.redis) this.failed(error);
        })
        .finally(() => {
          this.reconciling = null;
        });
    } else if (this.state === "down" && this.client.status === "ready") {
      // Connected but a command failed or timed out (a hung server): probe again.
      this.recover();
    }
  }

  /** Applies CacheInvalidation rows stamped after `since` (-1: all rows) to Redis. */
  async reconcile(since) {
    const rows = await this.invalidations.read(since);
    let newest = this.seenUntil;
    for (let i = 0; i < rows.length; i += 500) {
      const args = rows.slice(i, i + 500).flatMap(({ tag, at }) => [tag, String(at)]);
      try {
        await this.client.ledeApply(this.tagsKey, this.appliedKey, ...args);
      } catch (error) {
        throw Object.assign(error instanceof Error ? error : new Error(String(error)), { redis: true });
      }
    }
    for (const { at } of rows) if (at > newest) newest = at;
    this.seenUntil = newest;
  }

  /** The entry for `key` if no tag of it (or of the lookup) was invalidated since its render began. */
  async get(key, ctx) {
    const held = this.memory.get(key);
    const lookupTags = ctx.kind === "FETCH" ? [...(ctx.tags ?? []), ...(ctx.softTags ?? [])] : [];
    const reply = await this.client.ledeGetBuffer(this.entryPrefix + key, this.tagsKey, held ? String(held.lm) : "", ...lookupTags);
    const status = Number(reply[0]);
    if (status === 0) {
      this.forget(key);
      this.clockOffset = Number(reply[1]) - Date.now();
      this.markPending(key, Number(reply[1]));
      return null;
    }
    // 1 is only answered to the lm we sent, that is to `held`.
    if (status === 1) {
      this.touch(key, held);
      return held.entry;
    }
    const lm = Number(reply[1]);
    const { value: record, size } = decode(reply[2]);
    const entry = { lastModified: lm, value: record.value, cacheControl: record.cacheControl };
    this.remember(key, { lm, entry, size });
    return entry;
  }

  async set(key, data, ctx) {
    const { bytes, size } = encode({ value: data, cacheControl: ctx.fetchCache ? undefined : ctx.cacheControl });
    if (bytes.byteLength > MAX_ENTRY_BYTES) return;
    const pending = this.pending.get(key);
    this.pending.delete(key);
    const startedAt = pending && Date.now() - pending.since < PENDING_MAX_MS ? String(pending.at) : "";
    const expire = ctx.cacheControl?.expire;
    const ttl = typeof expire === "number" && expire > 0 ? Math.min(expire, ENTRY_TTL_S) : ENTRY_TTL_S;
    const tags = storedTags(data, ctx);
    const lm = Number(await this.client.ledeSet(this.entryPrefix + key, this.tagsKey, startedAt, tags.join(","), String(ttl), bytes));
    if (lm > 0) this.remember(key, { lm, entry: { lastModified: lm, value: data, cacheControl: ctx.fetchCache ? undefined : ctx.cacheControl }, size });
  }

  /**
   * Stamps the tags invalidated now. `recordedAt` is the CacheInvalidation time
   * the caller stamped in the database for the same change, so reconciling does
   * not stamp it a second time; without it (Next's own revalidateTag/revalidatePath),
   * tags this process stamped a moment ago are skipped: renders since then
   * already read the committed change.
   */
  async invalidate(tags, recordedAt) {
    const now = Date.now();
    const fresh = recordedAt === undefined ? tags.filter((tag) => !(now - (this.stamped.get(tag) ?? -Infinity) < RESTAMP_MS)) : tags;
    if (fresh.length === 0 || this.state === "closed") return;
    for (const tag of fresh) this.stamped.set(tag, now);
    if (this.stamped.size > 10_000) for (const [tag, at] of this.stamped) if (now - at >= RESTAMP_MS) this.stamped.delete(tag);
    try {
      await this.client.ledeInvalidate(this.tagsKey, this.appliedKey, recordedAt === undefined ? "" : String(recordedAt), ...fresh);
    } catch (error) {
      // The database row (or, for path tags, this instance's own cache) carries it; recovery applies the rows.
      this.failed(error);
    }
  }

  /**
   * A lookup that missed this instance's own cache while Redis was unusable: if Redis is back by the
   * time its render is stored, the entry is still dated from when the render began (in Redis's
   * time, as far as we know it), so a publish in between is not hidden behind a stale render.
   */
  missedLocally(key) {
    this.markPending(key, Date.now() + this.clockOffset);
  }

  markPending(key, at) {
    const pending = this.pending.get(key);
    if (!pending || Date.now() - pending.since >= PENDING_MERGE_MS) this.pending.set(key, { at, since: Date.now() });
    if (this.pending.size > 10_000) this.pending.delete(this.pending.keys().next().value);
  }

  remember(key, held) {
    this.forget(key);
    if (held.size > this.memoryLimit / 4) return;
    this.memory.set(key, held);
    this.memoryBytes += held.size;
    for (const [oldest, entry] of this.memory) {
      if (this.memoryBytes <= this.memoryLimit) break;
      this.memory.delete(oldest);
      this.memoryBytes -= entry.size;
    }
  }

  touch(key, held) {
    this.memory.delete(key);
    this.memory.set(key, held);
  }

  forget(key) {
    const held = this.memory.get(key);
    if (!held) return;
    this.memory.delete(key);
    this.memoryBytes -= held.size;
  }

  async close() {
    this.state = "closed";
    clearInterval(this.timer);
    this.client.disconnect();
    await this.invalidations.close();
  }
}

module.exports = { RedisCacheStore, readBuildId };
