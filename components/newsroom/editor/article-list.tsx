import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table } from "@/components/ui/table";
import { formatRelative, formatShortDateTime } from "@/components/newsroom/admin/format";
import type { EditorListRow } from "@/lib/articles/newsroom-data";
import { StatusBadge } from "./status-badge";

/** The /editor table: newest change first; what each story is waiting for is in the Status column. */
export function ArticleList({ items, timeZone, showAuthor }: { items: EditorListRow[]; timeZone: string; showAuthor: boolean }) {
  return (
    <Table caption="Articles">
      <thead>
        <tr>
          <th scope="col">Title</th>
          <th scope="col">Status</th>
          {showAuthor ? <th scope="col">Author</th> : null}
          <th scope="col">Updated</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id} data-article-id={item.id}>
            <td>
              <Link className="table__primary" href={`/editor/articles/${item.id}`}>
                {item.title}
              </Link>
              <span className="table__sub">
                {item.categoryName ? `${item.categoryName} · ` : ""}
                <span className="mono">/{item.slug}</span>
              </span>
            </td>
            <td>
              <span className="row">
                <StatusBadge status={item.status} />
                {item.hasPending ? <Badge tone="warning">{item.reviewRequested ? "Change in review" : "Unpublished changes"}</Badge> : null}
                {item.overdue ? <Badge tone="danger">Overdue</Badge> : null}
              </span>
              {item.status === "SCHEDULED" && item.scheduledAt ? (
                <span className="table__sub">For {formatShortDateTime(item.scheduledAt, timeZone)}</span>
              ) : item.status === "PUBLISHED" && item.publishedAt ? (
                <span className="table__sub">Since {formatShortDateTime(item.publishedAt, timeZone)}</span>
              ) : null}
            </td>
            {showAuthor ? <td>{item.authorName ?? <span className="muted">Staff</span>}</td> : null}
            <td className="nowrap">
              <time dateTime={item.updatedAt.toISOString()} title={formatShortDateTime(item.updatedAt, timeZone)}>
                {formatRelative(item.updatedAt)}
              </time>
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
