import type { Metadata } from "next";
import { NewsroomShell } from "@/components/newsroom/newsroom-shell";
import { getCurrentUser } from "@/lib/auth/session";
import { getSiteSettings } from "@/lib/settings/data";
import "./newsroom.css";

export const metadata: Metadata = {
  title: { default: "Newsroom", template: "%s · Newsroom" },
  robots: { index: false, follow: false },
};

/**
 * Every newsroom page. Signed in: the shell with the sections this user may use.
 * Signed out (login, setup, invite and reset links): the page alone; each page
 * checks access itself, this layout is not a permission check.
 */
export default async function NewsroomLayout({ children }: { children: React.ReactNode }) {
  const [user, settings] = await Promise.all([getCurrentUser(), getSiteSettings()]);
  if (!user) return <div className="newsroom">{children}</div>;
  return (
    <NewsroomShell user={user} siteName={settings.siteName}>
      {children}
    </NewsroomShell>
  );
}
