import Link from "next/link";

/**
 * Previous / next links with "Page N of M", keeping the other query parameters.
 * `params` are the current search params; `basePath` the page's path.
 */
export function Pagination({
  page,
  pageCount,
  basePath,
  params = {},
  label = "Pagination",
}: {
  page: number;
  pageCount: number;
  basePath: string;
  params?: Record<string, string | undefined>;
  label?: string;
}) {
  if (pageCount <= 1) return null;
  const href = (target: number) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value && key !== "page") query.set(key, value);
    if (target > 1) query.set("page", String(target));
    const text = query.toString();
    return text ? `${basePath}?${text}` : basePath;
  };
  return (
    <nav className="pagination" aria-label={label}>
      {page > 1 ? (
        <Link className="pagination__link" href={href(page - 1)} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span className="pagination__link pagination__link--disabled" aria-hidden="true">
          ← Previous
        </span>
      )}
      <span className="pagination__status" aria-current="page">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link className="pagination__link" href={href(page + 1)} rel="next">
          Next →
        </Link>
      ) : (
        <span className="pagination__link pagination__link--disabled" aria-hidden="true">
          Next →
        </span>
      )}
    </nav>
  );
}
