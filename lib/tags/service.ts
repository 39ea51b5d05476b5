import "server-only";
import type { Prisma } from "@/lib/db";
import { slugify } from "@/lib/text/slugify";

type Tx = Prisma.TransactionClient;

/**
 * Tag ids for `names`, creating missing tags on the fly. A tag is identified by
 * its slug, so "Ukraine" and "ukraine" are one tag (the first spelling wins).
 */
export async function ensureTags(tx: Tx, names: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const name of names) {
    const slug = slugify(name) || `tag-${Buffer.from(name).toString("hex").slice(0, 16)}`;
    const existing = await tx.tag.findFirst({ where: { OR: [{ slug }, { name }] }, select: { id: true } });
    const tag = existing ?? (await tx.tag.create({ data: { name, slug }, select: { id: true } }));
    if (!ids.includes(tag.id)) ids.push(tag.id);
  }
  return ids;
}

/** Makes `names` the article's tags, in one transaction with the save that changed them. */
export async function setArticleTags(tx: Tx, articleId: string, names: readonly string[]): Promise<void> {
  const tagIds = await ensureTags(tx, names);
  await tx.articleTag.deleteMany({ where: { articleId, tagId: { notIn: tagIds } } });
  const current = await tx.articleTag.findMany({ where: { articleId }, select: { tagId: true } });
  const have = new Set(current.map((row) => row.tagId));
  const missing = tagIds.filter((id) => !have.has(id));
  if (missing.length) await tx.articleTag.createMany({ data: missing.map((tagId) => ({ articleId, tagId })) });
}
