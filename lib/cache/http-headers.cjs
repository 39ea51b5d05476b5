// Cache-Control for the public site, applied from next.config.js headers().
// Next would send `s-maxage=31536000` for pages it caches until on-demand
// invalidation, which would let a CDN or nginx keep a story for a year after it
// changed. Public pages instead allow a one-second shared cache (a micro-cache
// in front of several instances absorbs bursts) and a short stale window while
// the proxy refetches. Nothing here reads cookies, so sharing is safe; error
// responses keep Next's own `no-store`.
const PUBLIC_CACHE_CONTROL = "public, max-age=0, s-maxage=1, stale-while-revalidate=59";

const PUBLIC_SOURCES = [
  "/",
  "/articles/:slug",
  "/categories/:slug",
  "/categories/:slug/feed.xml",
  "/tags/:slug",
  "/authors/:slug",
  "/search",
  "/feed.xml",
  "/sitemap.xml",
  "/news-sitemap.xml",
  "/robots.txt",
];

const publicCacheHeaders = PUBLIC_SOURCES.map((source) => ({
  source,
  headers: [{ key: "Cache-Control", value: PUBLIC_CACHE_CONTROL }],
}));

module.exports = { PUBLIC_CACHE_CONTROL, publicCacheHeaders };
