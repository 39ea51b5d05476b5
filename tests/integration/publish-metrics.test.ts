// Publishing shows up in /api/metrics: lede_articles_published_total by who published
// (an editor, the scheduler) and lede_scheduler_lag_seconds for how late the scheduler was.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { databaseUrl } from "@/lib/config";
import { migrate } from "@/lib/db/migrate";
import { createArticle, runWorkflowAction, type EditorActor } from "@/lib/articles/service";
import { articleContentSchema } from "@/lib/articles/schema";
import { publishDueArticles } from "@/lib/articles/scheduler";
import { renderMetrics } from "@/lib/observability/metrics.cjs";

const RUN = randomUUID().slice(0, 8);
let editor: EditorActor;

async function metric(series: string): Promise<number> {
  const line = (await renderMetrics()).body.split("\n").find((row) => row.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

async function draft() {
  const result = await createArticle(editor, articleContentSchema.parse({ title: `Metrics ${randomUUID().slice(0, 6)} ${RUN}`, body: "<p>Body.</p>" }));
  if (!result.ok) throw new Error(result.message);
  return result.article;
}

beforeAll(async () => {
  await migrate(databaseUrl());
  const user = await db.user.create({ data: { email: `metrics-${RUN}@example.test`, name: `Metrics ${RUN}`, slug: `metrics-${RUN}`, role: "EDITOR" } });
  editor = { id: user.id, role: user.role, email: user.email };
});

describe("publish metrics", () => {
  it("counts an editor's publish once it is committed, and not a refused one", async () => {
    const before = await metric('lede_articles_published_total{via="editor"}');
    const article = await draft();
    expect((await runWorkflowAction(editor, { id: article.id, version: article.version, action: "publish" })).ok).toBe(true);
    expect(await metric('lede_articles_published_total{via="editor"}')).toBe(before + 1);
    const stale = await draft();
    expect((await runWorkflowAction(editor, { id: stale.id, version: stale.version + 5, action: "publish" })).ok).toBe(false);
    expect(await metric('lede_articles_published_total{via="editor"}')).toBe(before + 1);
  });

  it("counts the scheduler's publishes and how late each went out", async () => {
    const [count, lagCount, lagSum] = await Promise.all([
      metric('lede_articles_published_total{via="scheduler"}'),
      metric("lede_scheduler_lag_seconds_count"),
      metric("lede_scheduler_lag_seconds_sum"),
    ]);
    const article = await draft();
    await db.article.update({ where: { id: article.id }, data: { status: "SCHEDULED", scheduledAt: new Date(Date.now() - 3000) } });
    expect((await publishDueArticles()).map(({ id }) => id)).toContain(article.id);
    expect(await metric('lede_articles_published_total{via="scheduler"}')).toBeGreaterThanOrEqual(count + 1);
    expect(await metric("lede_scheduler_lag_seconds_count")).toBeGreaterThanOrEqual(lagCount + 1);
    expect((await metric("lede_scheduler_lag_seconds_sum")) - lagSum).toBeGreaterThanOrEqual(3);
  });
});
