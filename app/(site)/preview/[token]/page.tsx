import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleView } from "@/components/site/article-view";
import "@/components/site/typo-report.css";
import { verifyPreviewToken } from "@/lib/articles/preview";
import { getArticlePreview } from "@/lib/articles/newsroom-data";
import { getSiteSettings } from "@/lib/settings/data";

// A signed, expiring link to an unpublished draft: rendered fresh each time, never indexed.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }> };

export const metadata: Metadata = { title: "Preview", robots: { index: false, follow: false, nocache: true } };

export default async function PreviewPage({ params }: Props) {
  const articleId = verifyPreviewToken((await params).token);
  if (!articleId) notFound();
  const [article, settings] = await Promise.all([getArticlePreview(articleId), getSiteSettings()]);
  if (!article) notFound();
  return (
    <>
      <p className="preview-banner" role="note">
        Preview — this is how the article will look. It is not published.
      </p>
      <ArticleView article={article} settings={settings} />
    </>
  );
}
