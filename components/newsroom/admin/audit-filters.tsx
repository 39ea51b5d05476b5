import Link from "next/link";
import { AUDIT_ACTIONS } from "@/lib/audit/catalog";
import type { AuditFilter } from "@/lib/audit/schema";

/** GET form: filters live in the URL, so a filtered view can be bookmarked, shared and exported. */
export function AuditFilters({ filter, actors, exportHref }: { filter: AuditFilter; actors: string[]; exportHref: string }) {
  const active = Boolean(filter.actor || filter.action || filter.from || filter.to);
  return (
    <form className="toolbar card" role="search" action="/admin/audit" aria-label="Filter the audit log" style={{ padding: "0.9rem" }}>
      <div className="field field--grow">
        <label className="field__label" htmlFor="audit-actor">
          Actor
        </label>
        <input id="audit-actor" className="input" name="actor" type="search" list="audit-actors" defaultValue={filter.actor} placeholder="Email address" />
        <datalist id="audit-actors">
          {actors.map((email) => (
            <option key={email} value={email} />
          ))}
        </datalist>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="audit-action">
          Action
        </label>
        <select id="audit-action" className="input" name="action" defaultValue={filter.action}>
          <option value="">All actions</option>
          {Object.entries(AUDIT_ACTIONS).map(([group, actions]) => (
            <optgroup key={group} label={group}>
              <option value={`${actions[0].split(".")[0]}.*`}>All {group.toLowerCase()} events</option>
              {actions.map((action) => (
                <option key={action} value={action}>
                  {action}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="audit-from">
          From
        </label>
        <input id="audit-from" className="input" type="date" name="from" defaultValue={filter.from} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="audit-to">
          To
        </label>
        <input id="audit-to" className="input" type="date" name="to" defaultValue={filter.to} />
      </div>
      <div className="row">
        <button className="btn btn--primary" type="submit">
          Filter
        </button>
        {active ? (
          <Link className="btn btn--ghost" href="/admin/audit">
            Reset
          </Link>
        ) : null}
        <a className="btn btn--secondary" href={exportHref} download>
          Export CSV
        </a>
      </div>
    </form>
  );
}
