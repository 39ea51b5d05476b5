import Link from "next/link";
import { getSiteSettings } from "@/lib/settings/data";

/** Sign-in, first-run setup and single-use links: one centred card, no navigation. */
export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const { siteName } = await getSiteSettings();
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <Link className="auth-card__brand" href="/">
          {siteName}
        </Link>
        <div className="card">{children}</div>
      </div>
    </main>
  );
}
