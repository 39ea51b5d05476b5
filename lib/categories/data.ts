import "server-only";
import { db } from "@/lib/db";
import { cachedRead } from "@/lib/cache/cached";
import { ARTICLES_TAG, categoryTag } from "@/lib/cache/tags";
import { publishedWhere } from "@/lib/articles/data";

export type CategorySummary = { id: string; name: string; slug: string };

/** Sections in the editors' order (position, then name). */
export async function listCategories(): Promise<CategorySummary[]> {
  return db.category.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true, slug: true } });
}

/** /editor/categories: every category in order, with its article counts and old addresses. */
export async function listCategoriesForNewsroom() {
  const [categories, published] = await Promise.all([
    db.category.findMany({
      orderBy: [{ position: "asc" }, { name: "asc" }],
      select: {
        id: true,
        name: true,
        slug: true,
        description: true,
        _count: { select: { articles: true } },
        redirects: { orderBy: { createdAt: "desc" }, select: { slug: true } },
      },
    }),
    db.article.groupBy({ by: ["categoryId"], where: publishedWhere(), _count: { _all: true } }),
  ]);
  const uncategorized = await db.article.count({ where: { categoryId: null } });
  return {
    categories: categories.map(({ _count, redirects, ...category }) => ({
      ...category,
      articleCount: _count.articles,
      publishedCount: published.find((row) => row.categoryId === category.id)?._count._all ?? 0,
      oldSlugs: redirects.map(({ slug }) => slug),
    })),
    uncategorized,
  };
}
export type NewsroomCategory = Awaited<ReturnType<typeof listCategoriesForNewsroom>>["categories"][number];

/** The current slug of a category that used to live at `slug` (its page answers 308 there). */
export async function findRedirectedCategorySlug(slug: string): Promise<string | null> {
  const redirect = await db.categorySlugRedirect.findUnique({ where: { slug }, select: { category: { select: { slug: true } } } });
  return redirect && redirect.category.slug !== slug ? redirect.category.slug : null;
}

export async function findCategoryBySlug(slug: string) {
  return db.category.findUnique({ where: { slug }, select: { id: true, name: true, slug: true, description: true } });
}

/** Categories with at least one published article, with the newest publication as lastmod. */
export async function findSitemapCategories() {
  const categories = await db.category.findMany({
    where: { articles: { some: publishedWhere() } },
    orderBy: { slug: "asc" },
    select: {
      slug: true,
      articles: { where: publishedWhere(), orderBy: { publishedAt: "desc" }, take: 1, select: { publishedAt: true, updatedAt: true } },
    },
  });
  return categories.map(({ slug, articles: [newest] }) => ({
    slug,
    lastModified: (newest?.publishedAt ?? newest?.updatedAt ?? new Date(0)).toISOString(),
  }));
}

export const getCategories = cachedRead("categories", listCategories, () => [], []);
export const getCategory = cachedRead("category", findCategoryBySlug, (slug) => [categoryTag(slug)], null);
export const getRedirectedCategorySlug = cachedRead("category-redirect", findRedirectedCategorySlug, (slug) => [categoryTag(slug)], null);
export const getSitemapCategories = cachedRead("sitemap-categories", findSitemapCategories, () => [ARTICLES_TAG], []);
