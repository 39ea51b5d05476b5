import "server-only";
// Article writes: saves (with optimistic locking and revisions), the editorial
// workflow and revision restore. Every function takes an explicit actor and
// checks `can(...)` itself, so it is safe to call from any server entry point
// and testable without Next. Cache revalidation is the caller's job, after the
// transaction commits: each result carries the `publicChange` to revalidate.
import { db, Prisma, type ArticleStatus, type Role } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/service";
import { recordPublish } from "@/lib/observability/metrics.cjs";
import type { ArticleChange } from "@/lib/cache/tags";
import { sanitizeArticleHtml } from "@/lib/text/sanitize";
import { slugify } from "@/lib/text/slugify";
import { setArticleTags } from "@/lib/tags/service";
import { isEditableStatus, savesToPending, transition, ACTION_PERMISSION, type WorkflowAction } from "./workflow";
import type { ArticleContentInput } from "./schema";

type Tx = Prisma.TransactionClient;

export type EditorActor = { id: string; role: Role; email: string };

/** What a save stores: the editable fields of an article. */
export type ArticleContent = {
  title: string;
  lead: string | null;
  body: string;
  slug: string;
  categoryId: string | null;
  tags: string[];
};

/** A live article's saved-but-unpublished change, kept in Article.pending. */
export type PendingChange = ArticleContent & { savedById: string; savedAt: string; reviewRequested: boolean };

/** The article as the newsroom edits it: the pending change if there is one, else the stored fields. */
export type ArticleSnapshot = ArticleContent & {
  id: string;
  version: number;
  status: ArticleStatus;
  updatedAt: string;
  hasPending: boolean;
  /** The pending change of a live article waits for an editor's review. */
  reviewRequested: boolean;
};

export type ServiceFailure =
  | { ok: false; kind: "not_found"; message: string }
  | { ok: false; kind: "forbidden"; message: string }
  | { ok: false; kind: "invalid"; message: string; fieldErrors: Partial<Record<string, string[]>> }
  /** Someone saved since this editor loaded the article: nothing was written; `current` is their version. */
  | { ok: false; kind: "conflict"; message: string; current: ArticleSnapshot };

export type ServiceSuccess = {
  ok: true;
  article: ArticleSnapshot;
  /** Set when readers can see the change: pass to revalidateArticleChange after commit. */
  publicChange: ArticleChange | null;
};

export type ServiceResult = ServiceSuccess | ServiceFailure;

type Options = { ip?: string | null; now?: Date };

const FORBIDDEN = { ok: false, kind: "forbidden", message: "You don’t have permission to do that." } as const;
const NOT_FOUND = { ok: false, kind: "not_found", message: "This article no longer exists." } as const;
const CONFLICT_MESSAGE = "Someone else saved this article while you were editing. Nothing of yours was saved yet — compare the two versions and choose.";

/** Thrown inside a transaction to roll it back and answer with a failure. */
class Abort extends Error {
  constructor(readonly failure: ServiceFailure) {
    super(failure.message);
  }
}

const articleInclude = {
  tags: { select: { tag: { select: { name: true, slug: true } } } },
  category: { select: { slug: true } },
  author: { select: { slug: true } },
} satisfies Prisma.ArticleInclude;
type LoadedArticle = Prisma.ArticleGetPayload<{ include: typeof articleInclude }>;

// ── Reading the editable state ────────────────────────────────────────────────

export function parsePending(value: unknown): PendingChange | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const pending = value as Partial<PendingChange>;
  if (typeof pending.title !== "string" || typeof pending.body !== "string" || typeof pending.slug !== "string") return null;
  return {
    title: pending.title,
    lead: typeof pending.lead === "string" ? pending.lead : null,
    body: pending.body,
    slug: pending.slug,
    categoryId: typeof pending.categoryId === "string" ? pending.categoryId : null,
    tags: Array.isArray(pending.tags) ? pending.tags.filter((tag): tag is string => typeof tag === "string") : [],
    savedById: typeof pending.savedById === "string" ? pending.savedById : "",
    savedAt: typeof pending.savedAt === "string" ? pending.savedAt : "",
    reviewRequested: pending.reviewRequested === true,
  };
}

