import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table } from "@/components/ui/table";
import { formatRelative, formatShortDateTime } from "@/components/newsroom/admin/format";
import type { CorrectionRow } from "@/lib/corrections/data";
import { CorrectionActions } from "./correction-actions.client";

/** The selection shown inside its context, highlighted. */
function InContext({ text, context }: { text: string; context: string | null }) {
  const at = context ? context.indexOf(text) : -1;
  if (!context || at < 0) {
    return (
      <blockquote className="corrections__quote">
        <mark>{text}</mark>
      </blockquote>
    );
  }
  return (
    <blockquote className="corrections__quote">
      {context.slice(0, at)}
      <mark>{text}</mark>
      {context.slice(at + text.length)}
    </blockquote>
  );
}

export function CorrectionsTable({ items, timeZone, open }: { items: CorrectionRow[]; timeZone: string; open: boolean }) {
  return (
    <Table caption="Reader reports">
      <thead>
        <tr>
          <th scope="col">Report</th>
          <th scope="col">Article</th>
          <th scope="col">{open ? "Decision" : "Outcome"}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id} data-correction-id={item.id}>
            <td>
              <InContext text={item.selectedText} context={item.context} />
              {item.comment ? (
                <p className="small">
                  <span className="muted">Reader’s comment:</span> {item.comment}
                </p>
              ) : (
                <p className="small muted">No comment</p>
              )}
              <span className="table__sub">
                Reported{" "}
                <time dateTime={item.createdAt.toISOString()} title={formatShortDateTime(item.createdAt, timeZone)}>
                  {formatRelative(item.createdAt)}
                </time>
              </span>
            </td>
            <td>
              <Link className="table__primary" href={`/editor/articles/${item.article.id}`}>
                {item.article.title}
              </Link>
              {item.article.status === "PUBLISHED" ? (
                <span className="table__sub">
                  <a href={`/articles/${item.article.slug}`} target="_blank" rel="noopener noreferrer">
                    View on site
                  </a>
                </span>
              ) : null}
            </td>
            <td>
              {open ? (
                <CorrectionActions id={item.id} selectedText={item.selectedText} />
              ) : (
                <>
                  <Badge tone={item.status === "ACCEPTED" ? "success" : "neutral"}>{item.status === "ACCEPTED" ? "Accepted" : "Dismissed"}</Badge>
                  {item.publicNote ? <p className="small">Note: {item.publicNote}</p> : null}
                  <span className="table__sub">
                    {item.handledBy?.name ?? "Someone"}
                    {item.handledAt ? `, ${formatShortDateTime(item.handledAt, timeZone)}` : ""}
                  </span>
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
