import Link from "next/link";
import type { ReactNode } from "react";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/users/schema";
import { NavLinks, type NavItem } from "./nav-links.client";
import { SignOutButton } from "./sign-out-button.client";

/** The newsroom's frame: top bar with the sections this user may use, then the page. */
export function NewsroomShell({ user, siteName, children }: { user: SessionUser; siteName: string; children: ReactNode }) {
  const items: NavItem[] = [
    { href: "/editor", label: "Articles", match: "/editor", exclude: ["/editor/corrections", "/editor/categories", "/editor/tags"] },
    ...(can(user, "correction.handle") ? [{ href: "/editor/corrections", label: "Corrections" }] : []),
    ...(can(user, "taxonomy.manage") ? [{ href: "/editor/categories", label: "Categories" }, { href: "/editor/tags", label: "Tags" }] : []),
    ...(can(user, "user.manage") ? [{ href: "/admin/users", label: "Users", separatorBefore: true }] : []),
    ...(can(user, "audit.read") ? [{ href: "/admin/audit", label: "Audit log" }] : []),
    ...(can(user, "settings.manage") ? [{ href: "/admin/settings", label: "Settings" }] : []),
  ];
  return (
    <div className="newsroom">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="nr-topbar">
        <div className="nr-topbar__inner">
          <Link className="nr-brand" href="/editor">
            {siteName} <span className="nr-brand__tag">Newsroom</span>
          </Link>
          <nav className="nr-nav" aria-label="Newsroom">
            <NavLinks items={items} />
          </nav>
          <div className="nr-user">
            <span className="nr-user__who">
              <span className="nr-user__name">{user.name}</span>
              <span className="nr-user__role">{ROLE_LABELS[user.role]}</span>
            </span>
            <NavLinks items={[{ href: "/account", label: "Account" }]} />
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="nr-main">
        {children}
      </main>
    </div>
  );
}
