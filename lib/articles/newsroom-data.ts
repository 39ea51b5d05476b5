import "server-only";
// Newsroom reads: the /editor list, one article as the editor form loads it,
// and its revisions. Public reads live in lib/articles/data.ts.
import { db, Prisma, type ArticleStatus } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { diffRevisions, type RevisionDiff } from "@/lib/text/diff";
import { slugify } from "@/lib/text/slugify";
import type { PublishedArticle } from "./data";
import { parsePending, snapshotOf } from "./service";
import type { EditorListQuery } from "./schema";

export const EDITOR_PAGE_SIZE = 25;
/** A scheduled article this late has been missed (the scheduler runs every couple of seconds). */
export const OVERDUE_AFTER_MS = 60_000;

export type EditorTab = EditorListQuery["status"];

export const EDITOR_TABS: { id: EditorTab; label: string }[] = [
  { id: "all", label: "All" },
  { id: "drafts", label: "Drafts" },
  { id: "review", label: "In review" },
  { id: "scheduled", label: "Scheduled" },
  { id: "published", label: "Published" },
  { id: "archived", label: "Archived" },
];

const livePendingChange: Prisma.ArticleWhereInput = { status: "PUBLISHED", NOT: { pending: { equals: Prisma.DbNull } } };

/** Which articles each tab shows. "In review" includes live stories with a change waiting to be published. */
function tabWhere(tab: EditorTab): Prisma.ArticleWhereInput {
  switch (tab) {
    case "drafts":
      return { status: { in: ["DRAFT", "UNPUBLISHED"] } };
    case "review":
      return { OR: [{ status: "IN_REVIEW" }, livePendingChange] };
    case "scheduled":
      return { status: "SCHEDULED" };
    case "published":
      return { status: "PUBLISHED" };
    case "archived":
      return { status: "ARCHIVED" };
    case "all":
      return { status: { not: "ARCHIVED" } };
  }
}

function containsText(q: string): Prisma.StringFilter {
  // SQLite's LIKE is already case-insensitive for ASCII; PostgreSQL needs to be told.
  // (The SQLite client's types, which stand for both, have no `mode`.)
  return db.dialect === "postgresql" ? ({ contains: q, mode: "insensitive" } as unknown as Prisma.StringFilter) : { contains: q };
}

function visibleTo(user: SessionUser, query: Pick<EditorListQuery, "author" | "mine">): Prisma.ArticleWhereInput {
  // Authors only ever see their own articles; editors may narrow to one author or to their own.
  if (!can(user, "article.viewAll") || query.mine) return { authorId: user.id };
  if (query.author) return { authorId: query.author };
  return {};
}

export type EditorListRow = {
  id: string;
  title: string;
  slug: string;
  status: ArticleStatus;
  updatedAt: Date;
  publishedAt: Date | null;
  scheduledAt: Date | null;
  authorName: string | null;
  categoryName: string | null;
  hasPending: boolean;
  reviewRequested: boolean;
  overdue: boolean;
};

export async function listEditorArticles(user: SessionUser, query: EditorListQuery, now = new Date()) {
  const scope = visibleTo(user, query);
  const search: Prisma.ArticleWhereInput = query.q ? { OR: [{ title: containsText(query.q) }, { lead: containsText(query.q) }, { slug: containsText(query.q) }] } : {};
  const where: Prisma.ArticleWhereInput = { AND: [scope, search, tabWhere(query.status)] };

  const [total, rows, counts, overdueCount] = await Promise.all([
    db.article.count({ where }),
    db.article.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * EDITOR_PAGE_SIZE,
      take: EDITOR_PAGE_SIZE,
      select: {
        id: true,
        title: true,
        slug: true,
        status: true,
        updatedAt: true,
        publishedAt: true,
        scheduledAt: true,
        pending: true,
        author: { select: { name: true } },
        category: { select: { name: true } },
      },
    }),
    Promise.all(EDITOR_TABS.map(async (tab) => [tab.id, await db.article.count({ where: { AND: [scope, search, tabWhere(tab.id)] } })] as const)),
    db.article.count({ where: { AND: [scope, { status: "SCHEDULED", scheduledAt: { lt: new Date(now.getTime() - OVERDUE_AFTER_MS) } }] } }),
  ]);

  const items: EditorListRow[] = rows.map((row) => {
    const pending = parsePending(row.pending);
    return {
      id: row.id,
      title: pending?.title ?? row.title,
      slug: row.slug,
      status: row.status,
      updatedAt: row.updatedAt,
      publishedAt: row.publishedAt,
      scheduledAt: row.scheduledAt,
      authorName: row.author?.name ?? null,
      categoryName: row.category?.name ?? null,
      hasPending: pending !== null,
      reviewRequested: pending?.reviewRequested ?? false,
      overdue: row.status === "SCHEDULED" && row.scheduledAt !== null && row.scheduledAt.getTime() < now.getTime() - OVERDUE_AFTER_MS,
    };
  });

  return {
    items,
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / EDITOR_PAGE_SIZE)),
    counts: Object.fromEntries(counts) as Record<EditorTab, number>,
    overdueCount,
  };
}

