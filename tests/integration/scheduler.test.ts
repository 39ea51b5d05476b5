// The scheduler against the real database: due articles are published on their
// own, exactly once, even with several app instances (clients) racing for them.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { databaseUrl } from "@/lib/config";
import { migrate } from "@/lib/db/migrate";
import { publishDueArticles } from "@/lib/articles/scheduler";
import { findPublishedArticle } from "@/lib/articles/data";

const RUN = randomUUID().slice(0, 8);
let authorId: string;

/**
 * Runs `count` scheduler passes at the same instant, each in its own process
 * with its own connection — as separate app instances would — and returns the
 * ids each one published.
 */
async function raceInstances(count: number): Promise<string[][]> {
  const root = path.resolve(__dirname, "../..");
  const startAt = Date.now() + 4000;
  const runs = Array.from({ length: count }, () =>
    promisify(execFile)(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(__dirname, "scheduler-claimer.ts"), String(startAt)], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl() },
    }),
  );
  return (await Promise.all(runs)).map(({ stdout }) => JSON.parse(stdout) as string[]);
}

async function scheduledArticle(title: string, scheduledAt: Date) {
  return db.article.create({
    data: { title: `${title} ${RUN}`, slug: `${title.toLowerCase().replace(/\W+/g, "-")}-${RUN}-${randomUUID().slice(0, 6)}`, body: "<p>Body.</p>", status: "SCHEDULED", scheduledAt, authorId },
  });
}

beforeAll(async () => {
  await migrate(databaseUrl());
  authorId = (await db.user.create({ data: { email: `sched-${RUN}@example.test`, name: `Scheduler ${RUN}`, slug: `sched-${RUN}`, role: "EDITOR" } })).id;
});

describe("publishDueArticles", () => {
  it("publishes a due article with a PUBLISH revision and an audit row, and leaves future ones alone", async () => {
    const due = await scheduledArticle("Due now", new Date(Date.now() - 2000));
    const future = await scheduledArticle("Later", new Date(Date.now() + 3_600_000));
    const published = await publishDueArticles();
    expect(published.map((article) => article.id)).toContain(due.id);
    expect(published.map((article) => article.id)).not.toContain(future.id);

    const row = await db.article.findUniqueOrThrow({ where: { id: due.id } });
    expect(row).toMatchObject({ status: "PUBLISHED", scheduledAt: null, version: due.version + 1 });
    expect(row.publishedAt?.toISOString()).toBe(due.scheduledAt!.toISOString());
    expect(await findPublishedArticle(due.slug)).not.toBeNull();
    expect(await db.revision.count({ where: { articleId: due.id, kind: "PUBLISH" } })).toBe(1);
    const audit = await db.auditEvent.findMany({ where: { targetId: due.id, action: "article.published" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.data).toMatchObject({ scheduled: true });
    expect((await db.article.findUniqueOrThrow({ where: { id: future.id } })).status).toBe("SCHEDULED");
  });

  it("publishes each due article exactly once when two instances claim at the same time", { timeout: 60_000 }, async () => {
    const articles = await Promise.all(Array.from({ length: 8 }, (_, i) => scheduledArticle(`Race ${i}`, new Date(Date.now() - 1000))));
    const ids = articles.map((article) => article.id);
    const results = await raceInstances(2);
    const claimed = results.flat().filter((id) => ids.includes(id));
    expect(claimed.sort()).toEqual([...ids].sort());
    expect(new Set(claimed).size).toBe(ids.length);
    expect(await db.auditEvent.count({ where: { targetId: { in: ids }, action: "article.published" } })).toBe(ids.length);
    expect(await db.revision.count({ where: { articleId: { in: ids }, kind: "PUBLISH" } })).toBe(ids.length);
    expect(await db.article.count({ where: { id: { in: ids }, status: "PUBLISHED" } })).toBe(ids.length);
  });

  it("gives one article to exactly one of three racing instances", { timeout: 60_000 }, async () => {
    const article = await scheduledArticle("Single", new Date(Date.now() - 1000));
    const results = await raceInstances(3);
    expect(results.flat().filter((id) => id === article.id)).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { targetId: article.id, action: "article.published" } })).toBe(1);
  });
});
