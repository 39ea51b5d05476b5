// Responses of cached public pages, kept in this process's memory and sent by scripts/serve.mjs
// without entering Next at all. A cached page costs Next ~0.7 ms of CPU per request even when it
// only reads its own cache (routing, an IncrementalCache per request, streaming); answering from a
// Buffer costs ~0.03 ms, so one instance serves an order of magnitude more readers.
//
// What is kept: the exact bytes Next sent for a GET that it answered from its cache
// (`x-nextjs-cache: HIT`, `Cache-Control: public…`, status 200, no Set-Cookie), per URL and
// content encoding. Never for a signed-in user, a client navigation (RSC) request, or a path of the
// newsroom, the API or previews: those always go to Next.
//
// Freshness: any invalidation empties the memo. This instance's own (every revalidateTag and
// revalidatePath goes through lib/cache/handler.cjs) empties it at once; another instance's or a
// CLI's is read from the CacheInvalidation table (lib/cache/public.ts stamps it for every change)
// every POLL_MS by the cache handler, which applies it to Next's cache first and then empties the
// memo, so the next request reads a fresh page. A response captured while an invalidation happened
// is not kept (generations). Publishes are rare next to reads: emptying everything costs one Next
// cache read per page.
const { recordCacheLookup } = require("../observability/metrics.cjs");
const { logger } = require("../observability/logger.cjs");

const MEMO = Symbol.for("lede.cache.responseMemo");
/** lib/cache/handler.cjs registers its database poll here once Next has loaded it. */
const POLL_INVALIDATIONS = Symbol.for("lede.cache.pollInvalidations");
const POLL_MS = Number(process.env.CACHE_POLL_MS ?? 250);
const PRIVATE_PATHS = /^\/(editor|admin|account|api|preview|login|setup|invite|reset-password|_next)(\/|$)/;
const SESSION_COOKIE = /(^|;)\s*(__Secure-)?next-auth\.session-token(\.\d+)?=/;
/** Request headers of client-side navigations and server actions: their responses differ from the page's HTML. */
const ROUTER_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action"];
/**
 * Every public page is cached until an invalidation (revalidate = false), so this is only a safety
 * net: a page given a time-based expiry some day is asked of Next again at least this often.
 */
const MAX_AGE_MS = Number(process.env.RESPONSE_MEMO_MAX_AGE_MS ?? 60_000);
/** Per-connection or per-request headers, never replayed. */
const NOT_REPLAYED = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "x-request-id"]);

function encodingFor(req) {
  const accepted = req.headers["accept-encoding"];
  if (typeof accepted !== "string") return "identity";
  if (/\bgzip\b/i.test(accepted)) return "gzip";
  if (/\bdeflate\b/i.test(accepted)) return "deflate";
  return "identity";
}

class ResponseMemo {
  /**
   * @param {{ maxBytes: number, pollMs?: number, pollInvalidations?: () => Promise<boolean> }} options
   * pollInvalidations applies invalidations stamped elsewhere to Next's cache and tells whether there were any.
   */
  constructor({ maxBytes, pollMs = POLL_MS, pollInvalidations = () => globalThis[POLL_INVALIDATIONS]?.() ?? Promise.resolve(false) }) {
    this.maxBytes = maxBytes;
    this.bytes = 0;
    /** key → { status, headers: [name, value][], body: Buffer, storedAt } in insertion order (oldest first). */
    this.entries = new Map();
    /** Bumped by every invalidation: a response captured across one is not kept. */
    this.generation = 0;
    this.pollInvalidations = pollInvalidations;
    this.polling = null;
    this.timer = setInterval(() => {
      this.polling ??= this.poll().finally(() => {
        this.polling = null;
      });
    }, pollMs);
    this.timer.unref();
  }

  /** Whether this request may be answered from, or stored into, the memo. */
  eligible(req) {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const url = req.url ?? "/";
    if (PRIVATE_PATHS.test(url)) return false;
    for (const header of ROUTER_HEADERS) if (req.headers[header] !== undefined) return false;
    const cookie = req.headers.cookie;
    return !(typeof cookie === "string" && SESSION_COOKIE.test(cookie));
  }

  keyOf(req) {
    return `${encodingFor(req)} ${req.url ?? "/"}`;
  }

