import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ListPage } from "@/components/site/list-page";
import { getTagArticlePage } from "@/lib/articles/data";
import { listMetadata } from "@/lib/seo/metadata";
import { isPastTheEnd, parsePageParam } from "@/lib/seo/pagination";
import { tagPath } from "@/lib/seo/paths";
import { getPublicSiteSettings } from "@/lib/seo/site-settings";
import { getTag } from "@/lib/tags/data";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string | string[] }> };

async function load({ params, searchParams }: Props) {
  const [{ slug }, { page: pageParam }] = await Promise.all([params, searchParams]);
  const page = parsePageParam(pageParam);
  const [settings, tag] = await Promise.all([getPublicSiteSettings(), getTag(slug)]);
  if (!tag || page === null) notFound();
  const list = await getTagArticlePage(tag.slug, page, settings.pageSize);
  // A tag no published story carries has no public page.
  if (list.total === 0 || isPastTheEnd(page, list.total, settings.pageSize)) notFound();
  return { settings, tag, page, list };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { settings, tag, page } = await load(props);
  return listMetadata({ title: tag.name, description: `Stories tagged “${tag.name}” on ${settings.siteName}.`, path: tagPath(tag.slug), page, settings });
}

export default async function TagPage(props: Props) {
  const { settings, tag, page, list } = await load(props);
  return (
    <ListPage
      kicker="Topic"
      title={tag.name}
      path={tagPath(tag.slug)}
      page={page}
      total={list.total}
      pageSize={settings.pageSize}
      articles={list.articles}
      timeZone={settings.timeZone}
      emptyMessage="No stories with this tag yet."
    />
  );
}
