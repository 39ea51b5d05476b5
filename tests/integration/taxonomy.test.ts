// Categories and tags as editors manage them, against the real database named
// by DATABASE_URL: create, rename with old-address redirects, reorder, delete
// with articles moved (pending changes of live articles included); tag rename,
// merge and delete; audit rows; authors refused.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { databaseUrl } from "@/lib/config";
import { migrate } from "@/lib/db/migrate";
import { findPublishedArticle } from "@/lib/articles/data";
import { createArticle, parsePending, runWorkflowAction, saveArticle, type EditorActor } from "@/lib/articles/service";
import { articleContentSchema } from "@/lib/articles/schema";
import { findCategoryBySlug, findRedirectedCategorySlug, listCategoriesForNewsroom } from "@/lib/categories/data";
import { createCategorySchema, updateCategorySchema } from "@/lib/categories/schema";
import { createCategory, deleteCategory, moveCategory, updateCategory } from "@/lib/categories/service";
import { findRedirectedTagSlug, listTagsForNewsroom } from "@/lib/tags/data";
import { deleteTag, mergeTags, updateTag } from "@/lib/tags/manage";

const RUN = randomUUID().slice(0, 8);
let editor: EditorActor;
let author: EditorActor;

async function makeUser(role: "AUTHOR" | "EDITOR") {
  const slug = `${role.toLowerCase()}-tax-${RUN}`;
  const user = await db.user.create({ data: { email: `${slug}@example.test`, name: `${role} ${RUN}`, slug, role } });
  return { id: user.id, role: user.role, email: user.email };
}

async function category(name: string, extra: { slug?: string; description?: string } = {}) {
  const result = await createCategory(editor, createCategorySchema.parse({ name: `${name} ${RUN}`, ...extra }));
  if (!result.ok) throw new Error(result.message);
  return result.category;
}

/** A published article in `categoryId` with `tags`, written and published through the article service. */
async function liveArticle(categoryId: string | null, tags: string[] = []) {
  const input = articleContentSchema.parse({ title: `Story ${randomUUID().slice(0, 6)} ${RUN}`, body: "<p>Text.</p>", categoryId: categoryId ?? "", tags: tags.join(", ") });
  const created = await createArticle(editor, input);
  if (!created.ok) throw new Error(created.message);
  const published = await runWorkflowAction(editor, { id: created.article.id, version: created.article.version, action: "publish" });
  if (!published.ok) throw new Error(published.message);
  return { ...published.article, input };
}

beforeAll(async () => {
  await migrate(databaseUrl());
  editor = await makeUser("EDITOR");
  author = await makeUser("AUTHOR");
});

