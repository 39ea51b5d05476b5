import "server-only";
import { db } from "@/lib/db";
import { cachedRead } from "@/lib/cache/cached";
import { authorTag } from "@/lib/cache/tags";

/** What the public author page shows of a user: never email, role or account state. */
export async function findAuthorBySlug(slug: string) {
  return db.user.findUnique({ where: { slug }, select: { id: true, name: true, slug: true, bio: true } });
}

export const getAuthor = cachedRead("author", findAuthorBySlug, (slug) => [authorTag(slug)], null);
