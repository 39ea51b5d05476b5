// The request bookkeeping of scripts/serve.mjs and the metrics registry behind /api/metrics.
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createRouteMatcher, loggablePath, pathnameOf, pinClientAddress, requestIdFrom, trustedProxies, UNMATCHED } from "@/lib/observability/requests.cjs";
import { recordCacheLookup, recordHttpRequest, recordPublish, recordSchedulerLag, renderMetrics } from "@/lib/observability/metrics.cjs";
import { metricsAccess } from "@/lib/observability/metrics-access";
// The routes of a real build (.next/routes-manifest.json, trimmed to what the matcher reads).
import manifest from "./fixtures/routes-manifest.json";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("pinClientAddress", () => {
  const forged = () => ({ "x-forwarded-for": "203.0.113.9", "x-real-ip": "203.0.113.9", host: "lede.test" });

  it("believes the balancer on this host (loopback, as IPv4, IPv6 or IPv4-mapped)", () => {
    for (const peer of ["127.0.0.1", "::1", "::ffff:127.0.0.1"]) {
      const headers = forged();
      pinClientAddress(headers, peer, trustedProxies());
      expect(headers).toEqual(forged());
    }
  });

  it("replaces what any other peer claims with its own address", () => {
    const headers: Record<string, string | undefined> = forged();
    pinClientAddress(headers, "::ffff:198.51.100.7", trustedProxies());
    expect(headers).toEqual({ "x-forwarded-for": "198.51.100.7", host: "lede.test" });
  });

  it("trusts exactly the proxies TRUSTED_PROXIES lists", () => {
    const trusted = trustedProxies("10.0.0.5, fd00::5");
    const fromBalancer = forged();
    pinClientAddress(fromBalancer, "::ffff:10.0.0.5", trusted);
    expect(fromBalancer["x-forwarded-for"]).toBe("203.0.113.9");
    const fromLoopback = forged();
    pinClientAddress(fromLoopback, "127.0.0.1", trusted);
    expect(fromLoopback["x-forwarded-for"]).toBe("127.0.0.1");
  });
});

describe("requestIdFrom", () => {
  it("keeps a load balancer's id", () => {
    expect(requestIdFrom("0f1e2d3c4b5a69788796a5b4c3d2e1f0")).toBe("0f1e2d3c4b5a69788796a5b4c3d2e1f0"); // nginx $request_id
    expect(requestIdFrom("6b0c7a2e-9a7e-4d0c-b1c1-5d1f0e9a2b3c")).toBe("6b0c7a2e-9a7e-4d0c-b1c1-5d1f0e9a2b3c");
    expect(requestIdFrom(["first-id", "second-id"])).toBe("first-id");
  });

  it("replaces a missing or unsafe id with a fresh UUID", () => {
    for (const unsafe of [undefined, "", "has space", "line\nbreak", '"quoted"', "<script>", "é", "x".repeat(129)]) {
      expect(requestIdFrom(unsafe)).toMatch(UUID);
    }
    expect(requestIdFrom(undefined)).not.toBe(requestIdFrom(undefined));
  });
});

