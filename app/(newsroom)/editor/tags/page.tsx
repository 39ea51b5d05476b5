import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/ui/pagination";
import { TagManager } from "@/components/newsroom/taxonomy/tag-manager.client";
import { requirePermission } from "@/lib/auth/session";
import { listTagsForNewsroom } from "@/lib/tags/data";
import { tagListSchema } from "@/lib/tags/schema";

export const metadata: Metadata = { title: "Tags" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TagsPage({ searchParams }: Props) {
  await requirePermission("taxonomy.manage");
  const raw = await searchParams;
  const query = tagListSchema.parse({ q: raw.q, page: raw.page });
  const list = await listTagsForNewsroom(query);
  return (
    <>
      <div className="nr-page-header">
        <div>
          <h1>Tags</h1>
          <p>
            Tags are created as writers add them to articles. Rename, merge duplicates or delete them here. Sections are under <Link href="/editor/categories">Categories</Link>.
          </p>
        </div>
      </div>
      <form className="toolbar" action="/editor/tags" method="get" role="search" aria-label="Find tags">
        <div className="field field--grow">
          <label className="field__label" htmlFor="tag-search">
            Search
          </label>
          <input id="tag-search" className="input" type="search" name="q" defaultValue={query.q} placeholder="Name or address" />
        </div>
        <button className="btn btn--secondary" type="submit">
          Find
        </button>
      </form>
      <p className="result-count muted small">
        {list.total} {list.total === 1 ? "tag" : "tags"}
        {query.q ? ` matching “${query.q}”` : ""}
      </p>
      <TagManager tags={list.tags} empty={query.q ? `No tag matches “${query.q}”.` : "No tags yet. They appear as writers tag articles."} />
      <Pagination page={list.page} pageCount={list.pageCount} basePath="/editor/tags" params={{ q: query.q || undefined }} />
    </>
  );
}
