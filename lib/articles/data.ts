import "server-only";
import { db, ArticleStatus, CorrectionStatus, type Prisma } from "@/lib/db";
import { cachedRead } from "@/lib/cache/cached";
import { ARTICLES_TAG, articleTag, authorTag, categoryTag, tagTag } from "@/lib/cache/tags";

// Public reads of articles: only PUBLISHED rows, as plain data (ISO date strings)
// so they can live in Next's data cache. The `find*` functions query; the
// `get*` ones are their cached forms that pages use.

const teaserSelect = {
  id: true,
  slug: true,
  title: true,
  lead: true,
  publishedAt: true,
  category: { select: { name: true, slug: true } },
  author: { select: { name: true, slug: true } },
} satisfies Prisma.ArticleSelect;

type TeaserRow = Prisma.ArticleGetPayload<{ select: typeof teaserSelect }>;

export type ArticleTeaser = Omit<TeaserRow, "publishedAt"> & { publishedAt: string };

export type ArticlePage = { articles: ArticleTeaser[]; total: number };

/** Readers see an article once it is PUBLISHED with a publication time. */
export const publishedWhere = (): Prisma.ArticleWhereInput => ({ status: ArticleStatus.PUBLISHED, publishedAt: { not: null } });

const newestFirst: Prisma.ArticleOrderByWithRelationInput[] = [{ publishedAt: "desc" }, { id: "desc" }];

export function toTeaser(row: TeaserRow): ArticleTeaser {
  return { ...row, publishedAt: (row.publishedAt ?? new Date(0)).toISOString() };
}

export async function findLatestArticles({ take = 20, skip = 0 }: { take?: number; skip?: number } = {}): Promise<ArticleTeaser[]> {
  const rows = await db.article.findMany({ where: publishedWhere(), orderBy: newestFirst, take, skip, select: teaserSelect });
  return rows.map(toTeaser);
}

/** A page of published articles matching `where`, newest first. */
export async function findArticlePage(where: Prisma.ArticleWhereInput, page: number, pageSize: number): Promise<ArticlePage> {
  const filter = { AND: [publishedWhere(), where] };
  const [total, rows] = await Promise.all([
    db.article.count({ where: filter }),
    db.article.findMany({ where: filter, orderBy: newestFirst, skip: (page - 1) * pageSize, take: pageSize, select: teaserSelect }),
  ]);
  return { total, articles: rows.map(toTeaser) };
}

export type FrontPage = {
  lead: ArticleTeaser | null;
  /** The next stories after the lead, shown with their leads beneath it. */
  top: ArticleTeaser[];
  /** The stories after those, as a compact list. */
  latest: ArticleTeaser[];
  sections: { name: string; slug: string; articles: ArticleTeaser[] }[];
};

export const FRONT_TOP_COUNT = 4;
export const FRONT_LATEST_COUNT = 6;
export const FRONT_SECTION_COUNT = 4;

/**
 * Lead story, the stories beneath it, the latest list beside them, then each
 * category's newest stories not already shown above: a story appears once.
 */
export async function findFrontPage(): Promise<FrontPage> {
  const [newest, categories] = await Promise.all([
    findLatestArticles({ take: 1 + FRONT_TOP_COUNT + FRONT_LATEST_COUNT }),
    db.category.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true, slug: true } }),
  ]);
  const [lead = null, ...rest] = newest;
  const top = rest.slice(0, FRONT_TOP_COUNT);
  const latest = rest.slice(FRONT_TOP_COUNT);
  const shown = newest.map((article) => article.id);
  const sections = await Promise.all(
    categories.map(async (category) => {
      const rows = await db.article.findMany({
        where: { ...publishedWhere(), categoryId: category.id, id: { notIn: shown } },
        orderBy: newestFirst,
        take: FRONT_SECTION_COUNT,
        select: teaserSelect,
      });
      return { name: category.name, slug: category.slug, articles: rows.map(toTeaser) };
    }),
  );
  return { lead, top, latest, sections: sections.filter((section) => section.articles.length > 0) };
}

export type PublishedArticle = ArticleTeaser & {
  body: string;
  updatedAt: string;
  tags: { name: string; slug: string }[];
  /** Accepted reader corrections with a public note, oldest first. */
  corrections: { id: string; note: string; date: string }[];
};

export const MORE_IN_CATEGORY_COUNT = 4;

export async function findPublishedArticle(slug: string): Promise<PublishedArticle | null> {
  const row = await db.article.findFirst({
    where: { ...publishedWhere(), slug },
    select: {
      ...teaserSelect,
      body: true,
      updatedAt: true,
      tags: { select: { tag: { select: { name: true, slug: true } } }, orderBy: { tag: { name: "asc" } } },
      corrections: {
        where: { status: CorrectionStatus.ACCEPTED, publicNote: { not: null } },
        orderBy: { handledAt: "asc" },
        select: { id: true, publicNote: true, handledAt: true, createdAt: true },
      },
    },
  });
  if (!row) return null;
  const { body, updatedAt, tags, corrections, ...teaser } = row;
  return {
    ...toTeaser(teaser),
    body,
    updatedAt: updatedAt.toISOString(),
    tags: tags.map(({ tag }) => tag),
    corrections: corrections.map((correction) => ({
      id: correction.id,
      note: correction.publicNote ?? "",
      date: (correction.handledAt ?? correction.createdAt).toISOString(),
    })),
  };
}