/** People who have written something, for the author filter. */
export async function listArticleAuthors() {
  return db.user.findMany({ where: { articles: { some: {} } }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}

/** One article as the editor form edits it (a live article's pending change if any), or null. */
export async function getArticleForEditor(id: string) {
  const article = await db.article.findUnique({
    where: { id },
    include: {
      tags: { select: { tag: { select: { name: true, slug: true } } } },
      category: { select: { slug: true, name: true } },
      author: { select: { id: true, name: true, slug: true } },
    },
  });
  if (!article) return null;
  const pending = parsePending(article.pending);
  return {
    snapshot: snapshotOf(article),
    authorId: article.authorId,
    author: article.author,
    publishedAt: article.publishedAt,
    scheduledAt: article.scheduledAt,
    /** The live slug (what readers use now), which a pending change may be about to replace. */
    liveSlug: article.slug,
    reviewRequested: pending?.reviewRequested ?? false,
    createdAt: article.createdAt,
  };
}
export type EditorArticle = NonNullable<Awaited<ReturnType<typeof getArticleForEditor>>>;

export async function listRevisions(articleId: string) {
  return db.revision.findMany({
    where: { articleId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
    select: { id: true, kind: true, version: true, title: true, status: true, createdAt: true, updatedAt: true, author: { select: { name: true } } },
  });
}
export type RevisionListItem = Awaited<ReturnType<typeof listRevisions>>[number];

/** A readable diff from revision `fromId` to revision `toId` of one article, or null if either is missing. */
export async function compareRevisions(articleId: string, fromId: string, toId: string): Promise<RevisionDiff | null> {
  const revisions = await db.revision.findMany({ where: { articleId, id: { in: [fromId, toId] } } });
  const from = revisions.find((revision) => revision.id === fromId);
  const to = revisions.find((revision) => revision.id === toId);
  if (!from || !to) return null;
  const categories = await db.category.findMany({
    where: { id: { in: [from.categoryId, to.categoryId].filter((id): id is string => Boolean(id)) } },
    select: { id: true, name: true },
  });
  const categoryName = (id: string | null) => categories.find((category) => category.id === id)?.name ?? "";
  const asFields = (revision: typeof from) => ({
    title: revision.title,
    lead: revision.lead ?? "",
    body: revision.body,
    slug: revision.slug,
    category: categoryName(revision.categoryId),
    tags: tagNames(revision.tags).join(", "),
  });
  return diffRevisions(asFields(from), asFields(to));
}

function tagNames(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((tag): tag is string => typeof tag === "string") : [];
  } catch {
    return [];
  }
}

/** The current draft of an article (a live one's pending change included), shaped like the public article page's data. */
export async function getArticlePreview(id: string): Promise<PublishedArticle | null> {
  const article = await getArticleForEditor(id);
  if (!article) return null;
  const { snapshot } = article;
  const category = snapshot.categoryId ? await db.category.findUnique({ where: { id: snapshot.categoryId }, select: { name: true, slug: true } }) : null;
  return {
    id: snapshot.id,
    slug: snapshot.slug,
    title: snapshot.title,
    lead: snapshot.lead,
    publishedAt: (article.publishedAt ?? article.scheduledAt ?? new Date()).toISOString(),
    category,
    author: article.author ? { name: article.author.name, slug: article.author.slug } : null,
    body: snapshot.body,
    updatedAt: snapshot.updatedAt,
    tags: snapshot.tags.map((name) => ({ name, slug: slugify(name) })),
    corrections: [],
  };
}
