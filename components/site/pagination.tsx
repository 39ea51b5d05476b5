import Link from "next/link";
import { pageCount, pageHref } from "@/lib/seo/pagination";

type Props = { path: string; page: number; total: number; pageSize: number; params?: Record<string, string> };

/**
 * Previous/next links for a paginated list, plus <link rel="prev|next"> that
 * React hoists into <head> for crawlers.
 */
export function Pagination({ path, page, total, pageSize, params = {} }: Props) {
  const pages = pageCount(total, pageSize);
  if (pages <= 1) return null;
  const previous = page > 1 ? pageHref(path, page - 1, params) : null;
  const next = page < pages ? pageHref(path, page + 1, params) : null;
  return (
    <nav className="pagination" aria-label="Pagination">
      {previous && <link rel="prev" href={previous} />}
      {next && <link rel="next" href={next} />}
      {previous ? (
        <Link href={previous} rel="prev" className="pagination__link">
          ← Newer
        </Link>
      ) : (
        <span className="pagination__link" aria-hidden="true" />
      )}
      <span className="pagination__status" aria-current="page">
        Page {page} of {pages}
      </span>
      {next ? (
        <Link href={next} rel="next" className="pagination__link pagination__link--next">
          Older →
        </Link>
      ) : (
        <span className="pagination__link" aria-hidden="true" />
      )}
    </nav>
  );
}
