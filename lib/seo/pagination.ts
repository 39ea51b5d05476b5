import { PAGE_NUMBER } from "./list-rewrites.cjs";

// The same numbers the list rewrites route to a page (next.config.js), so both agree on every URL.
const PAGE_PARAM = new RegExp(`^${PAGE_NUMBER}$`);

/**
 * `?page=` of a paginated list (or the page segment the list rewrites make of
 * it): absent → 1; anything but a positive integer written plainly ("2", not
 * "02" or "2.0") → null, which pages answer with 404 so every list page has
 * exactly one URL.
 */
export function parsePageParam(value: string | string[] | undefined): number | null {
  if (value === undefined) return 1;
  if (Array.isArray(value) || !PAGE_PARAM.test(value)) return null;
  return Number(value);
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** A page past the last one does not exist (page 1 always does, even when empty). */
export function isPastTheEnd(page: number, total: number, pageSize: number): boolean {
  return page > pageCount(total, pageSize);
}

/** URL of page `page` of a list at `path`; page 1 has no parameter. Other query parameters are kept. */
export function pageHref(path: string, page: number, params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params);
  if (page > 1) query.set("page", String(page));
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}