describe("route patterns", () => {
  const routeOf = createRouteMatcher(manifest);

  it("names a request by its route, never by its raw path", () => {
    expect(routeOf("/")).toBe("/");
    expect(routeOf("/search")).toBe("/search");
    expect(routeOf("/search/")).toBe("/search");
    expect(routeOf("/feed.xml")).toBe("/feed.xml");
    expect(routeOf("/api/health")).toBe("/api/health");
    expect(routeOf("/articles/mayor-resigns")).toBe("/articles/[slug]");
    expect(routeOf("/articles/mayor-resigns/")).toBe("/articles/[slug]");
    expect(routeOf("/articles/caf%C3%A9-opens")).toBe("/articles/[slug]");
    expect(routeOf("/categories/world/feed.xml")).toBe("/categories/[slug]/feed.xml");
    expect(routeOf("/categories/world")).toBe("/categories/[slug]");
    expect(routeOf("/admin/users")).toBe("/admin/users");
    expect(routeOf("/admin/users/ck123")).toBe("/admin/users/[id]");
    expect(routeOf("/editor/articles/ck123")).toBe("/editor/articles/[id]");
    expect(routeOf("/api/auth/callback/credentials")).toBe("/api/auth/[...nextauth]");
    expect(routeOf("/preview/secret-token")).toBe("/preview/[token]");
  });

  it("folds Next's assets and unknown paths into a few fixed names", () => {
    expect(routeOf("/_next/static/chunks/app-123.js")).toBe("/_next/static");
    expect(routeOf("/_next/image")).toBe("/_next/image");
    expect(routeOf("/_next/webpack-hmr")).toBe("/_next");
    expect(routeOf("/wp-login.php")).toBe(UNMATCHED);
    expect(routeOf("/articles/a/b/c")).toBe(UNMATCHED);
  });

  it("logs no query string and no secret-bearing path", () => {
    expect(pathnameOf("/search?q=mayor&page=2")).toBe("/search");
    expect(pathnameOf("/articles/x")).toBe("/articles/x");
    expect(loggablePath("/preview/s3cr3t", "/preview/[token]")).toBe("/preview/[token]");
    expect(loggablePath("/invite/s3cr3t", "/invite/[token]")).toBe("/invite/[token]");
    expect(loggablePath("/reset-password/s3cr3t", "/reset-password/[token]")).toBe("/reset-password/[token]");
    expect(loggablePath("/articles/mayor", "/articles/[slug]")).toBe("/articles/mayor");
    expect(loggablePath(`/${"a".repeat(2000)}`, UNMATCHED).length).toBeLessThan(600);
  });
});

describe("metricsAccess", () => {
  it("is disabled without METRICS_TOKEN", () => {
    expect(metricsAccess("Bearer anything", "")).toBe("disabled");
    expect(metricsAccess(null, undefined)).toBe("disabled");
  });

  it("grants only the configured bearer token", () => {
    expect(metricsAccess("Bearer s3cr3t", "s3cr3t")).toBe("granted");
    expect(metricsAccess("bearer s3cr3t", "s3cr3t")).toBe("granted");
    expect(metricsAccess(null, "s3cr3t")).toBe("denied");
    expect(metricsAccess("Bearer s3cr3", "s3cr3t")).toBe("denied");
    expect(metricsAccess("Bearer s3cr3t-and-more", "s3cr3t")).toBe("denied");
    expect(metricsAccess("Basic czNjcjN0", "s3cr3t")).toBe("denied");
    expect(metricsAccess("s3cr3t", "s3cr3t")).toBe("denied");
  });
});

describe("metrics", () => {
  it("renders request, cache, publish and scheduler metrics with the process defaults", async () => {
    recordHttpRequest("GET", "/articles/[slug]", 200, 0.004);
    recordHttpRequest("BREW", "/", 405, 0.001);
    recordCacheLookup("local", "hit");
    recordPublish("scheduler");
    recordSchedulerLag(1.2);
    const { body, contentType } = await renderMetrics();
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(body).toMatch(/^http_requests_total\{method="GET",route="\/articles\/\[slug\]",status="200"\} [1-9]/m);
    expect(body).toMatch(/^http_requests_total\{method="OTHER",route="\/",status="405"\} [1-9]/m);
    expect(body).toMatch(/^http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/articles\/\[slug\]"\} [1-9]/m);
    expect(body).toMatch(/^lede_cache_lookups_total\{layer="local",result="hit"\} [1-9]/m);
    expect(body).toMatch(/^lede_articles_published_total\{via="scheduler"\} [1-9]/m);
    expect(body).toMatch(/^lede_scheduler_lag_seconds_count [1-9]/m);
    expect(body).toMatch(/^process_cpu_user_seconds_total /m);
  });

  it("is one registry however many copies of the module are loaded (bundled and external)", async () => {
    // A fresh copy through Node's own require, as lib/cache/handler.cjs gets it outside the bundles.
    const require = createRequire(import.meta.url);
    const file = path.resolve(__dirname, "../../lib/observability/metrics.cjs");
    delete require.cache[file];
    const external = require(file) as typeof import("@/lib/observability/metrics.cjs");
    external.recordCacheLookup("redis", "stale");
    expect((await renderMetrics()).body).toMatch(/^lede_cache_lookups_total\{layer="redis",result="stale"\} [1-9]/m);
  });
});
