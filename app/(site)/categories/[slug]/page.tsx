import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { ListPage } from "@/components/site/list-page";
import { getCategoryArticlePage } from "@/lib/articles/data";
import { getCategory, getRedirectedCategorySlug } from "@/lib/categories/data";
import { listMetadata } from "@/lib/seo/metadata";
import { isPastTheEnd, parsePageParam } from "@/lib/seo/pagination";
import { categoryFeedPath, categoryPath } from "@/lib/seo/paths";
import { getPublicSiteSettings } from "@/lib/seo/site-settings";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string | string[] }> };

async function load({ params, searchParams }: Props) {
  const [{ slug }, { page: pageParam }] = await Promise.all([params, searchParams]);
  const page = parsePageParam(pageParam);
  const [settings, category] = await Promise.all([getPublicSiteSettings(), getCategory(slug)]);
  if (!category) {
    // A renamed category's old address answers 308 to its current one.
    const current = await getRedirectedCategorySlug(slug);
    if (current) permanentRedirect(categoryPath(current));
  }
  if (!category || page === null) notFound();
  const list = await getCategoryArticlePage(category.slug, page, settings.pageSize);
  if (isPastTheEnd(page, list.total, settings.pageSize)) notFound();
  return { settings, category, page, list };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { settings, category, page } = await load(props);
  return listMetadata({
    title: category.name,
    description: category.description || `The latest ${category.name} news from ${settings.siteName}.`,
    path: categoryPath(category.slug),
    page,
    settings,
    feed: { url: categoryFeedPath(category.slug), title: `${settings.siteName}: ${category.name}` },
  });
}

export default async function CategoryPage(props: Props) {
  const { settings, category, page, list } = await load(props);
  return (
    <ListPage
      kicker="Section"
      title={category.name}
      description={category.description ? <p>{category.description}</p> : undefined}
      path={categoryPath(category.slug)}
      page={page}
      total={list.total}
      pageSize={settings.pageSize}
      articles={list.articles}
      timeZone={settings.timeZone}
      showCategory={false}
      emptyMessage={`No stories in ${category.name} yet.`}
      actions={
        <>
          {" · "}
          <a href={categoryFeedPath(category.slug)}>RSS feed</a>
        </>
      }
    />
  );
}
