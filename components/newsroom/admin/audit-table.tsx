import { Table } from "@/components/ui/table";
import type { AuditEvent } from "@/lib/db/types";
import { formatShortDateTime } from "./format";

/** One line per event, newest first; `data` is summarised, the full JSON is in the CSV export. */
export function AuditTable({ events, timeZone }: { events: AuditEvent[]; timeZone: string }) {
  return (
    <Table caption="Audit events, newest first">
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Actor</th>
          <th scope="col">Action</th>
          <th scope="col">Target</th>
          <th scope="col">Details</th>
          <th scope="col">IP</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <tr key={event.id} data-action={event.action}>
            <td className="nowrap">
              <time dateTime={event.createdAt.toISOString()}>{formatShortDateTime(event.createdAt, timeZone, { seconds: true })}</time>
            </td>
            <td>{event.actorEmail ?? <span className="muted">—</span>}</td>
            <td>
              <span className={`audit-action audit-action--${event.action.split(".")[0]}`}>{event.action}</span>
            </td>
            <td>
              {event.targetName ?? event.targetId ?? <span className="muted">—</span>}
              {event.targetType ? <span className="table__sub">{event.targetType}</span> : null}
            </td>
            <td>
              <p className="audit-data">{summarise(event.data)}</p>
            </td>
            <td className="mono nowrap">{event.ip ?? ""}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** `{changed: {name: {from, to}}}` → "name: A → B"; other shapes as compact key: value pairs. */
function summarise(data: unknown): string {
  if (!data || typeof data !== "object") return "";
  const record = data as Record<string, unknown>;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (key === "changed" && value && typeof value === "object") {
      for (const [field, change] of Object.entries(value as Record<string, { from: unknown; to: unknown }>)) {
        parts.push(`${field}: ${show(change?.from)} → ${show(change?.to)}`);
      }
    } else if (key !== "summary" || !("from" in record)) {
      parts.push(`${key}: ${show(value)}`);
    }
  }
  return parts.join(" · ");
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "∅";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