describe("categories", () => {
  it("creates with a slug from the name (or the one given), refuses duplicates and authors, and audits", async () => {
    const science = await category("Science");
    expect(science.slug).toBe(`science-${RUN}`);
    const given = await category("Culture", { slug: `arts-${RUN}`, description: "Books and films" });
    expect(await findCategoryBySlug(`arts-${RUN}`)).toMatchObject({ name: `Culture ${RUN}`, description: "Books and films" });
    expect(await createCategory(editor, createCategorySchema.parse({ name: `Science ${RUN}` }))).toMatchObject({ ok: false, fieldErrors: { name: ["A category with this name already exists"] } });
    expect(await createCategory(editor, createCategorySchema.parse({ name: `Other ${RUN}`, slug: given.slug }))).toMatchObject({ ok: false, fieldErrors: { slug: ["Another category uses this address"] } });
    expect(await createCategory(author, createCategorySchema.parse({ name: `Author's ${RUN}` }))).toMatchObject({ ok: false, message: "You don’t have permission to do that." });
    expect(await db.auditEvent.count({ where: { action: "category.created", targetId: science.id, actorId: editor.id } })).toBe(1);
  });

  it("changes the address and keeps the old one as a redirect; going back reclaims it", async () => {
    const economy = await category("Economy");
    const renamed = await updateCategory(editor, updateCategorySchema.parse({ id: economy.id, name: `Economy & Money ${RUN}`, slug: `money-${RUN}`, description: "Markets" }), { ip: "192.0.2.7" });
    expect(renamed).toEqual({ ok: true, previousSlug: economy.slug, slug: `money-${RUN}` });
    expect(await findCategoryBySlug(economy.slug)).toBeNull();
    expect(await findRedirectedCategorySlug(economy.slug)).toBe(`money-${RUN}`);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "category.updated", targetId: economy.id } });
    expect(audit.data).toEqual({ changed: { name: { from: economy.name, to: `Economy & Money ${RUN}` }, slug: { from: economy.slug, to: `money-${RUN}` }, description: { from: null, to: "Markets" } } });

    // No other category may take an address that redirects here.
    const other = await category("Markets");
    expect(await updateCategory(editor, updateCategorySchema.parse({ id: other.id, name: other.name, slug: economy.slug }))).toMatchObject({ ok: false, fieldErrors: { slug: ["Another category uses this address"] } });

    expect(await updateCategory(editor, updateCategorySchema.parse({ id: economy.id, name: `Economy ${RUN}`, slug: economy.slug }))).toMatchObject({ ok: true, previousSlug: `money-${RUN}` });
    expect(await findRedirectedCategorySlug(economy.slug)).toBeNull();
    expect(await findRedirectedCategorySlug(`money-${RUN}`)).toBe(economy.slug);
    const listed = (await listCategoriesForNewsroom()).categories.find((row) => row.id === economy.id);
    expect(listed).toMatchObject({ slug: economy.slug, oldSlugs: [`money-${RUN}`] });
  });

  it("moves a category up and down in the site order", async () => {
    const [a, b, c] = [await category("Order A"), await category("Order B"), await category("Order C")];
    const order = async () => (await listCategoriesForNewsroom()).categories.map((row) => row.id).filter((id) => [a.id, b.id, c.id].includes(id));
    expect(await order()).toEqual([a.id, b.id, c.id]);
    expect(await moveCategory(editor, { id: c.id, direction: "up" })).toEqual({ ok: true });
    expect(await order()).toEqual([a.id, c.id, b.id]);
    await moveCategory(editor, { id: a.id, direction: "down" });
    expect(await order()).toEqual([c.id, a.id, b.id]);
    expect(await moveCategory(author, { id: a.id, direction: "up" })).toMatchObject({ ok: false });
  });

  it("deletes an empty category, but one with articles only with somewhere for them to go", async () => {
    const empty = await category("Empty");
    expect(await deleteCategory(editor, { id: empty.id })).toMatchObject({ ok: true, moved: 0, slugs: [empty.slug] });

    const from = await category("Leaving");
    const to = await category("Staying");
    const live = await liveArticle(from.id);
    const draft = await createArticle(editor, articleContentSchema.parse({ title: `Draft in ${RUN}`, body: "<p>x</p>", categoryId: from.id }));
    if (!draft.ok) throw new Error(draft.message);
    // A live article whose pending change points at the category.
    const other = await liveArticle(to.id);
    const pending = await saveArticle(editor, { id: other.id, version: other.version, content: { ...other.input, categoryId: from.id } });
    expect(pending).toMatchObject({ ok: true, article: { hasPending: true, categoryId: from.id } });

    expect(await deleteCategory(editor, { id: from.id })).toEqual({ ok: false, message: `“${from.name}” has 2 articles. Choose where they go, then delete.` });
    expect(await deleteCategory(author, { id: from.id, moveTo: to.id })).toMatchObject({ ok: false });
    const deleted = await deleteCategory(editor, { id: from.id, moveTo: to.id }, { ip: "192.0.2.8" });
    expect(deleted).toMatchObject({ ok: true, moved: 2, movedTo: { name: to.name } });
    expect(await db.article.findUniqueOrThrow({ where: { id: live.id } })).toMatchObject({ categoryId: to.id });
    expect(await db.article.findUniqueOrThrow({ where: { id: draft.article.id } })).toMatchObject({ categoryId: to.id });
    expect(parsePending((await db.article.findUniqueOrThrow({ where: { id: other.id } })).pending)?.categoryId).toBe(to.id);
    expect((await findPublishedArticle(live.slug))?.category).toEqual({ name: to.name, slug: to.slug });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "category.deleted", targetId: from.id } });
    expect(audit).toMatchObject({ ip: "192.0.2.8", targetName: from.name, data: { slug: from.slug, articlesMoved: 2, movedTo: to.name } });

    // Or to no category at all.
    const last = await category("Last");
    const orphan = await liveArticle(last.id);
    expect(await deleteCategory(editor, { id: last.id, moveTo: "" })).toMatchObject({ ok: true, moved: 1, movedTo: null });
    expect((await findPublishedArticle(orphan.slug))?.category).toBeNull();
  });
});

