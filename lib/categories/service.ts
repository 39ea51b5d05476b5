import "server-only";
import { db, Prisma } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { slugify } from "@/lib/text/slugify";

export type CreatedCategory = { id: string; name: string; slug: string };
export type CreateCategoryResult = { ok: true; category: CreatedCategory } | { ok: false; message: string; field?: "name" };

/** Adds a category (EDITOR+); its slug comes from the name and is kept unique. */
export async function createCategory(actor: Actor, name: string): Promise<CreateCategoryResult> {
  if (!can(actor, "taxonomy.manage")) return { ok: false, message: "You don’t have permission to do that." };
  const trimmed = name.trim().replace(/\s+/g, " ");
  const existing = await db.category.findFirst({ where: { name: trimmed }, select: { id: true } });
  if (existing) return { ok: false, field: "name", message: "A category with this name already exists" };
  const base = slugify(trimmed) || "category";
  for (let n = 1; n < 100; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (await db.category.findUnique({ where: { slug }, select: { id: true } })) continue;
    try {
      const position = ((await db.category.aggregate({ _max: { position: true } }))._max.position ?? 0) + 1;
      const category = await db.category.create({ data: { name: trimmed, slug, position }, select: { id: true, name: true, slug: true } });
      return { ok: true, category };
    } catch (error) {
      // Someone added the same name or slug a moment ago.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") continue;
      throw error;
    }
  }
  return { ok: false, field: "name", message: "Could not find a free address for this category; try another name" };
}
