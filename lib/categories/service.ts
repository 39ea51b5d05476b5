import "server-only";
// Category writes for /editor/categories and the editor's inline "New category"
// (EDITOR+). Each checks `can(...)` itself and writes its audit row in the same
// transaction; the caller revalidates the public pages (every page shows the
// section navigation).
import { db, Prisma } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/service";
import { rewritePendingChanges } from "@/lib/articles/service";
import { slugify } from "@/lib/text/slugify";
import type { CreateCategoryInput, UpdateCategoryInput } from "./schema";

type Tx = Prisma.TransactionClient;
type Options = { ip?: string | null };
export type CategoryActor = Actor & { email: string };

export type CreatedCategory = { id: string; name: string; slug: string };
export type CategoryFailure = { ok: false; message: string; fieldErrors?: Partial<Record<string, string[]>> };
export type CreateCategoryResult = { ok: true; category: CreatedCategory } | CategoryFailure;

const FORBIDDEN: CategoryFailure = { ok: false, message: "You don’t have permission to do that." };
const GONE: CategoryFailure = { ok: false, message: "This category no longer exists." };
const NAME_TAKEN = "A category with this name already exists";
const SLUG_TAKEN = "Another category uses this address";

const tidy = (name: string) => name.trim().replace(/\s+/g, " ");
const fieldError = (field: "name" | "slug", message: string): CategoryFailure => ({ ok: false, message, fieldErrors: { [field]: [message] } });

/** Whether `slug` is another category's address, current or old (it redirects there). */
async function slugTaken(client: Tx | typeof db, slug: string, exceptId: string | null): Promise<boolean> {
  const [category, redirect] = await Promise.all([
    client.category.findFirst({ where: { slug, ...(exceptId ? { NOT: { id: exceptId } } : {}) }, select: { id: true } }),
    client.categorySlugRedirect.findFirst({ where: { slug, ...(exceptId ? { NOT: { categoryId: exceptId } } : {}) }, select: { slug: true } }),
  ]);
  return Boolean(category || redirect);
}

function isUniqueViolation(error: unknown): error is Prisma.PrismaClientKnownRequestError {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Adds a category at the end of the order; without a slug, one is made from the name and kept unique. */
export async function createCategory(actor: CategoryActor, input: CreateCategoryInput, options: Options = {}): Promise<CreateCategoryResult> {
  if (!can(actor, "taxonomy.manage")) return FORBIDDEN;
  const name = tidy(input.name);
  if (await db.category.findFirst({ where: { name }, select: { id: true } })) return fieldError("name", NAME_TAKEN);
  if (input.slug && (await slugTaken(db, input.slug, null))) return fieldError("slug", SLUG_TAKEN);
  const base = input.slug || slugify(name) || "category";
  for (let n = 1; n < 100; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!input.slug && (await slugTaken(db, slug, null))) continue;
    try {
      const category = await db.$transaction(async (tx) => {
        const position = ((await tx.category.aggregate({ _max: { position: true } }))._max.position ?? 0) + 1;
        const created = await tx.category.create({ data: { name, slug, position, description: input.description || null }, select: { id: true, name: true, slug: true } });
        await recordAudit(tx, { actor, action: "category.created", targetType: "category", targetId: created.id, targetName: name, ip: options.ip, data: { slug } });
        return created;
      });
      return { ok: true, category };
    } catch (error) {
      // Someone added the same name or slug a moment ago.
      if (!isUniqueViolation(error)) throw error;
      if (await db.category.findFirst({ where: { name }, select: { id: true } })) return fieldError("name", NAME_TAKEN);
      if (input.slug) return fieldError("slug", SLUG_TAKEN);
    }
  }
  return fieldError("name", "Could not find a free address for this category; try another name");
}

export type UpdateCategoryResult = { ok: true; previousSlug: string | null; slug: string } | CategoryFailure;

/**
 * Renames a category or changes its address or description. A new address
 * keeps the old one as a redirect; going back to an old address reclaims it.
 */