function storedContent(article: LoadedArticle): ArticleContent {
  return {
    title: article.title,
    lead: article.lead,
    body: article.body,
    slug: article.slug,
    categoryId: article.categoryId,
    tags: article.tags.map(({ tag }) => tag.name),
  };
}

export function snapshotOf(article: LoadedArticle): ArticleSnapshot {
  const pending = parsePending(article.pending);
  const content = pending ? stripPendingMeta(pending) : storedContent(article);
  return {
    ...content,
    id: article.id,
    version: article.version,
    status: article.status,
    updatedAt: article.updatedAt.toISOString(),
    hasPending: pending !== null,
    reviewRequested: pending?.reviewRequested ?? false,
  };
}

function stripPendingMeta({ savedById: _by, savedAt: _at, reviewRequested: _review, ...content }: PendingChange): ArticleContent {
  return content;
}

async function loadArticle(client: Tx | typeof db, id: string): Promise<LoadedArticle | null> {
  return client.article.findUnique({ where: { id }, include: articleInclude });
}

function articleRef(article: { authorId: string | null; status: ArticleStatus }) {
  return { authorId: article.authorId, status: article.status };
}

// ── Content normalisation and slugs ──────────────────────────────────────────

function normaliseContent(input: ArticleContentInput): Omit<ArticleContent, "slug"> & { requestedSlug: string } {
  return {
    title: input.title.trim(),
    lead: input.lead.trim() || null,
    body: sanitizeArticleHtml(input.body),
    categoryId: input.categoryId || null,
    tags: input.tags,
    requestedSlug: input.slug,
  };
}

/** Whether another article owns `slug`, as its current slug or as an old one that redirects to it. */
async function slugTakenByOther(tx: Tx | typeof db, slug: string, articleId: string | null): Promise<boolean> {
  const [article, redirect] = await Promise.all([
    tx.article.findFirst({ where: { slug, ...(articleId ? { NOT: { id: articleId } } : {}) }, select: { id: true } }),
    tx.slugRedirect.findFirst({ where: { slug, ...(articleId ? { NOT: { articleId } } : {}) }, select: { slug: true } }),
  ]);
  return Boolean(article || redirect);
}

/** Articles whose pending change claims `slug` (it becomes theirs on publish). */
async function slugClaimedByPending(tx: Tx | typeof db, slug: string, articleId: string | null): Promise<boolean> {
  const candidates = await tx.article.findMany({
    where: { status: "PUBLISHED", NOT: [{ pending: { equals: Prisma.DbNull } }, ...(articleId ? [{ id: articleId }] : [])] },
    select: { pending: true },
  });
  return candidates.some((row) => parsePending(row.pending)?.slug === slug);
}

