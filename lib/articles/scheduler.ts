import "server-only";
// Publishes SCHEDULED articles when their time comes, with no page visit.
// Every app instance runs this loop (started from instrumentation.ts); they
// agree through the database: each due article is claimed with one conditional
// UPDATE, which only one claimer can win, so it is published — and audited —
// exactly once however many instances race for it.
import { db as defaultDb, type Db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/service";
import { revalidateArticleChange } from "@/lib/cache/public";
import { logger } from "@/lib/observability/logger.cjs";
import { recordPublish, recordSchedulerLag } from "@/lib/observability/metrics.cjs";

export const SCHEDULER_INTERVAL_MS = 1_500;
const BATCH_SIZE = 20;

export type PublishedBySchedule = { id: string; slug: string; title: string };

/** Publishes every article whose scheduled time is at or before `now`; returns those this caller published. */
export async function publishDueArticles(client: Db = defaultDb, now = new Date()): Promise<PublishedBySchedule[]> {
  const due = await client.article.findMany({
    where: { status: "SCHEDULED", scheduledAt: { lte: now } },
    orderBy: { scheduledAt: "asc" },
    take: BATCH_SIZE,
    select: { id: true },
  });
  const published: PublishedBySchedule[] = [];
  for (const { id } of due) {
    const article = await client.$transaction(async (tx) => {
      // The claim: only the caller whose UPDATE still finds the row SCHEDULED and due wins it.
      const claimed = await tx.article.updateMany({
        where: { id, status: "SCHEDULED", scheduledAt: { lte: now } },
        data: { status: "PUBLISHED", version: { increment: 1 } },
      });
      if (claimed.count !== 1) return null;
      const row = await tx.article.findUniqueOrThrow({
        where: { id },
        include: {
          tags: { select: { tag: { select: { name: true, slug: true } } } },
          category: { select: { slug: true } },
          author: { select: { slug: true } },
        },
      });
      // Shown as published when it was due, not when this tick happened to run.
      const publishedAt = row.publishedAt ?? row.scheduledAt ?? now;
      await tx.article.update({ where: { id }, data: { publishedAt, scheduledAt: null } });
      await tx.revision.create({
        data: {
          articleId: id,
          authorId: null,
          kind: "PUBLISH",
          version: row.version,
          title: row.title,
          lead: row.lead,
          body: row.body,
          slug: row.slug,
          categoryId: row.categoryId,
          tags: JSON.stringify(row.tags.map(({ tag }) => tag.name)),
          status: "PUBLISHED",
        },
      });
      await recordAudit(tx, {
        actor: null,
        action: "article.published",
        targetType: "article",
        targetId: id,
        targetName: row.title,
        data: { scheduled: true, scheduledAt: row.scheduledAt?.toISOString() ?? null, slug: row.slug },
      });
      return row;
    });
    if (!article) continue;
    published.push({ id: article.id, slug: article.slug, title: article.title });
    recordPublish("scheduler");
    recordSchedulerLag((Date.now() - (article.scheduledAt ?? now).getTime()) / 1000);
    await revalidateArticleChange({
      slug: article.slug,
      categorySlugs: article.category ? [article.category.slug] : [],
      tagSlugs: article.tags.map(({ tag }) => tag.slug),
      authorSlug: article.author?.slug ?? null,
    });
  }
  return published;
}

let timer: NodeJS.Timeout | null = null;
let tick: Promise<void> | null = null;

/** Starts the in-process loop (idempotent). The timer is unref'd so it never keeps a process alive. */
export function startScheduler(intervalMs = SCHEDULER_INTERVAL_MS): void {
  if (timer) return;
  timer = setInterval(() => {
    if (tick) return;
    tick = publishDueArticles()
      .then((published) => {
        for (const article of published) logger.info({ articleId: article.id, path: `/articles/${article.slug}` }, `Scheduler published "${article.title}"`);
      })
      .catch((error) => logger.error({ err: error }, "Scheduler tick failed"))
      .finally(() => {
        tick = null;
      });
  }, intervalMs);
  timer.unref();
}

/** Stops the loop; resolves once a pass that is already running has finished (graceful shutdown). */
export async function stopScheduler(): Promise<void> {
  if (timer) clearInterval(timer);
  timer = null;
  await tick;
}
