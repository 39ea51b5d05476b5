import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { ArticleEditor } from "@/components/newsroom/editor/article-editor.client";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getArticleForEditor, listRevisions } from "@/lib/articles/newsroom-data";
import { toZonedLocalInput } from "@/lib/articles/schedule-time";
import { listCategories } from "@/lib/categories/data";
import { getSiteSettings } from "@/lib/settings/data";
import { formatDateTime } from "@/lib/text/dates";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Edit article" };

export default async function EditArticlePage({ params }: Props) {
  const user = await requireUser();
  const { id } = await params;
  const article = await getArticleForEditor(id);
  if (!article) notFound();
  if (!can(user, "article.view", { authorId: article.authorId, status: article.snapshot.status })) forbidden();
  const [categories, revisions, settings] = await Promise.all([listCategories(), listRevisions(id), getSiteSettings()]);

  return (
    <>
      <p className="nr-breadcrumb">
        <Link href="/editor">← Articles</Link>
      </p>
      <h1 className="visually-hidden">Edit “{article.snapshot.title}”</h1>
      <ArticleEditor
        initial={{
          snapshot: article.snapshot,
          authorId: article.authorId,
          authorName: article.author?.name ?? `${settings.siteName} staff`,
          everPublished: article.publishedAt !== null,
          liveSlug: article.liveSlug,
          scheduledAtLocal: article.scheduledAt ? toZonedLocalInput(article.scheduledAt, settings.timeZone) : "",
          scheduledAtLabel: article.scheduledAt ? formatDateTime(article.scheduledAt, settings.timeZone) : null,
        }}
        user={{ id: user.id, role: user.role }}
        categories={categories.map(({ id: categoryId, name }) => ({ id: categoryId, name }))}
        timeZone={settings.timeZone}
        siteUrl={settings.siteUrl}
        revisions={revisions}
      />
    </>
  );
}
