import "server-only";
import { revalidateTag } from "next/cache";
import { db } from "@/lib/db";
import { PUBLIC_TAG, articleChangeTags, type ArticleChange } from "./tags";
import { recordInvalidations } from "./invalidations";

/**
 * Makes a change to an article visible on every public page, feed and sitemap
 * that shows it. Call it after the transaction that made the change commits
 * (editor actions, the scheduler, imports).
 */
export async function revalidateArticleChange(change: ArticleChange): Promise<void> {
  await invalidate(articleChangeTags(change));
}

/** Site name, URL, time zone or page size changed: every public page shows them. */
export async function revalidateSiteSettings(): Promise<void> {
  await invalidate([PUBLIC_TAG]);
}

/**
 * A category or tag was created, renamed, reordered or deleted, or an author
 * changed their name or bio: section navigation, kickers and bylines are on
 * every page, so the whole public cache goes (a rare event).
 */
export async function revalidateTaxonomyOrAuthors(): Promise<void> {
  await invalidate([PUBLIC_TAG]);
}

/** The Redis store lib/cache/handler.cjs made in this process, when REDIS_URL is set. */
type SharedStore = { invalidate(tags: string[], recordedAt: number): Promise<void> };
const sharedStore = () => (globalThis as { [key: symbol]: SharedStore | undefined })[Symbol.for("lede.cache.sharedStore")];

/**
 * Three paths, on purpose: Next's revalidateTag clears this instance's cache at
 * once (the editor's own next request is fresh); with Redis, stamping it makes
 * the change fresh on every instance before this returns; the shared table is the
 * durable record every other instance polls (lib/cache/handler.cjs), and that
 * Redis catches up from after an outage. Outside a request (CLI, background jobs)
 * revalidateTag is unavailable and the others carry the change.
 *
 * Redis before the table: an instance that sees the row empties its response
 * memo (lib/cache/response-memo.cjs) and refills it from Redis, so Redis must
 * already answer the fresh page by then.
 */
async function invalidate(tags: string[]): Promise<void> {
  for (const tag of tags) {
    try {
      // expire: 0 — the next reader gets a fresh render, never the stale page.
      revalidateTag(tag, { expire: 0 });
    } catch (error) {
      if (!(error instanceof Error && error.message.includes("static generation store missing"))) throw error;
    }
  }
  const at = Date.now();
  // Never throws: while Redis is down, the instances serve their own caches and catch up from the table.
  await sharedStore()?.invalidate(tags, at);
  await recordInvalidations(db, tags, at).catch((error) => {
    // The change itself is committed; other instances catch up when the table is reachable again.
    console.error("Could not record cache invalidation", tags, error);
  });
}
