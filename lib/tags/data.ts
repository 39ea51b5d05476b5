import "server-only";
import { db } from "@/lib/db";
import { cachedRead } from "@/lib/cache/cached";
import { tagTag } from "@/lib/cache/tags";

export async function findTagBySlug(slug: string) {
  return db.tag.findUnique({ where: { slug }, select: { id: true, name: true, slug: true } });
}

export const getTag = cachedRead("tag", findTagBySlug, (slug) => [tagTag(slug)], null);