export async function updateCategory(actor: CategoryActor, input: UpdateCategoryInput, options: Options = {}): Promise<UpdateCategoryResult> {
  if (!can(actor, "taxonomy.manage")) return FORBIDDEN;
  const name = tidy(input.name);
  const current = await db.category.findUnique({ where: { id: input.id } });
  if (!current) return GONE;
  if (await db.category.findFirst({ where: { name, NOT: { id: current.id } }, select: { id: true } })) return fieldError("name", NAME_TAKEN);
  if (input.slug !== current.slug && (await slugTaken(db, input.slug, current.id))) return fieldError("slug", SLUG_TAKEN);
  const description = input.description || null;
  const changed: Record<string, { from: string | null; to: string | null }> = {};
  if (name !== current.name) changed.name = { from: current.name, to: name };
  if (input.slug !== current.slug) changed.slug = { from: current.slug, to: input.slug };
  if (description !== current.description) changed.description = { from: current.description, to: description };
  if (Object.keys(changed).length === 0) return { ok: true, previousSlug: null, slug: current.slug };

  try {
    await db.$transaction(async (tx) => {
      if (changed.slug) {
        await tx.categorySlugRedirect.deleteMany({ where: { slug: input.slug } });
        await tx.categorySlugRedirect.upsert({ where: { slug: current.slug }, create: { slug: current.slug, categoryId: current.id }, update: { categoryId: current.id } });
      }
      await tx.category.update({ where: { id: current.id }, data: { name, slug: input.slug, description } });
      await recordAudit(tx, { actor, action: "category.updated", targetType: "category", targetId: current.id, targetName: name, ip: options.ip, data: { changed } });
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return (await db.category.findFirst({ where: { name, NOT: { id: current.id } }, select: { id: true } })) ? fieldError("name", NAME_TAKEN) : fieldError("slug", SLUG_TAKEN);
  }
  return { ok: true, previousSlug: changed.slug ? current.slug : null, slug: input.slug };
}

/** Moves a category one place up or down in the section order (front page and navigation). */
export async function moveCategory(actor: CategoryActor, input: { id: string; direction: "up" | "down" }): Promise<{ ok: true } | CategoryFailure> {
  if (!can(actor, "taxonomy.manage")) return FORBIDDEN;
  return db.$transaction(async (tx) => {
    const ordered = await tx.category.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, position: true } });
    const from = ordered.findIndex((category) => category.id === input.id);
    if (from < 0) return GONE;
    const to = input.direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= ordered.length) return { ok: true as const };
    const order = ordered.map((category) => category.id);
    [order[from], order[to]] = [order[to]!, order[from]!];
    // Positions become 1..n in the new order (ties from imports are settled for good).
    for (const [index, id] of order.entries()) {
      if (ordered.find((category) => category.id === id)!.position !== index + 1) await tx.category.update({ where: { id }, data: { position: index + 1 } });
    }
    return { ok: true as const };
  });
}

export type DeleteCategoryResult = { ok: true; name: string; slugs: string[]; moved: number; movedTo: { name: string; slug: string } | null } | CategoryFailure;

/**
 * Deletes a category. One with articles (published or not) is deleted only
 * with somewhere for them to go: another category, or none ("" = Uncategorized);
 * live articles' pending changes move along.
 */
export async function deleteCategory(actor: CategoryActor, input: { id: string; moveTo?: string }, options: Options = {}): Promise<DeleteCategoryResult> {
  if (!can(actor, "taxonomy.manage")) return FORBIDDEN;
  if (input.moveTo === input.id) return { ok: false, message: "Choose another category for its articles." };
  return db.$transaction(async (tx) => {
    const category = await tx.category.findUnique({ where: { id: input.id }, include: { redirects: { select: { slug: true } } } });
    if (!category) return GONE;
    const target = input.moveTo ? await tx.category.findUnique({ where: { id: input.moveTo }, select: { id: true, name: true, slug: true } }) : null;
    if (input.moveTo && !target) return { ok: false, message: "The category to move the articles to no longer exists." };
    const count = await tx.article.count({ where: { categoryId: category.id } });
    if (count > 0 && input.moveTo === undefined) {
      return { ok: false, message: `“${category.name}” has ${count} ${count === 1 ? "article" : "articles"}. Choose where they go, then delete.` };
    }
    const moved = count > 0 ? (await tx.article.updateMany({ where: { categoryId: category.id }, data: { categoryId: target?.id ?? null } })).count : 0;
    await rewritePendingChanges(tx, (pending) => (pending.categoryId === category.id ? { ...pending, categoryId: target?.id ?? null } : null));
    await tx.category.delete({ where: { id: category.id } });
    await recordAudit(tx, {
      actor,
      action: "category.deleted",
      targetType: "category",
      targetId: category.id,
      targetName: category.name,
      ip: options.ip,
      data: { slug: category.slug, articlesMoved: moved, ...(moved ? { movedTo: target?.name ?? "Uncategorized" } : {}) },
    });
    return { ok: true as const, name: category.name, slugs: [category.slug, ...category.redirects.map(({ slug }) => slug)], moved, movedTo: target ? { name: target.name, slug: target.slug } : null };
  });
}
