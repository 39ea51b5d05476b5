import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ListPage } from "@/components/site/list-page";
import { getAuthorArticlePage } from "@/lib/articles/data";
import { listMetadata } from "@/lib/seo/metadata";
import { isPastTheEnd, parsePageParam } from "@/lib/seo/pagination";
import { authorPath } from "@/lib/seo/paths";
import { getPublicSiteSettings } from "@/lib/seo/site-settings";
import { getAuthor } from "@/lib/users/public";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string | string[] }> };

async function load({ params, searchParams }: Props) {
  const [{ slug }, { page: pageParam }] = await Promise.all([params, searchParams]);
  const page = parsePageParam(pageParam);
  const [settings, author] = await Promise.all([getPublicSiteSettings(), getAuthor(slug)]);
  if (!author || page === null) notFound();
  const list = await getAuthorArticlePage(author.slug, page, settings.pageSize);
  // Only people with published work have a public page: the staff list is not public.
  if (list.total === 0 || isPastTheEnd(page, list.total, settings.pageSize)) notFound();
  return { settings, author, page, list };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { settings, author, page } = await load(props);
  return listMetadata({
    title: author.name,
    description: author.bio || `Stories by ${author.name} on ${settings.siteName}.`,
    path: authorPath(author.slug),
    page,
    settings,
  });
}

export default async function AuthorPage(props: Props) {
  const { settings, author, page, list } = await load(props);
  return (
    <ListPage
      kicker="Author"
      title={author.name}
      description={author.bio ? <p>{author.bio}</p> : undefined}
      path={authorPath(author.slug)}
      page={page}
      total={list.total}
      pageSize={settings.pageSize}
      articles={list.articles}
      timeZone={settings.timeZone}
      emptyMessage="No published stories yet."
    />
  );
}
