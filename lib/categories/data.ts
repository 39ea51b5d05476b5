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
export const getSitemapCategories = cachedRead("sitemap-categories", findSitemapCategories, () => [ARTICLES_TAG], []);
