// The article service against the real database named by DATABASE_URL (SQLite
// or PostgreSQL): optimistic locking, revisions, the pending change of a live
// article, slugs and redirects, the workflow and its audit trail, the editor list.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { databaseUrl } from "@/lib/config";
import { migrate } from "@/lib/db/migrate";
import { findPublishedArticle, findRedirectedSlug } from "@/lib/articles/data";
import { createArticle, deleteArticle, restoreRevision, runWorkflowAction, saveArticle, type EditorActor, type ServiceResult, type ServiceSuccess } from "@/lib/articles/service";
import { listEditorArticles } from "@/lib/articles/newsroom-data";
import { articleContentSchema, editorListSchema, type ArticleContentInput } from "@/lib/articles/schema";

const RUN = randomUUID().slice(0, 8);
let author: EditorActor & { name: string; slug: string };
let otherAuthor: EditorActor & { name: string; slug: string };
let editor: EditorActor & { name: string; slug: string };
let categoryId: string;

async function makeUser(role: "AUTHOR" | "EDITOR", name: string) {
  const slug = `${name.toLowerCase()}-${RUN}`;
  const user = await db.user.create({ data: { email: `${slug}@example.test`, name: `${name} ${RUN}`, slug, role } });
  return { id: user.id, role: user.role, email: user.email, name: user.name, slug: user.slug };
}

const content = (overrides: Partial<Record<keyof ArticleContentInput, string>> = {}): ArticleContentInput =>
  articleContentSchema.parse({ title: `Budget vote ${RUN}`, lead: "Parliament postpones the vote", body: "<p>First paragraph.</p>", categoryId, tags: "budget", ...overrides });

function ok(result: ServiceResult): ServiceSuccess {
  if (!result.ok) throw new Error(`expected success, got ${result.kind}: ${result.message} ${JSON.stringify("fieldErrors" in result ? result.fieldErrors : {})}`);
  return result;
}

async function newDraft(overrides: Partial<Record<keyof ArticleContentInput, string>> = {}, by = author) {
  return ok(await createArticle(by, content({ title: `Story ${randomUUID().slice(0, 6)} ${RUN}`, ...overrides }))).article;
}

async function publishedArticle(overrides: Partial<Record<keyof ArticleContentInput, string>> = {}) {
  const draft = await newDraft(overrides);
  return ok(await runWorkflowAction(editor, { id: draft.id, version: draft.version, action: "publish" })).article;
}

beforeAll(async () => {
  await migrate(databaseUrl());
  author = await makeUser("AUTHOR", "Author");
  otherAuthor = await makeUser("AUTHOR", "Other");
  editor = await makeUser("EDITOR", "Editor");
  categoryId = (await db.category.create({ data: { name: `Politics ${RUN}`, slug: `politics-${RUN}` } })).id;
});

