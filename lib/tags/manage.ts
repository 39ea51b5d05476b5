import "server-only";
// Tag management for /editor/tags (EDITOR+): rename, merge, delete. Apart from
// service.ts, which the article saves use, so the two never import each other
// in a circle. Each write checks `can(...)`, keeps live articles' pending
// changes in step (they name tags by name) and audits in the same transaction;
// the caller revalidates the public pages.
import { db, Prisma } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/service";
import { rewritePendingChanges } from "@/lib/articles/service";
import { slugify } from "@/lib/text/slugify";

type Options = { ip?: string | null };
export type TagActor = Actor & { email: string };
export type TagFailure = { ok: false; message: string; fieldErrors?: Partial<Record<string, string[]>> };

const FORBIDDEN: TagFailure = { ok: false, message: "You don’t have permission to do that." };
const GONE: TagFailure = { ok: false, message: "This tag no longer exists." };

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** A pending change's tag list with `from` replaced by `to` (or dropped when `to` is null), duplicates removed. */
function replaceTag(tags: string[], from: string, to: string | null): string[] | null {
  if (!tags.some((tag) => sameName(tag, from))) return null;
  const next: string[] = [];
  for (const tag of tags) {
    const name = sameName(tag, from) ? to : tag;
    if (name !== null && !next.some((kept) => sameName(kept, name))) next.push(name);
  }
  return next;
}

export type UpdateTagResult = { ok: true; name: string; previousSlug: string | null; slug: string } | TagFailure;

