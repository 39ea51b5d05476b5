import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { getAuthorArticlePage, getCategoryArticlePage, getTagArticlePage } from "@/lib/articles/data";
import { getCategory, getRedirectedCategorySlug } from "@/lib/categories/data";
import { listMetadata } from "@/lib/seo/metadata";
import { isPastTheEnd, pageHref, parsePageParam } from "@/lib/seo/pagination";
import { authorPath, categoryFeedPath, categoryPath, tagPath } from "@/lib/seo/paths";
import { getPublicSiteSettings } from "@/lib/seo/site-settings";
import { getRedirectedTagSlug, getTag } from "@/lib/tags/data";
import { getAuthor } from "@/lib/users/public";
import { ListPage } from "./list-page";

/**
 * The route modules of the category, tag and author lists. Each list has two routes
 * sharing this code: `/categories/[slug]` (page 1) and `/categories/[slug]/page/[page]`,
 * which `?page=N` is rewritten to (lib/seo/list-rewrites.cjs). Neither reads the query,
 * so both are cached until the list's cache tags change.
 */
type Props = { params: Promise<{ slug: string; page?: string }> };

function listRoute<Data>(load: (slug: string, page: number) => Promise<Data>, metadata: (data: Data) => Metadata, render: (data: Data) => React.ReactNode) {
  async function loadPage({ params }: Props): Promise<Data> {
    const { slug, page: segment } = await params;
    const page = parsePageParam(segment);
    if (page === null) notFound();
    return load(slug, page);
  }
  return {
    generateMetadata: async (props: Props): Promise<Metadata> => metadata(await loadPage(props)),
    Page: async function ListRoutePage(props: Props) {
      return render(await loadPage(props));
    },
  };
}

export const categoryList = listRoute(
  async (slug, page) => {
    const [settings, category] = await Promise.all([getPublicSiteSettings(), getCategory(slug)]);
    if (!category) {
      // A renamed category's old address answers 308 to the same page of its current one.
      const current = await getRedirectedCategorySlug(slug);
      if (current) permanentRedirect(pageHref(categoryPath(current), page));
      notFound();
    }
    const list = await getCategoryArticlePage(category.slug, page, settings.pageSize);
    if (isPastTheEnd(page, list.total, settings.pageSize)) notFound();
    return { settings, category, page, list };
  },
  ({ settings, category, page }) =>
    listMetadata({
      title: category.name,
      description: category.description || `The latest ${category.name} news from ${settings.siteName}.`,
      path: categoryPath(category.slug),
      page,
      settings,
      feed: { url: categoryFeedPath(category.slug), title: `${settings.siteName}: ${category.name}` },
    }),
  ({ settings, category, page, list }) => (
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
  ),
);

export const tagList = listRoute(
  async (slug, page) => {
    const [settings, tag] = await Promise.all([getPublicSiteSettings(), getTag(slug)]);
    if (!tag) {
      // A renamed or merged tag's old address answers 308 to the same page of the current one.
      const current = await getRedirectedTagSlug(slug);
      if (current) permanentRedirect(pageHref(tagPath(current), page));
      notFound();
    }
    const list = await getTagArticlePage(tag.slug, page, settings.pageSize);
    // A tag no published story carries has no public page.
    if (list.total === 0 || isPastTheEnd(page, list.total, settings.pageSize)) notFound();
    return { settings, tag, page, list };
  },
  ({ settings, tag, page }) =>
    listMetadata({ title: tag.name, description: `Stories tagged “${tag.name}” on ${settings.siteName}.`, path: tagPath(tag.slug), page, settings }),
  ({ settings, tag, page, list }) => (
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
  ),
);

export const authorList = listRoute(
  async (slug, page) => {
    const [settings, author] = await Promise.all([getPublicSiteSettings(), getAuthor(slug)]);
    if (!author) notFound();
    const list = await getAuthorArticlePage(author.slug, page, settings.pageSize);
    // Only people with published work have a public page: the staff list is not public.
    if (list.total === 0 || isPastTheEnd(page, list.total, settings.pageSize)) notFound();
    return { settings, author, page, list };
  },
  ({ settings, author, page }) =>
    listMetadata({
      title: author.name,
      description: author.bio || `Stories by ${author.name} on ${settings.siteName}.`,
      path: authorPath(author.slug),
      page,
      settings,
    }),
  ({ settings, author, page, list }) => (
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
  ),
);
