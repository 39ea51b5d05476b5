import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { Pagination } from "@/components/ui/pagination";
import { CorrectionsTable } from "@/components/newsroom/corrections/corrections-table";
import { requirePermission } from "@/lib/auth/session";
import { correctionListSchema } from "@/lib/corrections/schema";
import { listCorrections } from "@/lib/corrections/data";
import { getSiteSettings } from "@/lib/settings/data";

export const metadata: Metadata = { title: "Corrections" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const TABS = [
  { id: "open", label: "Open" },
  { id: "accepted", label: "Accepted" },
  { id: "dismissed", label: "Dismissed" },
] as const;

const DONE_MESSAGE = {
  noted: "Report accepted. The correction note is on the article’s page.",
  accepted: "Report accepted.",
  dismissed: "Report dismissed.",
} as const;

export default async function CorrectionsPage({ searchParams }: Props) {
  await requirePermission("correction.handle");
  const raw = await searchParams;
  const query = correctionListSchema.parse({ status: raw.status, page: raw.page, done: raw.done });
  const [list, settings] = await Promise.all([listCorrections(query), getSiteSettings()]);

  return (
    <>
      <div className="nr-page-header">
        <div>
          <h1>Corrections</h1>
          <p>Typos readers reported with “Report a typo”. Fix the text in the article, then accept — or dismiss.</p>
        </div>
      </div>
      {query.done ? <Notice tone="success">{DONE_MESSAGE[query.done]}</Notice> : null}
      <nav className="tabs" aria-label="Report status">
        {TABS.map((tab) => (
          <Link key={tab.id} href={tab.id === "open" ? "/editor/corrections" : `/editor/corrections?status=${tab.id}`} aria-current={query.status === tab.id ? "page" : undefined}>
            {tab.label}
            <span className="tabs__count">{list.counts[tab.id]}</span>
          </Link>
        ))}
      </nav>
      {list.items.length ? (
        <>
          <CorrectionsTable items={list.items} timeZone={settings.timeZone} open={query.status === "open"} />
          <Pagination page={list.page} pageCount={list.pageCount} basePath="/editor/corrections" params={{ status: query.status === "open" ? undefined : query.status }} />
        </>
      ) : (
        <EmptyState title={query.status === "open" ? "No open reports" : "Nothing here yet"}>
          {query.status === "open" ? "When a reader reports a typo, it shows up here." : "Handled reports are kept here for reference."}
        </EmptyState>
      )}
    </>
  );
}
