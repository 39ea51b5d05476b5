import type { Metadata } from "next";
import Link from "next/link";
import { AddUserPanel } from "@/components/newsroom/admin/add-user-panel.client";
import { UsersTable } from "@/components/newsroom/admin/users-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { Pagination } from "@/components/ui/pagination";
import { requirePermission } from "@/lib/auth/session";
import { getSiteSettings } from "@/lib/settings/data";
import { countUsersByStatus, listUsers } from "@/lib/users/data";
import { userSearchSchema } from "@/lib/users/schema";

export const metadata: Metadata = { title: "Users" };

type Search = Promise<Record<string, string | string[] | undefined>>;

const TABS = [
  { status: "all", label: "All" },
  { status: "active", label: "Active" },
  { status: "invited", label: "Invited" },
  { status: "disabled", label: "Disabled" },
] as const;

export default async function UsersPage({ searchParams }: { searchParams: Search }) {
  const user = await requirePermission("user.manage");
  const raw = await searchParams;
  const { q, status, page } = userSearchSchema.parse({ q: raw.q, status: raw.status, page: raw.page });
  const [list, counts, settings] = await Promise.all([listUsers({ q, status, page }), countUsersByStatus(), getSiteSettings()]);
  const total = counts.active + counts.invited + counts.disabled;
  const tabHref = (tab: string) => {
    const query = new URLSearchParams({ ...(q ? { q } : {}), ...(tab !== "all" ? { status: tab } : {}) }).toString();
    return query ? `/admin/users?${query}` : "/admin/users";
  };

  return (
    <>
      <div className="nr-page-header">
        <div>
          <h1>Users</h1>
          <p>Everyone who can sign in to the newsroom, and what they may do.</p>
        </div>
      </div>
      {raw.deleted ? <Notice tone="success">The user was deleted.</Notice> : null}
      <div className="nr-grid nr-grid--sidebar">
        <section aria-label="User list">
          <nav className="tabs" aria-label="Filter by status">
            {TABS.map((tab) => (
              <Link key={tab.status} href={tabHref(tab.status)} aria-current={status === tab.status ? "page" : undefined}>
                {tab.label}
                <span className="tabs__count">{tab.status === "all" ? total : counts[tab.status]}</span>
              </Link>
            ))}
          </nav>
          <form className="toolbar" role="search" action="/admin/users">
            {status !== "all" ? <input type="hidden" name="status" value={status} /> : null}
            <div className="field field--grow">
              <label className="visually-hidden" htmlFor="user-search">
                Search users
              </label>
              <input id="user-search" className="input" type="search" name="q" defaultValue={q} placeholder="Search by name or email" />
            </div>
            <button className="btn btn--secondary" type="submit">
              Search
            </button>
            {q ? (
              <Link className="btn btn--ghost" href={tabHref(status)}>
                Clear
              </Link>
            ) : null}
          </form>
          {list.users.length ? (
            <>
              <p className="result-count">
                {list.total} {list.total === 1 ? "person" : "people"}
                {q ? ` matching “${q}”` : ""}
              </p>
              <UsersTable users={list.users} currentUserId={user.id} timeZone={settings.timeZone} />
              <Pagination page={list.page} pageCount={list.pageCount} basePath="/admin/users" params={{ q, status: status === "all" ? undefined : status }} label="User pages" />
            </>
          ) : (
            <EmptyState title={q ? `Nobody matches “${q}”` : "No users here"}>
              {q ? "Try part of a name or email address." : "People you add appear in this list."}
            </EmptyState>
          )}
        </section>
        <AddUserPanel initialMode={raw.mode === "invite" ? "invite" : "create"} />
      </div>
    </>
  );
}
