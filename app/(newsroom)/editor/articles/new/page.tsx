import type { Metadata } from "next";
import Link from "next/link";
import { ArticleEditor } from "@/components/newsroom/editor/article-editor.client";
import { requirePermission } from "@/lib/auth/session";
import { listCategories } from "@/lib/categories/data";
import { getSiteSettings } from "@/lib/settings/data";

export const metadata: Metadata = { title: "New article" };

export default async function NewArticlePage() {
  const user = await requirePermission("article.create");
  const [categories, settings] = await Promise.all([listCategories(), getSiteSettings()]);
  return (
    <>
      <p className="nr-breadcrumb">
        <Link href="/editor">← Articles</Link>
      </p>
      <h1 className="visually-hidden">New article</h1>
      <ArticleEditor
        initial={{ snapshot: null, authorId: user.id, authorName: user.name, everPublished: false, liveSlug: null, scheduledAtLocal: "", scheduledAtLabel: null }}
        user={{ id: user.id, role: user.role }}
        categories={categories.map(({ id, name }) => ({ id, name }))}
        timeZone={settings.timeZone}
        siteUrl={settings.siteUrl}
        revisions={[]}
      />
    </>
  );
}
