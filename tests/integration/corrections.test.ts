// Reader typo reports against the real database named by DATABASE_URL: the
// public POST /api/corrections route (validation, rate limit, storage), the
// shared rate limiter under concurrency, and an editor handling the report.
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/corrections/route";
import { db } from "@/lib/db";
import { databaseUrl } from "@/lib/config";
import { migrate } from "@/lib/db/migrate";
import { findPublishedArticle } from "@/lib/articles/data";
import { handleCorrection } from "@/lib/corrections/service";
import { listCorrections } from "@/lib/corrections/data";
import { takeRateLimit, TYPO_REPORT_LIMIT } from "@/lib/corrections/rate-limit";

const RUN = randomUUID().slice(0, 8);
let slug: string;
let articleId: string;
let editor: { id: string; role: "EDITOR"; email: string };
let author: { id: string; role: "AUTHOR"; email: string };

/** A fresh client address per test, so each starts with the whole budget. */
const ip = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 6)}`;

function report(body: unknown, from: string, contentType = "application/json") {
  return POST(
    new NextRequest("http://lede.test/api/corrections", {
      method: "POST",
      headers: { "content-type": contentType, "x-forwarded-for": from },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

beforeAll(async () => {
  await migrate(databaseUrl());
  const user = async (role: "EDITOR" | "AUTHOR") => {
    const row = await db.user.create({ data: { email: `${role.toLowerCase()}-${RUN}@example.test`, name: `${role} ${RUN}`, slug: `${role.toLowerCase()}-${RUN}`, role } });
    return { id: row.id, email: row.email };
  };
  editor = { ...(await user("EDITOR")), role: "EDITOR" };
  author = { ...(await user("AUTHOR")), role: "AUTHOR" };
  slug = `typo-story-${RUN}`;
  const article = await db.article.create({
    data: { slug, title: `Typo story ${RUN}`, body: "<p>The ministr said so.</p>", status: "PUBLISHED", publishedAt: new Date(), authorId: author.id },
  });
  articleId = article.id;
  await db.article.create({ data: { slug: `typo-draft-${RUN}`, title: `Draft ${RUN}`, body: "<p>Not out.</p>", status: "DRAFT" } });
});

describe("POST /api/corrections", () => {
  it("stores a report of a published article for the editors, never on the public page", async () => {
    const response = await report({ articleSlug: slug, selectedText: "ministr", context: "The ministr said so.", comment: "minister" }, ip());
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    expect(await db.correction.findUniqueOrThrow({ where: { id } })).toMatchObject({ articleId, selectedText: "ministr", context: "The ministr said so.", comment: "minister", status: "OPEN" });
    expect((await findPublishedArticle(slug))?.corrections).toEqual([]);
  });

  it("answers bad input with a clear message per field, without counting it against the limit", async () => {
    const from = ip();
    const empty = await report({ articleSlug: slug, selectedText: "   ", comment: "" }, from);
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ fieldErrors: { selectedText: ["Select or type the text that has the mistake"] } });

    const long = await report({ articleSlug: slug, selectedText: "ministr", comment: "x".repeat(1001) }, from);
    expect(long.status).toBe(400);
    expect(await long.json()).toMatchObject({ error: "The comment can be at most 1000 characters", fieldErrors: { comment: ["The comment can be at most 1000 characters"] } });

    expect((await report("not json", from)).status).toBe(400);
    expect((await report("articleSlug=x", from, "application/x-www-form-urlencoded")).status).toBe(415);
    expect((await report({ articleSlug: `typo-draft-${RUN}`, selectedText: "Not" }, from)).status).toBe(404);
    expect((await report({ articleSlug: `nothing-here-${RUN}`, selectedText: "Not" }, from)).status).toBe(404);
    // None of the refused input used the budget (the 404s did: they reached storage).
    expect(await db.rateLimit.findUnique({ where: { key: `typo-report:${from}` } })).toMatchObject({ count: 2 });
  });

  it("rate-limits per client address with a clear 429", async () => {
    const from = ip();
    for (let n = 0; n < TYPO_REPORT_LIMIT.max; n++) {
      expect((await report({ articleSlug: slug, selectedText: `word ${n}` }, from)).status).toBe(201);
    }
    const refused = await report({ articleSlug: slug, selectedText: "one more" }, from);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe(String(TYPO_REPORT_LIMIT.windowMs / 1000));
    expect(await refused.json()).toEqual({ error: "Too many reports from your network just now. Please try again in a few minutes." });
    expect(await db.correction.count({ where: { articleId, selectedText: "one more" } })).toBe(0);
    // Another reader is not affected.
    expect((await report({ articleSlug: slug, selectedText: "elsewhere" }, ip())).status).toBe(201);
  });
});

describe("takeRateLimit", () => {
  it("lets exactly `max` of a concurrent burst through, then opens a new window when the old one ends", async () => {
    const key = `burst-${RUN}`;
    const policy = { max: 3, windowMs: 60_000 };
    const start = new Date();
    const burst = await Promise.all(Array.from({ length: 10 }, () => takeRateLimit(key, policy, start)));
    expect(burst.filter(Boolean)).toHaveLength(3);
    expect(await takeRateLimit(key, policy, new Date(start.getTime() + 59_000))).toBe(false);

    const later = new Date(start.getTime() + 61_000);
    const next = await Promise.all(Array.from({ length: 6 }, () => takeRateLimit(key, policy, later)));
    expect(next.filter(Boolean)).toHaveLength(3);
    expect(await db.rateLimit.findUniqueOrThrow({ where: { key } })).toMatchObject({ count: 3, windowStart: later });
  });
});

describe("handling a report", () => {
  it("refuses an author, accepts once with a public note, and audits it", async () => {
    const correction = await db.correction.create({ data: { articleId, selectedText: "ministr", context: "The ministr said so." } });
    expect(await handleCorrection(author, { id: correction.id, decision: "accept", publicNote: "Sneaky" })).toMatchObject({ ok: false });
    expect((await db.correction.findUniqueOrThrow({ where: { id: correction.id } })).status).toBe("OPEN");

    const accepted = await handleCorrection(editor, { id: correction.id, decision: "accept", publicNote: "An earlier version misspelt “minister”." }, { ip: "192.0.2.1" });
    expect(accepted).toEqual({ ok: true, articleSlug: slug, articleId, noted: true });
    expect(await handleCorrection(editor, { id: correction.id, decision: "dismiss", publicNote: "" })).toEqual({ ok: false, message: "Someone already handled this report." });
    expect((await findPublishedArticle(slug))?.corrections).toEqual([{ id: correction.id, note: "An earlier version misspelt “minister”.", date: expect.any(String) }]);
    expect(await db.auditEvent.findFirst({ where: { action: "correction.accepted", targetId: articleId, actorId: editor.id } })).toMatchObject({ ip: "192.0.2.1" });

    const listed = await listCorrections({ status: "accepted", page: 1 });
    expect(listed.items.find((item) => item.id === correction.id)).toMatchObject({ publicNote: "An earlier version misspelt “minister”.", handledBy: { name: `EDITOR ${RUN}` } });
  });

  it("dismisses without a public note, even if one was typed", async () => {
    const correction = await db.correction.create({ data: { articleId, selectedText: "said" } });
    expect(await handleCorrection(editor, { id: correction.id, decision: "dismiss", publicNote: "ignored" })).toMatchObject({ ok: true, noted: false });
    expect(await db.correction.findUniqueOrThrow({ where: { id: correction.id } })).toMatchObject({ status: "DISMISSED", publicNote: null, handledById: editor.id });
  });
});
