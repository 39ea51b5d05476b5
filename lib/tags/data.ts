import "server-only";
import { db, type Prisma } from "@/lib/db";
import { cachedRead } from "@/lib/cache/cached";
import { tagTag } from "@/lib/cache/tags";
import type { TagListQuery } from "./schema";

export const TAGS_PAGE_SIZE = 50;

export async function findTagBySlug(slug: string) {
  return db.tag.findUnique({ where: { slug }, select: { id: true, name: true, slug: true } });
}

/** The current slug of a tag that used to live at `slug`, renamed or merged (its page answers 308 there). */
export async function findRedirectedTagSlug(slug: string): Promise<string | null> {
  const redirect = await db.tagSlugRedirect.findUnique({ where: { slug }, select: { tag: { select: { slug: true } } } });
  return redirect && redirect.tag.slug !== slug ? redirect.tag.slug : null;
}

export const getTag = cachedRead("tag", findTagBySlug, (slug) => [tagTag(slug)], null);
export const getRedirectedTagSlug = cachedRead("tag-redirect", findRedirectedTagSlug, (slug) => [tagTag(slug)], null);

/** /editor/tags: tags by name with how many articles carry each, searchable, paginated. */
export async function listTagsForNewsroom({ q, page }: TagListQuery) {
  // SQLite's LIKE is case-insensitive for ASCII already; PostgreSQL needs to be told (the SQLite client's types have no `mode`).
  const contains = db.dialect === "postgresql" ? ({ contains: q, mode: "insensitive" } as unknown as Prisma.StringFilter) : { contains: q };
  const where: Prisma.TagWhereInput = q ? { OR: [{ name: contains }, { slug: contains }] } : {};
  const [total, tags] = await Promise.all([
    db.tag.count({ where }),
    db.tag.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (page - 1) * TAGS_PAGE_SIZE,
      take: TAGS_PAGE_SIZE,
      select: { id: true, name: true, slug: true, _count: { select: { articles: true } } },
    }),
  ]);
  return {
    tags: tags.map(({ _count, ...tag }) => ({ ...tag, articleCount: _count.articles })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / TAGS_PAGE_SIZE)),
  };
}
export type NewsroomTag = Awaited<ReturnType<typeof listTagsForNewsroom>>["tags"][number];
