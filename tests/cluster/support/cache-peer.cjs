// One "app instance" for the cache handler's tests: a separate process that
// loads lib/cache/handler.cjs the way Next does (its own module instances, its
// own file-system cache dir) and runs the operations the test sends over IPC.
// Its environment (REDIS_URL, DATABASE_URL, REDIS_CACHE_PREFIX…) comes from the test.
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { nodeFs } = require("next/dist/server/lib/node-fs-methods");
const LedeCacheHandler = require("../../../lib/cache/handler.cjs");

const distDir = fs.mkdtempSync(path.join(os.tmpdir(), "lede-cache-peer-"));
fs.mkdirSync(path.join(distDir, "server"));
fs.writeFileSync(path.join(distDir, "BUILD_ID"), process.env.PEER_BUILD_ID ?? "test-build");

// Next makes a handler per request; so does this peer, per operation.
const handler = () =>
  new LedeCacheHandler({ fs: nodeFs, dev: false, flushToDisk: true, serverDistDir: path.join(distDir, "server"), revalidatedTags: [], maxMemoryCacheSize: 8 * 1024 * 1024, _requestHeaders: {} });
const store = () => globalThis[Symbol.for("lede.cache.sharedStore")];

/** Buffers and Maps cross IPC as {$hex} and {$map}. */
const toWire = (value) =>
  JSON.parse(
    JSON.stringify(value, function replace(key, replaced) {
      const original = this[key];
      if (Buffer.isBuffer(original)) return { $hex: original.toString("hex") };
      if (original instanceof Map) return { $map: [...original.entries()] };
      return replaced;
    }),
  );
const fromWire = (value) =>
  JSON.parse(JSON.stringify(value), (key, item) => {
    if (item && typeof item === "object" && "$hex" in item) return Buffer.from(item.$hex, "hex");
    if (item && typeof item === "object" && "$map" in item) return new Map(item.$map);
    return item;
  });

const operations = {
  async get(key, ctx) {
    const entry = await handler().get(key, ctx);
    return entry ? toWire({ lastModified: entry.lastModified, value: entry.value }) : null;
  },
  async set(key, value, ctx) {
    await handler().set(key, fromWire(value), ctx);
    return null;
  },
  async revalidateTag(tags) {
    await handler().revalidateTag(tags, { expire: 0 });
    return null;
  },
  /** What lib/cache/public.ts does after stamping the CacheInvalidation rows at `at`. */
  async invalidate(tags, at) {
    await store()?.invalidate(tags, at);
    return null;
  },
  async state() {
    return store()?.state ?? "none";
  },
};

process.on("message", async ({ id, op, args }) => {
  const started = performance.now();
  try {
    const result = await operations[op](...args);
    process.send({ id, result, ms: performance.now() - started });
  } catch (error) {
    process.send({ id, error: error instanceof Error ? error.message : String(error), ms: performance.now() - started });
  }
});
process.on("disconnect", () => {
  fs.rmSync(distDir, { recursive: true, force: true });
  process.exit(0);
});
process.send({ ready: true });
