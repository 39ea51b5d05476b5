import type { Db } from "@/lib/db/client";

/** Stamps the tags as invalidated now in the table every instance polls. */
export async function recordInvalidations(db: Db, tags: string[], at = Date.now()): Promise<void> {
  if (tags.length === 0) return;
  const revalidatedAt = BigInt(at);
  await db.$transaction(
    tags.map((tag) =>
      db.cacheInvalidation.upsert({ where: { tag }, create: { tag, revalidatedAt }, update: { revalidatedAt } }),
    ),
  );
}
