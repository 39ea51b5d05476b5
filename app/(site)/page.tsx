import type { Metadata } from "next";
import Link from "next/link";
import { ArticleTeaser } from "@/components/site/article-teaser";
import { PublishedTime } from "@/components/site/published-time";
import { getFrontPage } from "@/lib/articles/data";
import { articlePath, categoryPath } from "@/lib/seo/paths";
import { getPublicSiteSettings } from "@/lib/seo/site-settings";

// Cached as a whole (ISR) until an article changes; see lib/cache/public.ts.
export const revalidate = false;

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getPublicSiteSettings();
  const description = `The latest news from ${settings.siteName}.`;
  return {
    title: { absolute: `${settings.siteName}: latest news` },
    description,
    // A page's `alternates` replaces the layout's, so the feed link is repeated here.
    alternates: {
      canonical: settings.siteUrl + "/",
      types: { "application/rss+xml": [{ url: "/feed.xml", title: `${settings.siteName}: latest news` }] },
    },
    openGraph: { type: "website", url: settings.siteUrl + "/", title: settings.siteName, description, siteName: settings.siteName },
  };
}

export default async function FrontPage() {
  const [settings, front] = await Promise.all([getPublicSiteSettings(), getFrontPage()]);
  const { lead, top, latest, sections } = front;

  if (!lead) {
    return (
      <div className="empty-state empty-state--front">
        <h1>No stories yet</h1>
        <p>Published articles will appear here as soon as the newsroom publishes them.</p>
      </div>
    );
  }

  return (
    <>
      <h1 className="visually-hidden">{settings.siteName}: latest news</h1>
      <div className={latest.length > 0 ? "front" : "front front--single"}>
        <div className="front__main">
          <section className="lead-story" aria-labelledby="lead-story-title">
            {lead.category && (
              <Link className="kicker" href={categoryPath(lead.category.slug)}>
                {lead.category.name}
              </Link>
            )}
            <h2 id="lead-story-title">
              <Link href={articlePath(lead.slug)}>{lead.title}</Link>
            </h2>
            {lead.lead && <p className="lead-story__lead">{lead.lead}</p>}
            <div className="meta">
              <PublishedTime date={lead.publishedAt} timeZone={settings.timeZone} />
              {lead.author && <span> · By {lead.author.name}</span>}
            </div>
          </section>
          {top.length > 0 && (
            <section className="front__top" aria-label="Top stories">
              <ul className="top-stories" role="list">
                {top.map((article) => (
                  <li key={article.id}>
                    <ArticleTeaser article={article} timeZone={settings.timeZone} />
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
        {latest.length > 0 && (
          <section className="front__latest" aria-labelledby="latest-title">
            <h2 id="latest-title" className="section-title">
              Latest
            </h2>
            <ol className="teaser-list teaser-list--compact" role="list">
              {latest.map((article) => (
                <li key={article.id}>
                  <ArticleTeaser article={article} timeZone={settings.timeZone} showLead={false} />
                </li>
              ))}
            </ol>
          </section>
        )}
      </div>
      {sections.length > 0 && (
        <div className="sections">
          {sections.map((section) => (
            <section key={section.slug} className="section-block" aria-labelledby={`section-${section.slug}`}>
              <h2 id={`section-${section.slug}`} className="section-title">
                <Link href={categoryPath(section.slug)}>{section.name}</Link>
              </h2>
              <ol className="teaser-list" role="list">
                {section.articles.map((article, index) => (
                  <li key={article.id}>
                    <ArticleTeaser article={article} timeZone={settings.timeZone} showCategory={false} showLead={index === 0} />
                  </li>
                ))}
              </ol>
            </section>
          ))}
        </div>
      )}
    </>
  );
}
