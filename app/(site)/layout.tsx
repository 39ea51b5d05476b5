import { SiteHeader } from "@/components/site/site-header";
import { SiteFooter } from "@/components/site/site-footer";
import { listCategories } from "@/lib/categories/data";
import { getSiteSettings } from "@/lib/settings/data";
import { formatDate } from "@/lib/text/dates";

export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  const [settings, categories] = await Promise.all([getSiteSettings(), listCategories()]);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <SiteHeader siteName={settings.siteName} categories={categories} today={formatDate(new Date(), settings.timeZone)} />
      <main id="main" className="site-main container">
        {children}
      </main>
      <SiteFooter siteName={settings.siteName} />
    </>
  );
}