describe("creating and saving", () => {
  it("creates a draft with a slug from the title, sanitised body, tags created on the fly and a first revision", async () => {
    const article = ok(
      await createArticle(author, content({ title: `Şəhərdə güclü külək ${RUN}`, body: `<p onclick="x()">Hi<script>alert(1)</script></p>`, tags: `Weather ${RUN}, Baku ${RUN}` })),
    ).article;
    expect(article.status).toBe("DRAFT");
    expect(article.version).toBe(1);
    expect(article.slug).toBe(`seherde-guclu-kulek-${RUN}`);
    expect(article.body).toBe("<p>Hi</p>");
    expect(article.tags).toEqual([`Weather ${RUN}`, `Baku ${RUN}`]);
    expect(await db.tag.count({ where: { slug: { in: [`weather-${RUN}`, `baku-${RUN}`] } } })).toBe(2);
    const revisions = await db.revision.findMany({ where: { articleId: article.id } });
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ kind: "SAVE", authorId: author.id, version: 1, title: `Şəhərdə güclü külək ${RUN}` });
  });

  it("keeps generated slugs unique and refuses a typed slug that another article uses", async () => {
    const first = await newDraft({ title: `Same headline ${RUN}` });
    const second = await newDraft({ title: `Same headline ${RUN}` });
    expect(first.slug).toBe(`same-headline-${RUN}`);
    expect(second.slug).toBe(`same-headline-${RUN}-2`);
    const clash = await saveArticle(author, { id: second.id, version: second.version, content: content({ title: `Other ${RUN}`, slug: first.slug }) });
    expect(clash).toMatchObject({ ok: false, kind: "invalid", fieldErrors: { slug: ["Another article already uses this slug"] } });
  });

  it("bumps the version on every save and refuses a stale version with a conflict carrying the other version", async () => {
    const draft = await newDraft();
    const saved = ok(await saveArticle(author, { id: draft.id, version: 1, content: content({ title: `Mine ${RUN}` }) })).article;
    expect(saved.version).toBe(2);
    const stale = await saveArticle(author, { id: draft.id, version: 1, content: content({ title: `Stale ${RUN}` }) });
    expect(stale.ok).toBe(false);
    if (stale.ok || stale.kind !== "conflict") throw new Error("expected a conflict");
    expect(stale.current).toMatchObject({ version: 2, title: `Mine ${RUN}` });
    expect((await db.article.findUniqueOrThrow({ where: { id: draft.id } })).title).toBe(`Mine ${RUN}`);
  });

  it("lets exactly one of two concurrent saves of the same version win", async () => {
    const draft = await newDraft();
    const [a, b] = await Promise.all([
      saveArticle(author, { id: draft.id, version: 1, content: content({ title: `Writer A ${RUN}` }) }),
      saveArticle(editor, { id: draft.id, version: 1, content: content({ title: `Writer B ${RUN}` }) }),
    ]);
    const results = [a, b];
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const loser = results.find((result) => !result.ok);
    expect(loser).toMatchObject({ ok: false, kind: "conflict" });
    const winner = results.find((result) => result.ok) as ServiceSuccess;
    const row = await db.article.findUniqueOrThrow({ where: { id: draft.id } });
    expect(row.version).toBe(2);
    expect(row.title).toBe(winner.article.title);
    if (!loser!.ok && loser!.kind === "conflict") expect(loser!.current.title).toBe(winner.article.title);
  });

  it("rolls autosaves into one revision per sitting, which the next manual save completes", async () => {
    const draft = await newDraft();
    let version = draft.version;
    for (const title of ["a", "ab", "abc"]) {
      version = ok(await saveArticle(author, { id: draft.id, version, content: content({ title: `${title} ${RUN}` }), autosave: true })).article.version;
    }
    let revisions = await db.revision.findMany({ where: { articleId: draft.id }, orderBy: { createdAt: "asc" } });
    expect(revisions.map((revision) => revision.kind)).toEqual(["SAVE", "AUTOSAVE"]);
    expect(revisions[1]!.title).toBe(`abc ${RUN}`);
    ok(await saveArticle(author, { id: draft.id, version, content: content({ title: `final ${RUN}` }) }));
    revisions = await db.revision.findMany({ where: { articleId: draft.id }, orderBy: { createdAt: "asc" } });
    expect(revisions.map((revision) => revision.kind)).toEqual(["SAVE", "SAVE"]);
    expect(revisions[1]!.title).toBe(`final ${RUN}`);
  });

  it("keeps a refused stale save as one CONFLICT revision, without touching the article", async () => {
    const draft = await newDraft();
    const theirs = ok(await saveArticle(editor, { id: draft.id, version: 1, content: content({ title: `Theirs ${RUN}` }) })).article;
    const stale = { id: draft.id, version: 1, content: content({ title: `Refused ${RUN}`, body: "<p>My refused text.</p>" }) };
    expect(await saveArticle(author, { ...stale, autosave: true })).toMatchObject({ ok: false, kind: "conflict" });
    // The same text refused again (autosave, then a click; or Publish from the stale form) is kept once.
    expect(await saveArticle(author, stale)).toMatchObject({ ok: false, kind: "conflict" });
    expect(await runWorkflowAction(author, { ...stale, action: "submit" })).toMatchObject({ ok: false, kind: "conflict" });
    const row = await db.article.findUniqueOrThrow({ where: { id: draft.id } });
    expect(row).toMatchObject({ title: `Theirs ${RUN}`, version: 2 });
    let revisions = await db.revision.findMany({ where: { articleId: draft.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(revisions.map((revision) => [revision.kind, revision.version, revision.authorId])).toEqual([
      ["SAVE", 1, author.id],
      ["SAVE", 2, editor.id],
      ["CONFLICT", 1, author.id],
    ]);
    expect(revisions[2]).toMatchObject({ title: `Refused ${RUN}`, body: "<p>My refused text.</p>" });

    // Taking theirs and saving on top never overwrites the refused text in the history.
    ok(await saveArticle(author, { id: draft.id, version: theirs.version, content: content({ title: `Theirs ${RUN}`, lead: "Merged" }), autosave: true }));
    revisions = await db.revision.findMany({ where: { articleId: draft.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(revisions.map((revision) => revision.kind)).toEqual(["SAVE", "SAVE", "CONFLICT", "AUTOSAVE"]);
    const restored = ok(await restoreRevision(author, { id: draft.id, version: 3, revisionId: revisions[2]!.id })).article;
    expect(restored).toMatchObject({ title: `Refused ${RUN}`, body: "<p>My refused text.</p>" });
  });

  it("refuses an author editing someone else's article", async () => {
    const draft = await newDraft();
    expect(await saveArticle(otherAuthor, { id: draft.id, version: 1, content: content() })).toMatchObject({ ok: false, kind: "forbidden" });
  });
});

describe("workflow", () => {
  it("publishes with an audit row, and refuses an author's publish", async () => {
    const draft = await newDraft();
    expect(await runWorkflowAction(author, { id: draft.id, version: 1, action: "publish" })).toMatchObject({ ok: false, kind: "forbidden" });
    const submitted = ok(await runWorkflowAction(author, { id: draft.id, version: 1, action: "submit" })).article;
    expect(submitted.status).toBe("IN_REVIEW");
    const published = ok(await runWorkflowAction(editor, { id: draft.id, version: submitted.version, action: "publish" }));
    expect(published.article.status).toBe("PUBLISHED");
    expect(published.publicChange).toMatchObject({ slug: draft.slug, categorySlugs: [`politics-${RUN}`], authorSlug: author.slug });
    const audit = await db.auditEvent.findMany({ where: { targetId: draft.id, action: "article.published" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: editor.id, actorEmail: editor.email });
    expect(await findPublishedArticle(draft.slug)).toMatchObject({ title: draft.title });
  });

  it("saves the form and publishes in one step, or nothing if the version is stale", async () => {
    const draft = await newDraft();
    const stale = await runWorkflowAction(editor, { id: draft.id, version: 0, action: "publish", content: content({ title: `Never ${RUN}` }) });
    expect(stale).toMatchObject({ ok: false, kind: "conflict" });
    const published = ok(await runWorkflowAction(editor, { id: draft.id, version: 1, action: "publish", content: content({ title: `Fresh title ${RUN}`, slug: draft.slug }) }));
    expect(published.article).toMatchObject({ status: "PUBLISHED", title: `Fresh title ${RUN}` });
  });

  it("schedules only in the future, and unschedules back to a draft", async () => {
    const draft = await newDraft();
    const past = await runWorkflowAction(editor, { id: draft.id, version: 1, action: "schedule", scheduledAt: new Date(Date.now() - 1000) });
    expect(past).toMatchObject({ ok: false, kind: "invalid", fieldErrors: { scheduledAt: ["Pick a time in the future"] } });
    const at = new Date(Date.now() + 3_600_000);
    const scheduled = ok(await runWorkflowAction(editor, { id: draft.id, version: 1, action: "schedule", scheduledAt: at })).article;
    expect(scheduled.status).toBe("SCHEDULED");
    expect((await db.article.findUniqueOrThrow({ where: { id: draft.id } })).scheduledAt?.toISOString()).toBe(at.toISOString());
    expect(await db.auditEvent.count({ where: { targetId: draft.id, action: "article.scheduled" } })).toBe(1);
    const back = ok(await runWorkflowAction(editor, { id: draft.id, version: scheduled.version, action: "unschedule" })).article;
    expect(back.status).toBe("DRAFT");
  });

  it("refuses a transition the state machine does not allow", async () => {
    const draft = await newDraft();
    expect(await runWorkflowAction(editor, { id: draft.id, version: 1, action: "unpublish" })).toMatchObject({
      ok: false,
      kind: "invalid",
      message: "An article that is draft cannot be unpublished.",
    });
  });

  it("unpublishes and archives with audit rows; an archived article is read-only", async () => {
    const live = await publishedArticle();
    const unpublished = ok(await runWorkflowAction(editor, { id: live.id, version: live.version, action: "unpublish" }));
    expect(unpublished.publicChange?.slug).toBe(live.slug);
    expect(await findPublishedArticle(live.slug)).toBeNull();
    const archived = ok(await runWorkflowAction(editor, { id: live.id, version: unpublished.article.version, action: "archive" })).article;
    expect(archived.status).toBe("ARCHIVED");
    expect(await saveArticle(editor, { id: live.id, version: archived.version, content: content() })).toMatchObject({ ok: false, kind: "invalid" });
    const actions = (await db.auditEvent.findMany({ where: { targetId: live.id }, orderBy: { createdAt: "asc" } })).map((event) => event.action);
    expect(actions).toEqual(["article.published", "article.unpublished", "article.archived"]);
  });
});

describe("editing a live article", () => {
  it("keeps readers on the published text until the pending change is published", async () => {
    const live = await publishedArticle({ body: "<p>Live text.</p>" });
    const edited = ok(await saveArticle(editor, { id: live.id, version: live.version, content: content({ title: live.title, slug: live.slug, body: "<p>Corrected text.</p>" }) })).article;
    expect(edited).toMatchObject({ status: "PUBLISHED", hasPending: true, body: "<p>Corrected text.</p>" });
    expect((await findPublishedArticle(live.slug))?.body).toBe("<p>Live text.</p>");

    const published = ok(await runWorkflowAction(editor, { id: live.id, version: edited.version, action: "publish" })).article;
    expect(published.hasPending).toBe(false);
    expect((await findPublishedArticle(live.slug))?.body).toBe("<p>Corrected text.</p>");
  });

  it("sends an author's edit of their live story to review; only an editor can publish it", async () => {
    const draft = await newDraft();
    const live = ok(await runWorkflowAction(editor, { id: draft.id, version: 1, action: "publish" })).article;
    const edited = ok(await saveArticle(author, { id: live.id, version: live.version, content: content({ title: `Author’s fix ${RUN}`, slug: live.slug }) })).article;
    expect(edited.hasPending).toBe(true);
    const row = await db.article.findUniqueOrThrow({ where: { id: live.id } });
    expect(row.title).toBe(live.title);
    expect(row.pending).toMatchObject({ reviewRequested: true, title: `Author’s fix ${RUN}` });

    const review = await listEditorArticles({ ...editor, name: editor.name, slug: editor.slug }, editorListSchema.parse({ status: "review", q: RUN }));
    expect(review.items.map((item) => item.id)).toContain(live.id);
    expect(review.items.find((item) => item.id === live.id)).toMatchObject({ status: "PUBLISHED", hasPending: true, reviewRequested: true, title: `Author’s fix ${RUN}` });

    expect(await runWorkflowAction(author, { id: live.id, version: edited.version, action: "publish" })).toMatchObject({ ok: false, kind: "forbidden" });
    ok(await runWorkflowAction(editor, { id: live.id, version: edited.version, action: "publish" }));
    expect((await findPublishedArticle(live.slug))?.title).toBe(`Author’s fix ${RUN}`);
  });

  it("records the old slug of a published article as a redirect, and reclaims it when changed back", async () => {
    const live = await publishedArticle({ title: `Original slug ${RUN}` });
    const oldSlug = live.slug;
    const newSlug = `renamed-story-${RUN}`;
    const edited = ok(await saveArticle(editor, { id: live.id, version: live.version, content: content({ title: live.title, slug: newSlug }) })).article;
    expect(await findRedirectedSlug(oldSlug)).toBeNull(); // pending: the old URL is still the live one
    const published = ok(await runWorkflowAction(editor, { id: live.id, version: edited.version, action: "publish" }));
    expect(published.publicChange).toMatchObject({ slug: newSlug, previousSlug: oldSlug });
    expect(await findRedirectedSlug(oldSlug)).toBe(newSlug);
    expect(await db.auditEvent.count({ where: { targetId: live.id, action: "article.slug_changed" } })).toBe(1);

    const back = ok(await saveArticle(editor, { id: live.id, version: published.article.version, content: content({ title: live.title, slug: oldSlug }) })).article;
    ok(await runWorkflowAction(editor, { id: live.id, version: back.version, action: "publish" }));
    expect(await findRedirectedSlug(newSlug)).toBe(oldSlug);
    expect(await db.slugRedirect.findUnique({ where: { slug: oldSlug } })).toBeNull();
  });
});

describe("revisions", () => {
  it("restores an old revision as a new revision, with an audit row", async () => {
    const draft = await newDraft({ body: "<p>Version one.</p>" });
    const second = ok(await saveArticle(author, { id: draft.id, version: 1, content: content({ title: draft.title, slug: draft.slug, body: "<p>Version two.</p>" }) })).article;
    const first = await db.revision.findFirstOrThrow({ where: { articleId: draft.id, version: 1 } });
    const restored = ok(await restoreRevision(author, { id: draft.id, version: second.version, revisionId: first.id })).article;
    expect(restored.body).toBe("<p>Version one.</p>");
    expect(restored.version).toBe(3);
    const kinds = (await db.revision.findMany({ where: { articleId: draft.id }, orderBy: { createdAt: "asc" } })).map((revision) => revision.kind);
    expect(kinds).toEqual(["SAVE", "SAVE", "RESTORE"]);
    expect(await db.auditEvent.count({ where: { targetId: draft.id, action: "article.restored", actorId: author.id } })).toBe(1);
    expect(await restoreRevision(author, { id: draft.id, version: second.version, revisionId: first.id })).toMatchObject({ ok: false, kind: "conflict" });
  });
});

describe("editor list", () => {
  it("shows authors only their own articles, and filters by tab, search and mine", async () => {
    const mine = await newDraft({ title: `Listed mine ${RUN}` });
    const theirs = await newDraft({ title: `Listed theirs ${RUN}` }, otherAuthor);
    const asAuthor = await listEditorArticles({ ...author }, editorListSchema.parse({ q: `Listed` }));
    expect(asAuthor.items.map((item) => item.id)).toContain(mine.id);
    expect(asAuthor.items.map((item) => item.id)).not.toContain(theirs.id);

    const asEditor = await listEditorArticles({ ...editor }, editorListSchema.parse({ status: "drafts", q: `listed` }));
    expect(asEditor.items.map((item) => item.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect(asEditor.items[0]!.updatedAt.getTime()).toBeGreaterThanOrEqual(asEditor.items.at(-1)!.updatedAt.getTime());
    const byAuthor = await listEditorArticles({ ...editor }, editorListSchema.parse({ q: `Listed`, author: otherAuthor.id }));
    expect(byAuthor.items.map((item) => item.id)).toEqual([theirs.id]);
    const editorsOwn = await listEditorArticles({ ...editor }, editorListSchema.parse({ q: `Listed`, mine: "1" }));
    expect(editorsOwn.items).toEqual([]);
    expect(asEditor.counts.drafts).toBeGreaterThanOrEqual(2);
  });

  it("flags scheduled articles whose time has passed as overdue", async () => {
    const draft = await newDraft({ title: `Overdue ${RUN}` });
    ok(await runWorkflowAction(editor, { id: draft.id, version: 1, action: "schedule", scheduledAt: new Date(Date.now() + 1000) }));
    const later = new Date(Date.now() + 5 * 60_000);
    const list = await listEditorArticles({ ...editor }, editorListSchema.parse({ status: "scheduled", q: `Overdue ${RUN}` }), later);
    expect(list.overdueCount).toBeGreaterThanOrEqual(1);
    expect(list.items[0]).toMatchObject({ id: draft.id, overdue: true });
  });
});

describe("deleting", () => {
  it("deletes a live article with its history and old slugs, audits it and names the pages to revalidate", async () => {
    const live = await publishedArticle({ title: `To be deleted ${RUN}`, tags: `Doomed ${RUN}` });
    const renamed = ok(await saveArticle(editor, { id: live.id, version: live.version, content: content({ title: live.title, slug: `deleted-renamed-${RUN}`, tags: `Doomed ${RUN}` }) })).article;
    const moved = ok(await runWorkflowAction(editor, { id: live.id, version: renamed.version, action: "publish" })).article;
    await db.correction.create({ data: { articleId: live.id, selectedText: "typo" } });
    expect(await findRedirectedSlug(live.slug)).toBe(moved.slug);

    const result = await deleteArticle(editor, { id: live.id, version: moved.version }, { ip: "203.0.113.9" });
    if (!result.ok) throw new Error(result.message);
    expect(result.title).toBe(live.title);
    expect(result.publicChanges).toEqual([
      expect.objectContaining({ slug: moved.slug, categorySlugs: [`politics-${RUN}`], tagSlugs: [`doomed-${RUN}`], authorSlug: author.slug }),
      { slug: live.slug },
    ]);
    expect(await db.article.findUnique({ where: { id: live.id } })).toBeNull();
    expect(await db.revision.count({ where: { articleId: live.id } })).toBe(0);
    expect(await db.slugRedirect.count({ where: { articleId: live.id } })).toBe(0);
    expect(await db.correction.count({ where: { articleId: live.id } })).toBe(0);
    expect(await findPublishedArticle(moved.slug)).toBeNull();
    expect(await findRedirectedSlug(live.slug)).toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "article.deleted", targetId: live.id } });
    expect(audit).toMatchObject({ actorId: editor.id, targetName: live.title, ip: "203.0.113.9" });
    expect(audit.data).toMatchObject({ slug: moved.slug, status: "PUBLISHED", oldSlugs: [live.slug] });
    // The slugs are free again.
    expect((await newDraft({ title: `Reuse ${RUN}`, slug: live.slug })).slug).toBe(live.slug);
  });

  it("lets an author delete only their own draft that was never published", async () => {
    const own = await newDraft();
    const others = await newDraft({}, otherAuthor);
    expect(await deleteArticle(author, { id: others.id, version: others.version })).toMatchObject({ ok: false, kind: "forbidden" });
    const submitted = ok(await runWorkflowAction(author, { id: own.id, version: own.version, action: "submit" })).article;
    expect(await deleteArticle(author, { id: own.id, version: submitted.version })).toMatchObject({ ok: false, kind: "forbidden" });

    // Published once, then archived and reopened: a draft again, but readers saw it.
    const once = await publishedArticle();
    const archived = ok(await runWorkflowAction(editor, { id: once.id, version: once.version, action: "archive" })).article;
    const reopened = ok(await runWorkflowAction(editor, { id: once.id, version: archived.version, action: "reopen" })).article;
    expect(reopened.status).toBe("DRAFT");
    expect(await deleteArticle(author, { id: once.id, version: reopened.version })).toMatchObject({ ok: false, kind: "forbidden" });

    const fresh = await newDraft();
    const deleted = await deleteArticle(author, { id: fresh.id, version: fresh.version });
    expect(deleted).toMatchObject({ ok: true, publicChanges: [] });
    expect(await db.article.count({ where: { id: { in: [fresh.id, others.id, once.id] } } })).toBe(2);
  });

  it("refuses to delete a version the editor has not seen, and an article that is gone", async () => {
    const draft = await newDraft();
    ok(await saveArticle(author, { id: draft.id, version: 1, content: content({ title: `Changed meanwhile ${RUN}` }) }));
    const stale = await deleteArticle(editor, { id: draft.id, version: 1 });
    expect(stale).toMatchObject({ ok: false, kind: "conflict", message: expect.stringContaining("Nothing was deleted") });
    expect(await db.article.count({ where: { id: draft.id } })).toBe(1);
    expect(await deleteArticle(editor, { id: draft.id, version: 2 })).toMatchObject({ ok: true });
    expect(await deleteArticle(editor, { id: draft.id, version: 3 })).toMatchObject({ ok: false, kind: "not_found" });
  });
});
