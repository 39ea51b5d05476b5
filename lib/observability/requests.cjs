// What scripts/serve.mjs needs to know about each request before it logs and counts it: its id, its
// route pattern (a bounded set of label values, unlike raw paths), a path that is safe to log, and
// which client address the app may believe.
const { randomUUID } = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

/** What a load balancer's id looks like (nginx's $request_id, UUIDs, ULIDs…); anything else is replaced. */
const REQUEST_ID = /^[A-Za-z0-9._:@-]{1,128}$/;
const UNMATCHED = "(unmatched)";
const MAX_LOGGED_PATH = 512;

/** The incoming `x-request-id` when it is sane, otherwise a fresh UUID. */
function requestIdFrom(header) {
  const value = Array.isArray(header) ? header[0] : header;
  return typeof value === "string" && REQUEST_ID.test(value) ? value : randomUUID();
}

/**
 * Maps a pathname to its route pattern ("/articles/[slug]"), from the build's routes manifest:
 * `{ staticRoutes, dynamicRoutes }`, each `[{ page, regex }]`, dynamic ones most specific first.
 */
function createRouteMatcher(manifest) {
  const statics = new Set((manifest.staticRoutes ?? []).map((route) => route.page));
  const dynamics = (manifest.dynamicRoutes ?? []).map((route) => ({ page: route.page, regex: new RegExp(route.regex) }));
  return function routeOf(pathname) {
    if (pathname.startsWith("/_next/")) {
      if (pathname.startsWith("/_next/static/")) return "/_next/static";
      if (pathname === "/_next/image") return "/_next/image";
      return "/_next";
    }
    const trimmed = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
    if (statics.has(trimmed)) return trimmed;
    for (const { page, regex } of dynamics) if (regex.test(pathname)) return page;
    return UNMATCHED;
  };
}

/** The route matcher of the build in `distDir`. */
function loadRouteMatcher(distDir) {
  return createRouteMatcher(JSON.parse(fs.readFileSync(path.join(distDir, "routes-manifest.json"), "utf8")));
}

/** The pathname of a request target, without its query string (which may hold tokens). */
function pathnameOf(url) {
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}

/** The path to log: secret-bearing paths (preview, invitation and reset links) are logged as their pattern. */
function loggablePath(pathname, route) {
  if (route.includes("[token]")) return route;
  return pathname.length > MAX_LOGGED_PATH ? `${pathname.slice(0, MAX_LOGGED_PATH)}…` : pathname;
}

/** Peers allowed to say who the client is (the load balancer): loopback unless TRUSTED_PROXIES lists others. */
function trustedProxies(setting = process.env.TRUSTED_PROXIES) {
  const listed = (setting ?? "127.0.0.1,::1").split(",").map((address) => address.trim()).filter(Boolean);
  // Node reports IPv4 peers of a dual-stack socket as ::ffff:a.b.c.d.
  return new Set(listed.flatMap((address) => (address.includes(":") ? [address] : [address, `::ffff:${address}`])));
}

/**
 * The app takes the client's address from X-Forwarded-For / X-Real-IP (audit log, sign-in and typo-report
 * throttling). Only a trusted proxy may set them: anyone else's are replaced by their own address, so a
 * client connecting directly cannot pose as another to dodge a throttle.
 */
function pinClientAddress(headers, peer, trusted) {
  if (peer && trusted.has(peer)) return;
  delete headers["x-real-ip"];
  if (peer) headers["x-forwarded-for"] = peer.startsWith("::ffff:") ? peer.slice(7) : peer;
  else delete headers["x-forwarded-for"];
}

module.exports = { pinClientAddress, trustedProxies, requestIdFrom, createRouteMatcher, loadRouteMatcher, pathnameOf, loggablePath, UNMATCHED };
