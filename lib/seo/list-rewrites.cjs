// `?page=N` of the category, tag and author lists, for next.config.js rewrites().
// A page that reads searchParams is rendered on every request, so the public URL
// `/categories/politics?page=2` is rewritten to the internal path
// `/categories/politics/page/2`, a route cached like the first page (ISR) that
// never reads the query. Next applies beforeFiles rewrites in order, each to the
// path the previous one produced, so the first rule only sees requests that asked
// for the internal path themselves: that path is not a second address of a page.

/** The page numbers a list has a URL for: "2", never "02", "0" or "2.0" (lib/seo/pagination.ts). */
const PAGE_NUMBER = "[1-9]\\d{0,5}";

/** Page "0" does not exist: the page route answers it with the site's 404 page, cached once per list. */
const notFound = (list) => `/${list}/_/page/0`;

const listRewrites = ["categories", "tags", "authors"].flatMap((list) => [
  { source: `/${list}/:slug/page/:page`, destination: notFound(list) },
  {
    source: `/${list}/:slug`,
    has: [{ type: "query", key: "page", value: `(?<page>${PAGE_NUMBER})` }],
    destination: `/${list}/:slug/page/:page`,
  },
  // Any other non-empty `page` (Next does not match an empty value: `?page=` shows page 1, canonical without it).
  { source: `/${list}/:slug`, has: [{ type: "query", key: "page" }], destination: notFound(list) },
]);

module.exports = { PAGE_NUMBER, listRewrites };