  /** Sends the kept response for `req` and returns true, or returns false (Next answers it). */
  serve(req, res) {
    const key = this.keyOf(req);
    let entry = this.entries.get(key);
    if (entry && performance.now() - entry.storedAt > MAX_AGE_MS) {
      this.delete(key);
      entry = undefined;
    }
    recordCacheLookup("memo", entry ? "hit" : "miss");
    if (!entry) return false;
    res.statusCode = entry.status;
    for (const [name, value] of entry.headers) res.setHeader(name, value);
    res.setHeader("content-length", entry.body.length);
    res.end(req.method === "HEAD" ? undefined : entry.body);
    return true;
  }

  /**
   * Answers an eligible request from the memo, or lets `next` answer it and keeps what it sent if
   * that was a cached public page. Returns whatever `next` returns (nothing when served from memory).
   */
  handle(req, res, next) {
    if (!this.eligible(req)) return next();
    if (this.serve(req, res)) return undefined;
    this.capture(req, res);
    return next();
  }

  /** Records what is sent for this GET; once it is finished, keeps it if it is a cached public page. */
  capture(req, res) {
    if (req.method !== "GET") return;
    const generation = this.generation;
    const key = this.keyOf(req);
    const chunks = [];
    let size = 0;
    let tooBig = false;
    res.once("finish", () => {
      if (tooBig || generation !== this.generation || res.statusCode !== 200) return;
      if (res.getHeader("x-nextjs-cache") !== "HIT" || res.hasHeader("set-cookie")) return;
      const cacheControl = res.getHeader("cache-control");
      if (typeof cacheControl !== "string" || !cacheControl.startsWith("public")) return;
      const encoding = res.getHeader("content-encoding") ?? "identity";
      if (!key.startsWith(`${encoding} `)) return;
      const headers = [];
      for (const [name, value] of Object.entries(res.getHeaders())) if (!NOT_REPLAYED.has(name)) headers.push([name, value]);
      this.store(key, { status: 200, headers, body: Buffer.concat(chunks, size), storedAt: performance.now() });
    });
    const record = (chunk, encoding) => {
      if (tooBig || chunk == null || typeof chunk === "function") return;
      const buffer = typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8") : Buffer.from(chunk);
      size += buffer.length;
      if (size > this.maxBytes / 8) tooBig = true;
      else chunks.push(buffer);
    };
    const { write, end } = res;
    res.write = function (chunk, encoding, callback) {
      record(chunk, encoding);
      return write.call(this, chunk, encoding, callback);
    };
    res.end = function (chunk, encoding, callback) {
      record(chunk, encoding);
      return end.call(this, chunk, encoding, callback);
    };
  }

  store(key, entry) {
    this.delete(key);
    this.entries.set(key, entry);
    this.bytes += entry.body.length;
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  delete(key) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.body.length;
  }

  /** Something was invalidated: nothing kept, and nothing captured until now, may be sent again. */
  clear() {
    this.generation += 1;
    this.entries.clear();
    this.bytes = 0;
  }

  /** Empties the memo once another instance (or a CLI) stamped an invalidation, after Next's cache has it. */
  async poll() {
    try {
      // The handler empties the memo itself when a poll (this one or a request's) finds anything new;
      // a poll given here by a caller (tests) reports it instead.
      if (await this.pollInvalidations()) this.clear();
    } catch (error) {
      logger.warn({ err: { message: error instanceof Error ? error.message : String(error) } }, "Response memo: polling invalidations failed");
    }
  }

  async close() {
    clearInterval(this.timer);
    await this.polling;
  }
}

/** The process's memo (RESPONSE_MEMO_MB; 0 turns it off), made on first use; lib/cache/handler.cjs empties it. */
function responseMemo() {
  if (globalThis[MEMO] === undefined) {
    const megabytes = Number(process.env.RESPONSE_MEMO_MB ?? 64);
    globalThis[MEMO] = megabytes > 0 ? new ResponseMemo({ maxBytes: megabytes * 1024 * 1024 }) : null;
  }
  return globalThis[MEMO];
}

/** Called for every invalidation in this process (see lib/cache/handler.cjs). */
function clearResponseMemo() {
  globalThis[MEMO]?.clear();
}

module.exports = { ResponseMemo, responseMemo, clearResponseMemo };