describe("tags", () => {
  it("renames a tag and its address; a clash points to Merge", async () => {
    const article = await liveArticle(null, [`Oil ${RUN}`, `Gas ${RUN}`]);
    const oil = await db.tag.findUniqueOrThrow({ where: { slug: `oil-${RUN}` } });
    // A pending change names tags by name: it follows the rename.
    const edit = await saveArticle(editor, { id: article.id, version: article.version, content: { ...article.input, title: `${article.title} (edited)` } });
    expect(edit).toMatchObject({ ok: true, article: { hasPending: true } });

    expect(await updateTag(editor, { id: oil.id, name: `Gas ${RUN}`, slug: oil.slug })).toMatchObject({ ok: false, fieldErrors: { name: [expect.stringContaining("use Merge")] } });
    expect(await updateTag(author, { id: oil.id, name: `Crude ${RUN}`, slug: `crude-${RUN}` })).toMatchObject({ ok: false });
    expect(await updateTag(editor, { id: oil.id, name: `Crude oil ${RUN}`, slug: `crude-oil-${RUN}` })).toMatchObject({ ok: true, previousSlug: `oil-${RUN}` });
    expect(await findRedirectedTagSlug(`oil-${RUN}`)).toBe(`crude-oil-${RUN}`);
    expect((await findPublishedArticle(article.slug))?.tags.map((tag) => tag.slug)).toEqual([`crude-oil-${RUN}`, `gas-${RUN}`]);
    expect(parsePending((await db.article.findUniqueOrThrow({ where: { id: article.id } })).pending)?.tags).toEqual([`Crude oil ${RUN}`, `Gas ${RUN}`]);
    expect(await db.auditEvent.count({ where: { action: "tag.updated", targetId: oil.id } })).toBe(1);
  });

  it("merges a tag into another: its articles carry the other tag once, and it is gone", async () => {
    const both = await liveArticle(null, [`Kyiv ${RUN}`, `Kiev ${RUN}`]);
    const onlyOld = await liveArticle(null, [`Kiev ${RUN}`]);
    const kiev = await db.tag.findUniqueOrThrow({ where: { slug: `kiev-${RUN}` } });
    expect(await mergeTags(editor, { id: kiev.id, into: `nowhere ${RUN}` })).toMatchObject({ ok: false, fieldErrors: { into: [`There is no other tag called “nowhere ${RUN}”.`] } });
    const merged = await mergeTags(editor, { id: kiev.id, into: `kyiv ${RUN}` });
    expect(merged).toMatchObject({ ok: true, source: { name: `Kiev ${RUN}` }, target: { name: `Kyiv ${RUN}` }, moved: 2 });
    expect(await db.tag.findUnique({ where: { id: kiev.id } })).toBeNull();
    // The merged tag's address leads to the tag its articles carry now.
    expect(await findRedirectedTagSlug(`kiev-${RUN}`)).toBe(`kyiv-${RUN}`);
    expect((await findPublishedArticle(both.slug))?.tags.map((tag) => tag.name)).toEqual([`Kyiv ${RUN}`]);
    expect((await findPublishedArticle(onlyOld.slug))?.tags.map((tag) => tag.name)).toEqual([`Kyiv ${RUN}`]);
    expect(await db.auditEvent.findFirst({ where: { action: "tag.merged", data: { not: undefined } }, orderBy: { createdAt: "desc" } })).toMatchObject({ targetName: `Kyiv ${RUN}` });
  });

  it("keeps every old address of a tag through renames and merges, lets a tag take its own old address back, and forgets them on delete", async () => {
    await liveArticle(null, [`Alpha ${RUN}`, `Omega ${RUN}`]);
    const alpha = await db.tag.findUniqueOrThrow({ where: { slug: `alpha-${RUN}` } });
    const omega = await db.tag.findUniqueOrThrow({ where: { slug: `omega-${RUN}` } });
    expect(await updateTag(editor, { id: alpha.id, name: alpha.name, slug: `beta-${RUN}` })).toMatchObject({ ok: true, previousSlug: `alpha-${RUN}` });
    expect(await updateTag(editor, { id: alpha.id, name: alpha.name, slug: `gamma-${RUN}` })).toMatchObject({ ok: true, previousSlug: `beta-${RUN}` });
    expect(await findRedirectedTagSlug(`alpha-${RUN}`)).toBe(`gamma-${RUN}`);
    expect(await findRedirectedTagSlug(`beta-${RUN}`)).toBe(`gamma-${RUN}`);
    // Back to its first address: that one is its page again, not a redirect.
    expect(await updateTag(editor, { id: alpha.id, name: alpha.name, slug: `alpha-${RUN}` })).toMatchObject({ ok: true });
    expect(await findRedirectedTagSlug(`alpha-${RUN}`)).toBeNull();
    expect(await findRedirectedTagSlug(`gamma-${RUN}`)).toBe(`alpha-${RUN}`);
    // Merged into omega: all of alpha's addresses lead to omega.
    expect(await mergeTags(editor, { id: alpha.id, into: omega.name })).toMatchObject({ ok: true });
    for (const old of ["alpha", "beta", "gamma"]) expect(await findRedirectedTagSlug(`${old}-${RUN}`)).toBe(`omega-${RUN}`);
    expect(await deleteTag(editor, { id: omega.id })).toMatchObject({ ok: true });
    for (const old of ["alpha", "beta", "gamma", "omega"]) expect(await findRedirectedTagSlug(`${old}-${RUN}`)).toBeNull();
  });

  it("deletes a tag from every article, and lists tags with their counts", async () => {
    const article = await liveArticle(null, [`Doomed ${RUN}`, `Kept ${RUN}`]);
    const listed = await listTagsForNewsroom({ q: `doomed ${RUN}`, page: 1 });
    expect(listed.tags).toEqual([expect.objectContaining({ name: `Doomed ${RUN}`, articleCount: 1 })]);
    const doomed = listed.tags[0]!;
    expect(await deleteTag(author, { id: doomed.id })).toMatchObject({ ok: false });
    expect(await deleteTag(editor, { id: doomed.id })).toEqual({ ok: true, name: `Doomed ${RUN}`, slug: `doomed-${RUN}`, articles: 1 });
    expect((await findPublishedArticle(article.slug))?.tags.map((tag) => tag.name)).toEqual([`Kept ${RUN}`]);
    expect(await deleteTag(editor, { id: doomed.id })).toEqual({ ok: false, message: "This tag no longer exists." });
  });
});