/** Renames a tag or changes its address. A name or address another tag has is refused with a pointer to Merge. */
export async function updateTag(actor: TagActor, input: { id: string; name: string; slug: string }, options: Options = {}): Promise<UpdateTagResult> {
  if (!can(actor, "taxonomy.manage")) return FORBIDDEN;
  const name = input.name.trim().replace(/\s+/g, " ");
  const tag = await db.tag.findUnique({ where: { id: input.id } });
  if (!tag) return GONE;
  const clash = await db.tag.findFirst({ where: { OR: [{ name }, { slug: input.slug }], NOT: { id: tag.id } }, select: { name: true, slug: true } });
  if (clash) {
    const field = clash.slug === input.slug ? "slug" : "name";
    const message = `The tag “${clash.name}” already ${field === "slug" ? "has this address" : "has this name"}. To combine the two, use Merge.`;
    return { ok: false, message, fieldErrors: { [field]: [message] } };
  }
  if (name === tag.name && input.slug === tag.slug) return { ok: true, name, previousSlug: null, slug: tag.slug };
  try {
    await db.$transaction(async (tx) => {
      if (input.slug !== tag.slug) {
        // The old address keeps working (308 to the new one); an address this tag had before is its own again.
        await tx.tagSlugRedirect.deleteMany({ where: { slug: input.slug } });
        await tx.tagSlugRedirect.upsert({ where: { slug: tag.slug }, create: { slug: tag.slug, tagId: tag.id }, update: { tagId: tag.id } });
      }
      await tx.tag.update({ where: { id: tag.id }, data: { name, slug: input.slug } });
      if (name !== tag.name) await rewritePendingChanges(tx, (pending) => { const tags = replaceTag(pending.tags, tag.name, name); return tags ? { ...pending, tags } : null; });
      await recordAudit(tx, {
        actor,
        action: "tag.updated",
        targetType: "tag",
        targetId: tag.id,
        targetName: name,
        ip: options.ip,
        data: { changed: { ...(name !== tag.name ? { name: { from: tag.name, to: name } } : {}), ...(input.slug !== tag.slug ? { slug: { from: tag.slug, to: input.slug } } : {}) } },
      });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: false, message: "Another tag took this name or address a moment ago." };
    throw error;
  }
  return { ok: true, name, previousSlug: input.slug !== tag.slug ? tag.slug : null, slug: input.slug };
}

export type MergeTagsResult = { ok: true; source: { name: string; slug: string }; target: { name: string; slug: string }; moved: number } | TagFailure;

/** Merges one tag into another, named by its name: the articles get the other tag, and the merged tag is deleted. */
export async function mergeTags(actor: TagActor, input: { id: string; into: string }, options: Options = {}): Promise<MergeTagsResult> {
  if (!can(actor, "taxonomy.manage")) return FORBIDDEN;
  const into = input.into.trim().replace(/\s+/g, " ");
  return db.$transaction(async (tx) => {
    const source = await tx.tag.findUnique({ where: { id: input.id }, select: { id: true, name: true, slug: true } });
    if (!source) return GONE;
    // Found the way the article form finds a tag: by name, or by the slug that name makes ("kyiv" finds "Kyiv").
    const candidates = await tx.tag.findMany({ where: { NOT: { id: source.id }, OR: [{ name: into }, { slug: slugify(into) || into }] }, select: { id: true, name: true, slug: true } });
    const target = candidates.find((tag) => sameName(tag.name, into)) ?? candidates[0];
    if (!target) {
      const message = `There is no other tag called “${into}”.`;
      return { ok: false, message, fieldErrors: { into: [message] } };
    }
    const articles = (await tx.articleTag.findMany({ where: { tagId: source.id }, select: { articleId: true } })).map(({ articleId }) => articleId);
    const already = new Set((await tx.articleTag.findMany({ where: { tagId: target.id, articleId: { in: articles } }, select: { articleId: true } })).map(({ articleId }) => articleId));
    const missing = articles.filter((id) => !already.has(id));
    if (missing.length) await tx.articleTag.createMany({ data: missing.map((articleId) => ({ articleId, tagId: target.id })) });
    // The merged tag's addresses, current and old, lead to the tag its articles now carry.
    await tx.tagSlugRedirect.updateMany({ where: { tagId: source.id }, data: { tagId: target.id } });
    await tx.tagSlugRedirect.upsert({ where: { slug: source.slug }, create: { slug: source.slug, tagId: target.id }, update: { tagId: target.id } });
    await tx.tag.delete({ where: { id: source.id } });
    await rewritePendingChanges(tx, (pending) => { const tags = replaceTag(pending.tags, source.name, target.name); return tags ? { ...pending, tags } : null; });
    await recordAudit(tx, {
      actor,
      action: "tag.merged",
      targetType: "tag",
      targetId: target.id,
      targetName: target.name,
      ip: options.ip,
      data: { merged: source.name, mergedSlug: source.slug, articles: articles.length },
    });
    return { ok: true as const, source: { name: source.name, slug: source.slug }, target: { name: target.name, slug: target.slug }, moved: articles.length };
  });
}

export type DeleteTagResult = { ok: true; name: string; slug: string; articles: number } | TagFailure;

/** Deletes a tag; its articles simply no longer carry it, and its addresses, current and old, answer 404. */
export async function deleteTag(actor: TagActor, input: { id: string }, options: Options = {}): Promise<DeleteTagResult> {
  if (!can(actor, "taxonomy.manage")) return FORBIDDEN;
  return db.$transaction(async (tx) => {
    const tag = await tx.tag.findUnique({ where: { id: input.id }, select: { id: true, name: true, slug: true, _count: { select: { articles: true } } } });
    if (!tag) return GONE;
    await tx.tag.delete({ where: { id: tag.id } });
    await rewritePendingChanges(tx, (pending) => { const tags = replaceTag(pending.tags, tag.name, null); return tags ? { ...pending, tags } : null; });
    await recordAudit(tx, { actor, action: "tag.deleted", targetType: "tag", targetId: tag.id, targetName: tag.name, ip: options.ip, data: { slug: tag.slug, articles: tag._count.articles } });
    return { ok: true as const, name: tag.name, slug: tag.slug, articles: tag._count.articles };
  });
}
