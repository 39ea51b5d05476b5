import type { Metadata } from "next";
import { SiteHeader } from "@/components/site/site-header";
import { SiteFooter } from "@/components/site/site-footer";
import { getCategories } from "@/lib/categories/data";
import { getPublicSiteSettings } from "@/lib/seo/site-settings";

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getPublicSiteSettings();
  return {
    metadataBase: new URL(settings.siteUrl),
    title: { default: settings.siteName, template: `%s · ${settings.siteName}` },
    alternates: { types: { "application/rss+xml": [{ url: "/feed.xml", title: `${settings.siteName}: latest news` }] } },
  };
}

export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  const [settings, categories] = await Promise.all([getPublicSiteSettings(), getCategories()]);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <SiteHeader siteName={settings.siteName} categories={categories} />
      <main id="main" className="site-main container" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter siteName={settings.siteName} />
    </>
  );
}
