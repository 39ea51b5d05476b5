import type { Metadata } from "next";
import { AuditFilters } from "@/components/newsroom/admin/audit-filters";
import { AuditTable } from "@/components/newsroom/admin/audit-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { listAuditActors, listAuditEvents } from "@/lib/audit/data";
import { auditFilterSchema } from "@/lib/audit/schema";
import { requirePermission } from "@/lib/auth/session";
import { getSiteSettings } from "@/lib/settings/data";

export const metadata: Metadata = { title: "Audit log" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditPage({ searchParams }: { searchParams: Search }) {
  await requirePermission("audit.read");
  const raw = await searchParams;
  const filter = auditFilterSchema.parse({ actor: raw.actor, action: raw.action, from: raw.from, to: raw.to, page: raw.page });
  const settings = await getSiteSettings();
  const [list, actors] = await Promise.all([listAuditEvents(filter, settings.timeZone), listAuditActors()]);
  const params = { actor: filter.actor, action: filter.action, from: filter.from, to: filter.to };
  const query = new URLSearchParams(Object.entries(params).filter(([, value]) => value) as [string, string][]).toString();

  return (
    <>
      <div className="nr-page-header">
        <div>
          <h1>Audit log</h1>
          <p>Who did what, and when: sign-ins, publishing, people and settings. Entries can’t be edited or deleted.</p>
        </div>
      </div>
      <AuditFilters filter={filter} actors={actors} exportHref={`/admin/audit/export${query ? `?${query}` : ""}`} />
      <div style={{ marginTop: "1rem" }}>
        {list.events.length ? (
          <>
            <p className="result-count">
              {list.total.toLocaleString("en-US")} {list.total === 1 ? "event" : "events"} · times in {settings.timeZone}
            </p>
            <AuditTable events={list.events} timeZone={settings.timeZone} />
            <Pagination page={list.page} pageCount={list.pageCount} basePath="/admin/audit" params={params} label="Audit log pages" />
          </>
        ) : (
          <EmptyState title={query ? "No events match these filters" : "Nothing recorded yet"}>
            {query ? "Widen the date range or clear a filter." : "Sign-ins, publishing and changes to people and settings will appear here."}
          </EmptyState>
        )}
      </div>
    </>
  );
}
