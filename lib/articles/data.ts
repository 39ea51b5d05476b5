import "server-only";
import { db, ArticleStatus, type Prisma } from "@/lib/db";

/** What the reader site shows of an article in lists. */
const teaserSelect = {
  id: true,
  slug: true,
  title: true,
  lead: true,
  publishedAt: true,
  category: { select: { name: true, slug: true } },
  author: { select: { name: true, slug: true } },
} satisfies Prisma.ArticleSelect;

export type ArticleTeaser = Prisma.ArticleGetPayload<{ select: typeof teaserSelect }>;

const published = (): Prisma.ArticleWhereInput => ({ status: ArticleStatus.PUBLISHED });

export async function listLatestArticles({ take = 20, skip = 0 }: { take?: number; skip?: number } = {}) {
  return db.article.findMany({
    where: published(),
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take,
    skip,
    select: teaserSelect,
  });
}

export async function getPublishedArticleBySlug(slug: string) {
  return db.article.findFirst({
    where: { ...published(), slug },
    select: {
      ...teaserSelect,
      body: true,
      updatedAt: true,
      tags: { select: { tag: { select: { name: true, slug: true } } } },
    },
  });
}

export type PublishedArticle = NonNullable<Awaited<ReturnType<typeof getPublishedArticleBySlug>>>;
