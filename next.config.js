const { publicCacheHeaders } = require("./lib/cache/http-headers.cjs");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Lets several checkouts' servers (tests, benches) build side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  experimental: { authInterrupts: true },
  // Hashing every cached page for an ETag cost ~23 % of a cache hit's CPU here (see bench/).
  generateEtags: false,
  poweredByHeader: false,
  // Public pages are cached until their content changes: in Redis when REDIS_URL is set (shared by every
  // instance), else per instance with invalidations shared through the database (lib/cache/handler.cjs).
  cacheHandler: require.resolve("./lib/cache/handler.cjs"),
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "pg", "prom-client"],
  // `?page=N` of category, tag and author lists → a cached path-segment route (lib/seo/list-rewrites.cjs).
  async rewrites() {
    return { beforeFiles: require("./lib/seo/list-rewrites.cjs").listRewrites };
  },
  async headers() {
    return [
      ...publicCacheHeaders,
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "SAMEORIGIN" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