/** A fresh slug from the title, unique among articles and old slugs: "budget-vote", "budget-vote-2", … */
export async function uniqueSlugFor(tx: Tx | typeof db, title: string, articleId: string | null): Promise<string> {
  const base = slugify(title) || "article";
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base.slice(0, 75)}-${n}`;
    if (!(await slugTakenByOther(tx, candidate, articleId)) && !(await slugClaimedByPending(tx, candidate, articleId))) return candidate;
  }
  return `${base.slice(0, 60)}-${Date.now().toString(36)}`;
}

/**
 * The slug to store. Empty, or still the one generated from the title, means
 * "generate": a clash gets a numeric suffix. A slug the user typed must be free
 * or the save fails with a message on the Slug field.
 */
async function resolveSlug(tx: Tx | typeof db, requested: string, title: string, articleId: string | null, currentSlug: string | null) {
  if (requested && requested === currentSlug) return { ok: true as const, slug: requested };
  const generated = !requested || requested === slugify(title);
  if (generated) return { ok: true as const, slug: await uniqueSlugFor(tx, requested || title, articleId) };
  if ((await slugTakenByOther(tx, requested, articleId)) || (await slugClaimedByPending(tx, requested, articleId))) {
    return { ok: false as const, message: "Another article already uses this slug" };
  }
  return { ok: true as const, slug: requested };
}

async function validateCategory(tx: Tx | typeof db, categoryId: string | null): Promise<boolean> {
  if (!categoryId) return true;
  return (await tx.category.count({ where: { id: categoryId } })) === 1;
}

// ── Revisions ────────────────────────────────────────────────────────────────

type RevisionKind = "SAVE" | "AUTOSAVE" | "PUBLISH" | "RESTORE" | "CONFLICT";

/**
 * Keeps a revision of `content`. Autosaves roll into one AUTOSAVE row while the
 * same person keeps typing; their next manual save turns that row into the SAVE,
 * so history holds one entry per sitting rather than one per pause.
 */
async function writeRevision(tx: Tx, article: { id: string; version: number; status: ArticleStatus }, content: ArticleContent, actor: EditorActor, kind: RevisionKind) {
  const data = {
    version: article.version,
    title: content.title,
    lead: content.lead,
    body: content.body,
    slug: content.slug,
    categoryId: content.categoryId,
    tags: JSON.stringify(content.tags),
    status: article.status,
  };
  if (kind === "AUTOSAVE" || kind === "SAVE") {
    const latest = await tx.revision.findFirst({ where: { articleId: article.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true, kind: true, authorId: true } });
    if (latest && latest.kind === "AUTOSAVE" && latest.authorId === actor.id) {
      await tx.revision.update({ where: { id: latest.id }, data: { ...data, kind } });
      return;
    }
  }
  if (kind === "CONFLICT") {
    // The same refused text twice in a row (autosave, then a click) is kept once.
    const latest = await tx.revision.findFirst({ where: { articleId: article.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    if (latest && latest.kind === "CONFLICT" && latest.authorId === actor.id && sameContent(revisionContent(latest), content)) return;
  }
  await tx.revision.create({ data: { ...data, kind, articleId: article.id, authorId: actor.id } });
}

function revisionContent(revision: { title: string; lead: string | null; body: string; slug: string; categoryId: string | null; tags: string }): ArticleContent {
  return { title: revision.title, lead: revision.lead, body: revision.body, slug: revision.slug, categoryId: revision.categoryId, tags: safeTagList(revision.tags) };
}

/**
 * A save refused for a stale version writes nothing to the article, but its text
 * is kept as a CONFLICT revision: whatever the editor then chooses ("Take theirs"
 * included), their version stays in the history and can be restored.
 */
async function keepRefusedContent(result: ServiceResult, baseVersion: number, content: ArticleContent, actor: EditorActor): Promise<ServiceResult> {
  if (result.ok || result.kind !== "conflict") return result;
  const { id, status } = result.current;
  // `version` is the one the refused edit started from.
  await db.$transaction((tx) => writeRevision(tx, { id, version: baseVersion, status }, content, actor, "CONFLICT"));
  return result;
}

// ── Optimistic locking ───────────────────────────────────────────────────────

/**
 * Takes the article for this request: bumps `version` only if it is still the
 * one the editor loaded. As the transaction's first statement it also takes the
 * write lock, so of two concurrent saves exactly one wins and the other gets a
 * conflict carrying the winner's version.
 */
async function claimVersion(tx: Tx, id: string, expectedVersion: number): Promise<LoadedArticle> {
  const claimed = await tx.article.updateMany({ where: { id, version: expectedVersion }, data: { version: { increment: 1 } } });
  const article = await loadArticle(tx, id);
  if (!article) throw new Abort(NOT_FOUND);
  if (claimed.count === 0) throw new Abort({ ok: false, kind: "conflict", message: CONFLICT_MESSAGE, current: snapshotOf(article) });
  return article;
}

async function inTransaction(work: (tx: Tx) => Promise<ServiceSuccess>): Promise<ServiceResult> {
  try {
    return await db.$transaction(work, { timeout: 15_000, maxWait: 10_000 });
  } catch (error) {
    if (error instanceof Abort) return error.failure;
    // Two saves raced for the same fresh slug: the unique index caught the loser.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, kind: "invalid", message: "Please fix the marked fields.", fieldErrors: { slug: ["Another article already uses this slug"] } };
    }
    throw error;
  }
}

function invalid(fieldErrors: Partial<Record<string, string[]>>, message = "Please fix the marked fields."): ServiceFailure {
  return { ok: false, kind: "invalid", message, fieldErrors };
}

async function reloadSnapshot(tx: Tx, id: string): Promise<{ article: LoadedArticle; snapshot: ArticleSnapshot }> {
  const article = (await loadArticle(tx, id))!;
  return { article, snapshot: snapshotOf(article) };
}

function publicChangeOf(article: LoadedArticle, previousSlug?: string | null, extraTagSlugs: string[] = [], extraCategorySlugs: string[] = []): ArticleChange {
  return {
    slug: article.slug,
    previousSlug: previousSlug && previousSlug !== article.slug ? previousSlug : null,
    categorySlugs: [...new Set([...(article.category ? [article.category.slug] : []), ...extraCategorySlugs])],
    tagSlugs: [...new Set([...article.tags.map(({ tag }) => tag.slug), ...extraTagSlugs])],
    authorSlug: article.author?.slug ?? null,
  };
}

// ── Writing content ──────────────────────────────────────────────────────────

/** Remembers an old public slug so /articles/<old> keeps answering with a redirect. */
async function recordSlugChange(tx: Tx, article: LoadedArticle, newSlug: string, actor: EditorActor, ip: string | null | undefined) {
  if (article.slug === newSlug || !article.publishedAt) return;
  // The new slug may be one of this article's own old ones: it is live again, not a redirect.
  await tx.slugRedirect.deleteMany({ where: { slug: newSlug } });
  await tx.slugRedirect.upsert({ where: { slug: article.slug }, create: { slug: article.slug, articleId: article.id }, update: { articleId: article.id } });
  await recordAudit(tx, {
    actor,
    action: "article.slug_changed",
    targetType: "article",
    targetId: article.id,
    targetName: article.title,
    ip,
    data: { from: article.slug, to: newSlug },
  });
}

/** Writes `content` into the article's own columns (and tags). */
async function writeStoredContent(tx: Tx, article: LoadedArticle, content: ArticleContent, actor: EditorActor, ip: string | null | undefined, extra: Prisma.ArticleUpdateInput = {}) {
  await recordSlugChange(tx, article, content.slug, actor, ip);
  await tx.article.update({
    where: { id: article.id },
    data: {
      title: content.title,
      lead: content.lead,
      body: content.body,
      slug: content.slug,
      category: content.categoryId ? { connect: { id: content.categoryId } } : { disconnect: true },
      ...extra,
    },
  });
  await setArticleTags(tx, article.id, content.tags);
}

/** Validates an edit and works out the content to store (slug resolved, HTML sanitised). */
async function prepareContent(client: Tx | typeof db, input: ArticleContentInput, article: LoadedArticle | null): Promise<{ ok: true; content: ArticleContent } | ServiceFailure> {
  const normalised = normaliseContent(input);
  if (!(await validateCategory(client, normalised.categoryId))) return invalid({ categoryId: ["This category no longer exists"] });
  const currentSlug = article ? snapshotOf(article).slug : null;
  const slug = await resolveSlug(client, normalised.requestedSlug, normalised.title, article?.id ?? null, currentSlug);
  if (!slug.ok) return invalid({ slug: [slug.message] });
  const { requestedSlug: _requested, ...rest } = normalised;
  return { ok: true, content: { ...rest, slug: slug.slug } };
}

/**
 * Saves content into a claimed article: a live article's change goes to
 * `pending` (readers keep the published text); anything else is written in place.
 */
async function applySave(tx: Tx, article: LoadedArticle, content: ArticleContent, actor: EditorActor, ip: string | null | undefined, now: Date, reviewRequested = false) {
  if (savesToPending(article.status)) {
    const previous = parsePending(article.pending);
    // Saving the live text unchanged (or an edit undone) leaves nothing pending.
    if (sameContent(content, storedContent(article)) && !reviewRequested) {
      if (previous) await tx.article.update({ where: { id: article.id }, data: { pending: Prisma.DbNull } });
      return;
    }
    const pending: PendingChange = {
      ...content,
      savedById: actor.id,
      savedAt: now.toISOString(),
      // An author's edit of a live story always waits for an editor.
      reviewRequested: reviewRequested || previous?.reviewRequested === true || !can(actor, "article.publish", articleRef(article)),
    };
    await tx.article.update({ where: { id: article.id }, data: { pending: pending as unknown as Prisma.InputJsonValue } });
  } else {
    await writeStoredContent(tx, article, content, actor, ip);
  }
}

function sameContent(a: ArticleContent, b: ArticleContent): boolean {
  return (
    a.title === b.title &&
    (a.lead ?? "") === (b.lead ?? "") &&
    a.body === b.body &&
    a.slug === b.slug &&
    a.categoryId === b.categoryId &&
    a.tags.join("\n") === b.tags.join("\n")
  );
}

// ── Public API ───────────────────────────────────────────────────────────────

/** Starts a new draft by `actor`. */
export async function createArticle(actor: EditorActor, input: ArticleContentInput): Promise<ServiceResult> {
  if (!can(actor, "article.create")) return FORBIDDEN;
  const prepared = await prepareContent(db, input, null);
  if (!prepared.ok) return prepared;
  const { content } = prepared;
  return inTransaction(async (tx) => {
    const created = await tx.article.create({
      data: {
        title: content.title,
        lead: content.lead,
        body: content.body,
        slug: content.slug,
        status: "DRAFT",
        authorId: actor.id,
        categoryId: content.categoryId,
      },
    });
    await setArticleTags(tx, created.id, content.tags);
    await writeRevision(tx, created, content, actor, "SAVE");
    const { snapshot } = await reloadSnapshot(tx, created.id);
    return { ok: true, article: snapshot, publicChange: null };
  });
}

export type SaveInput = { id: string; version: number; content: ArticleContentInput; autosave?: boolean };

/** Saves an edit, refusing with a conflict if the article changed since `version` was loaded. */
export async function saveArticle(actor: EditorActor, input: SaveInput, options: Options = {}): Promise<ServiceResult> {
  const now = options.now ?? new Date();
  const before = await loadArticle(db, input.id);
  if (!before) return NOT_FOUND;
  if (!can(actor, "article.edit", articleRef(before))) return FORBIDDEN;
  if (!isEditableStatus(before.status)) return invalid({}, "Archived articles are read-only. Reopen it to make changes.");
  const prepared = await prepareContent(db, input.content, before);
  if (!prepared.ok) return prepared;

  const result = await inTransaction(async (tx) => {
    const article = await claimVersion(tx, input.id, input.version);
    await applySave(tx, article, prepared.content, actor, options.ip, now);
    const { snapshot } = await reloadSnapshot(tx, article.id);
    await writeRevision(tx, snapshot, prepared.content, actor, input.autosave ? "AUTOSAVE" : "SAVE");
    // A live article's edit is pending, so readers see no change until it is published.
    return { ok: true, article: snapshot, publicChange: null };
  });
  return keepRefusedContent(result, input.version, prepared.content, actor);
}

export type WorkflowInput = {
  id: string;
  version: number;
  action: WorkflowAction;
  /** The form's content, saved in the same transaction before the status changes (Publish from the form). */
  content?: ArticleContentInput;
  /** For "schedule". */
  scheduledAt?: Date | null;
};

const AUDIT_ACTION: Partial<Record<WorkflowAction, string>> = {
  publish: "article.published",
  schedule: "article.scheduled",
  unschedule: "article.scheduled",
  unpublish: "article.unpublished",
  archive: "article.archived",
};

/** Runs one workflow step (submit, publish, schedule, …), optionally saving the form's content first. */
export async function runWorkflowAction(actor: EditorActor, input: WorkflowInput, options: Options = {}): Promise<ServiceResult> {
  const now = options.now ?? new Date();
  const before = await loadArticle(db, input.id);
  if (!before) return NOT_FOUND;
  const ref = articleRef(before);
  if (!can(actor, ACTION_PERMISSION[input.action], ref)) return FORBIDDEN;
  if (input.content && !can(actor, "article.edit", ref)) return FORBIDDEN;
  if (input.action === "schedule") {
    if (!input.scheduledAt) return invalid({ scheduledAt: ["Pick the date and time to publish at"] });
    if (input.scheduledAt.getTime() <= now.getTime()) return invalid({ scheduledAt: ["Pick a time in the future"] });
  }
  let prepared: ArticleContent | null = null;
  if (input.content) {
    const result = await prepareContent(db, input.content, before);
    if (!result.ok) return result;
    prepared = result.content;
  }

  const result = await inTransaction(async (tx) => {
    let article = await claimVersion(tx, input.id, input.version);
    if (prepared && isEditableStatus(article.status)) {
      await applySave(tx, article, prepared, actor, options.ip, now, input.action === "submit");
      // Publishing keeps its own PUBLISH revision of the same content.
      if (input.action !== "publish") await writeRevision(tx, article, prepared, actor, "SAVE");
      article = (await loadArticle(tx, article.id))!;
    }
    const pending = parsePending(article.pending);
    const step = transition({ status: article.status, hasPending: pending !== null }, input.action);
    if (!step.ok) throw new Abort(invalid({}, step.reason));

    const audit = (action: string, data?: Record<string, unknown>) =>
      recordAudit(tx, { actor, action, targetType: "article", targetId: article.id, targetName: article.title, ip: options.ip, data });
    let publicChange: ArticleChange | null = null;
    const wasLive = article.status === "PUBLISHED";

    switch (input.action) {
      case "submit": {
        if (pending) {
          await tx.article.update({ where: { id: article.id }, data: { pending: { ...pending, reviewRequested: true } as unknown as Prisma.InputJsonValue } });
        } else {
          await tx.article.update({ where: { id: article.id }, data: { status: step.to } });
        }
        break;
      }
      case "publish": {
        const previousSlug = article.slug;
        const oldTagSlugs = article.tags.map(({ tag }) => tag.slug);
        const oldCategory = article.category ? [article.category.slug] : [];
        if (pending) {
          const content = stripPendingMeta(pending);
          // The pending slug was free when saved; make sure it still is before it goes live.
          if (content.slug !== article.slug && (await slugTakenByOther(tx, content.slug, article.id))) {
            throw new Abort(invalid({ slug: ["Another article already uses this slug"] }));
          }
          await writeStoredContent(tx, article, content, actor, options.ip, { pending: Prisma.DbNull });
        }
        await tx.article.update({
          where: { id: article.id },
          data: { status: "PUBLISHED", publishedAt: article.publishedAt ?? now, scheduledAt: null },
        });
        const published = (await loadArticle(tx, article.id))!;
        await writeRevision(tx, published, storedContent(published), actor, "PUBLISH");
        await audit("article.published", { slug: published.slug, ...(pending ? { change: true } : {}) });
        publicChange = publicChangeOf(published, previousSlug, oldTagSlugs, oldCategory);
        break;
      }
      case "schedule": {
        await tx.article.update({ where: { id: article.id }, data: { status: "SCHEDULED", scheduledAt: input.scheduledAt! } });
        await audit("article.scheduled", { scheduledAt: input.scheduledAt!.toISOString() });
        break;
      }
      case "unschedule": {
        await tx.article.update({ where: { id: article.id }, data: { status: "DRAFT", scheduledAt: null } });
        await audit("article.scheduled", { cancelled: true });
        break;
      }
      case "unpublish":
      case "archive": {
        // Once readers no longer see it, a pending change simply becomes the article's text.
        if (pending) await writeStoredContent(tx, article, stripPendingMeta(pending), actor, options.ip, { pending: Prisma.DbNull });
        await tx.article.update({ where: { id: article.id }, data: { status: step.to, scheduledAt: null } });
        await audit(AUDIT_ACTION[input.action]!, { from: article.status });
        if (wasLive) publicChange = publicChangeOf(article);
        break;
      }
      case "reopen": {
        await tx.article.update({ where: { id: article.id }, data: { status: "DRAFT" } });
        break;
      }
    }
    const { snapshot } = await reloadSnapshot(tx, article.id);
    return { ok: true, article: snapshot, publicChange };
  });
  if (result.ok && input.action === "publish") recordPublish("editor");
  return prepared ? keepRefusedContent(result, input.version, prepared, actor) : result;
}

/** Brings back an old revision's content as a new save (a live article gets it as a pending change). */
export async function restoreRevision(actor: EditorActor, input: { id: string; version: number; revisionId: string }, options: Options = {}): Promise<ServiceResult> {
  const now = options.now ?? new Date();
  const before = await loadArticle(db, input.id);
  if (!before) return NOT_FOUND;
  if (!can(actor, "article.restoreRevision", articleRef(before))) return FORBIDDEN;
  if (!isEditableStatus(before.status)) return invalid({}, "Archived articles are read-only. Reopen it to make changes.");
  const revision = await db.revision.findFirst({ where: { id: input.revisionId, articleId: input.id } });
  if (!revision) return { ok: false, kind: "not_found", message: "That revision no longer exists." };

  const tags = safeTagList(revision.tags);
  const categoryExists = await validateCategory(db, revision.categoryId);
  const slugFree = !(await slugTakenByOther(db, revision.slug, input.id));
  const content: ArticleContent = {
    title: revision.title,
    lead: revision.lead,
    body: sanitizeArticleHtml(revision.body),
    // A slug another article took since keeps the current one; a deleted category is dropped.
    slug: slugFree ? revision.slug : snapshotOf(before).slug,
    categoryId: categoryExists ? revision.categoryId : null,
    tags,
  };

  return inTransaction(async (tx) => {
    const article = await claimVersion(tx, input.id, input.version);
    await applySave(tx, article, content, actor, options.ip, now);
    const { snapshot } = await reloadSnapshot(tx, article.id);
    await writeRevision(tx, snapshot, content, actor, "RESTORE");
    await recordAudit(tx, {
      actor,
      action: "article.restored",
      targetType: "article",
      targetId: article.id,
      targetName: article.title,
      ip: options.ip,
      data: { revisionId: revision.id, revisionVersion: revision.version },
    });
    return { ok: true, article: snapshot, publicChange: null };
  });
}

function safeTagList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((tag): tag is string => typeof tag === "string") : [];
  } catch {
    return [];
  }
}

export type DeleteResult = { ok: true; title: string; publicChanges: ArticleChange[] } | ServiceFailure;

/**
 * Deletes an article for good, with its revisions, old slugs and reader reports
 * (the database cascades), leaving an audit row. Refused with a conflict if it
 * changed since the editor loaded it: nobody deletes what they have not seen.
 */
export async function deleteArticle(actor: EditorActor, input: { id: string; version: number }, options: Options = {}): Promise<DeleteResult> {
  const before = await loadArticle(db, input.id);
  if (!before) return NOT_FOUND;
  if (!can(actor, "article.delete", { ...articleRef(before), everPublished: before.publishedAt !== null })) return FORBIDDEN;
  try {
    return await db.$transaction(
      async (tx) => {
        const article = await claimVersion(tx, input.id, input.version);
        const oldSlugs = (await tx.slugRedirect.findMany({ where: { articleId: article.id }, select: { slug: true } })).map(({ slug }) => slug);
        await tx.article.delete({ where: { id: article.id } });
        await recordAudit(tx, {
          actor,
          action: "article.deleted",
          targetType: "article",
          targetId: article.id,
          targetName: article.title,
          ip: options.ip,
          data: { slug: article.slug, status: article.status, ...(article.publishedAt ? { publishedAt: article.publishedAt.toISOString() } : {}), ...(oldSlugs.length ? { oldSlugs } : {}) },
        });
        // Readers could see it (or be redirected to it): those pages must answer 404 now.
        const publicChanges = article.status === "PUBLISHED" ? [publicChangeOf(article), ...oldSlugs.map((slug) => ({ slug }))] : [];
        return { ok: true as const, title: article.title, publicChanges };
      },
      { timeout: 15_000, maxWait: 10_000 },
    );
  } catch (error) {
    if (!(error instanceof Abort)) throw error;
    if (error.failure.kind !== "conflict") return error.failure;
    return { ...error.failure, message: "Someone changed this article since you opened it. Nothing was deleted — reload the page and check before deleting." };
  }
}

/**
 * Rewrites the pending change of every live article that has one, for a
 * category or tag that was merged, renamed or deleted (a pending change names
 * them by id and name). `change` returns null to leave one as it is.
 */
export async function rewritePendingChanges(tx: Tx, change: (pending: PendingChange) => PendingChange | null): Promise<number> {
  const rows = await tx.article.findMany({ where: { NOT: { pending: { equals: Prisma.DbNull } } }, select: { id: true, pending: true } });
  let rewritten = 0;
  for (const row of rows) {
    const pending = parsePending(row.pending);
    const next = pending ? change(pending) : null;
    if (!next) continue;
    await tx.article.update({ where: { id: row.id }, data: { pending: next as unknown as Prisma.InputJsonValue } });
    rewritten++;
  }
  return rewritten;
}