/** "More in <category>": the category's newest stories other than `exceptSlug`. */
export async function findMoreInCategory(categorySlug: string, exceptSlug: string): Promise<ArticleTeaser[]> {
  const rows = await db.article.findMany({
    where: { ...publishedWhere(), category: { slug: categorySlug }, slug: { not: exceptSlug } },
    orderBy: newestFirst,
    take: MORE_IN_CATEGORY_COUNT,
    select: teaserSelect,
  });
  return rows.map(toTeaser);
}

/** The current slug of a published article that used to live at `slug`. */
export async function findRedirectedSlug(slug: string): Promise<string | null> {
  const redirect = await db.slugRedirect.findUnique({
    where: { slug },
    select: { article: { select: { slug: true, status: true, publishedAt: true } } },
  });
  const article = redirect?.article;
  return article && article.status === ArticleStatus.PUBLISHED && article.publishedAt && article.slug !== slug ? article.slug : null;
}

/** For RSS: the newest published articles, optionally of one category. */
export async function findFeedArticles({ categorySlug, take = 50 }: { categorySlug?: string; take?: number } = {}) {
  const rows = await db.article.findMany({
    where: { ...publishedWhere(), ...(categorySlug ? { category: { slug: categorySlug } } : {}) },
    orderBy: newestFirst,
    take,
    select: { ...teaserSelect, body: true, updatedAt: true },
  });
  return rows.map(({ body, updatedAt, ...teaser }) => ({ ...toTeaser(teaser), body, updatedAt: updatedAt.toISOString() }));
}

export type FeedArticle = Awaited<ReturnType<typeof findFeedArticles>>[number];

/** For /sitemap.xml: every published article, newest first. */
export async function findSitemapArticles() {
  const rows = await db.article.findMany({
    where: publishedWhere(),
    orderBy: newestFirst,
    select: { slug: true, updatedAt: true, publishedAt: true },
  });
  return rows.map((row) => ({ slug: row.slug, lastModified: maxDate(row.updatedAt, row.publishedAt).toISOString() }));
}

/** For /news-sitemap.xml: articles published in the last `hours` hours (Google News reads two days). */
export async function findRecentArticles({ hours = 48, now = new Date() }: { hours?: number; now?: Date } = {}) {
  const rows = await db.article.findMany({
    where: { ...publishedWhere(), publishedAt: { gte: new Date(now.getTime() - hours * 3_600_000), lte: now } },
    orderBy: newestFirst,
    take: 1000,
    select: { slug: true, title: true, publishedAt: true },
  });
  return rows.map((row) => ({ slug: row.slug, title: row.title, publishedAt: (row.publishedAt ?? now).toISOString() }));
}

function maxDate(a: Date, b: Date | null): Date {
  return b && b > a ? b : a;
}

// Cached forms for pages and routes.

export const getFrontPage = cachedRead("front-page", findFrontPage, () => [ARTICLES_TAG], { lead: null, top: [], latest: [], sections: [] });

export const getPublishedArticle = cachedRead(
  "article",
  findPublishedArticle,
  // The 404 for an unknown slug is cached too, under the same tag: publishing that slug clears it.
  (slug) => [articleTag(slug)],
  null,
);

export const getMoreInCategory = cachedRead("more-in-category", findMoreInCategory, (categorySlug) => [categoryTag(categorySlug)], []);

export const getRedirectedSlug = cachedRead("slug-redirect", findRedirectedSlug, (slug) => [articleTag(slug)], null);

export const getCategoryArticlePage = cachedRead(
  "category-articles",
  (slug: string, page: number, pageSize: number) => findArticlePage({ category: { slug } }, page, pageSize),
  (slug) => [categoryTag(slug)],
  { articles: [], total: 0 },
);

export const getTagArticlePage = cachedRead(
  "tag-articles",
  (slug: string, page: number, pageSize: number) => findArticlePage({ tags: { some: { tag: { slug } } } }, page, pageSize),
  (slug) => [tagTag(slug)],
  { articles: [], total: 0 },
);

export const getAuthorArticlePage = cachedRead(
  "author-articles",
  (slug: string, page: number, pageSize: number) => findArticlePage({ author: { slug } }, page, pageSize),
  (slug) => [authorTag(slug)],
  { articles: [], total: 0 },
);

export const getFeedArticles = cachedRead(
  "feed",
  (categorySlug: string | null) => findFeedArticles({ categorySlug: categorySlug ?? undefined }),
  (categorySlug) => (categorySlug ? [categoryTag(categorySlug)] : [ARTICLES_TAG]),
  [],
);

export const getSitemapArticles = cachedRead("sitemap", findSitemapArticles, () => [ARTICLES_TAG], []);
// /news-sitemap.xml is not cached: its 48-hour window moves with the clock, and the query is one index range.
