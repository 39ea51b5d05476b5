import { describe, expect, it } from "vitest";
import { getPathMatch } from "next/dist/shared/lib/router/utils/path-match";
import { matchHas, prepareDestination } from "next/dist/shared/lib/router/utils/prepare-destination";
import { listRewrites } from "@/lib/seo/list-rewrites.cjs";
import { parsePageParam } from "@/lib/seo/pagination";

/**
 * Where a request ends up, applying the rewrites with Next's own matchers the way its router applies
 * beforeFiles rewrites (server/lib/router-utils/resolve-routes.ts): in order, each rule to the path the
 * previous ones produced, with `has` captures as destination params.
 */
function resolve(url: string): string {
  const parsed = new URL(url, "http://lede.test");
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(parsed.searchParams.keys())) {
    const values = parsed.searchParams.getAll(key);
    query[key] = values.length > 1 ? values : values[0]!;
  }
  let pathname = parsed.pathname;
  for (const rule of listRewrites) {
    const params = getPathMatch(rule.source, { strict: true, removeUnnamedParams: true })(pathname);
    if (!params) continue;
    const captured = rule.has ? matchHas({ headers: {} } as never, query, rule.has) : {};
    if (!captured) continue;
    pathname = prepareDestination({ destination: rule.destination, params: { ...params, ...captured }, query, appendParamsToQuery: false }).parsedDestination.pathname!;
  }
  return pathname;
}

/** The page number the app's list routes show for a path, or "404". */
function pageShown(url: string): number | "404" {
  const pathname = resolve(url);
  const segment = pathname.match(/^\/(?:categories|tags|authors)\/[^/]+\/page\/([^/]+)$/);
  const page = segment ? parsePageParam(segment[1]) : /^\/(?:categories|tags|authors)\/[^/]+$/.test(pathname) ? 1 : null;
  return page ?? "404";
}

describe("list rewrites", () => {
  it("send ?page=N to the cached page route, and page 1 to the list's own route", () => {
    expect(resolve("/categories/politics")).toBe("/categories/politics");
    expect(resolve("/categories/politics?page=2")).toBe("/categories/politics/page/2");
    expect(resolve("/tags/energy?page=12&utm_source=x")).toBe("/tags/energy/page/12");
    expect(resolve("/authors/aynur?page=999999")).toBe("/authors/aynur/page/999999");
    expect(resolve("/categories/politics/feed.xml?page=2")).toBe("/categories/politics/feed.xml");
  });

  it("show exactly the pages parsePageParam accepts, and 404 for every other page value", () => {
    for (const list of ["categories", "tags", "authors"]) {
      expect(pageShown(`/${list}/x`)).toBe(1);
      expect(pageShown(`/${list}/x?page=1`)).toBe(1);
      expect(pageShown(`/${list}/x?page=2`)).toBe(2);
      for (const bad of ["02", "0", "abc", "2.0", "-1", "1000000", "2%20", "2&page=abc"]) expect(pageShown(`/${list}/x?page=${bad}`), `${list} ${bad}`).toBe("404");
    }
  });

  it("keep the internal path from being a second address of a page", () => {
    for (const list of ["categories", "tags", "authors"]) {
      expect(pageShown(`/${list}/x/page/2`)).toBe("404");
      expect(pageShown(`/${list}/x/page/2?page=2`)).toBe("404");
    }
  });

  it("leave an empty ?page= to the first page (Next's `has` never matches an empty value)", () => {
    expect(pageShown("/categories/x?page=")).toBe(1);
  });
});
