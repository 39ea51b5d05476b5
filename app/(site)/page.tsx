import Link from "next/link";
import { ArticleTeaser } from "@/components/site/article-teaser";
import { PublishedTime } from "@/components/site/published-time";
import { listLatestArticles } from "@/lib/articles/data";
import { getSiteSettings } from "@/lib/settings/data";

export const dynamic = "force-dynamic";

export default async function FrontPage() {
  const [settings, articles] = await Promise.all([getSiteSettings(), listLatestArticles({ take: 21 })]);
  const [lead, ...latest] = articles;

  if (!lead) {
    return (
      <div className="empty-state">
        <h1>No stories yet</h1>
        <p>Published articles appear here. Editors can start writing in the newsroom.</p>
      </div>
    );
  }

  return (
    <>
      <h1 className="visually-hidden">{settings.siteName}: latest news</h1>
      <div className="front">
        <section className="lead-story" aria-labelledby="lead-story-title">
          {lead.category && (
            <Link className="kicker" href={`/categories/${lead.category.slug}`}>
              {lead.category.name}
            </Link>
          )}
          <h2 id="lead-story-title">
            <Link href={`/articles/${lead.slug}`}>{lead.title}</Link>
          </h2>
          {lead.lead && <p>{lead.lead}</p>}
          {lead.publishedAt && (
            <div className="meta">
              <PublishedTime date={lead.publishedAt} timeZone={settings.timeZone} />
            </div>
          )}
        </section>
        <section aria-labelledby="latest-title">
          <h2 id="latest-title" className="section-title">
            Latest news
          </h2>
          {latest.length === 0 ? (
            <p className="meta">More stories soon.</p>
          ) : (
            <ul className="teaser-list">
              {latest.map((article) => (
                <li key={article.id}>
                  <ArticleTeaser article={article} timeZone={settings.timeZone} showLead={false} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
