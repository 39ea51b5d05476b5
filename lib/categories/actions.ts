"use server";
// Category actions (EDITOR+): validatedAction checks the role, the service checks
// it again. A category's name is on every public page (navigation, kickers), so
// each change revalidates the whole public site.
import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/auth/action";
import { requestIp } from "@/lib/audit/request";
import { revalidateTaxonomyOrAuthors } from "@/lib/cache/public";
import { createCategorySchema, deleteCategorySchema, moveCategorySchema, updateCategorySchema } from "./schema";
import { createCategory, deleteCategory, moveCategory, updateCategory } from "./service";

async function changed() {
  await revalidateTaxonomyOrAuthors();
  revalidatePath("/editor/categories");
}

/** "New category", on /editor/categories and inline in the editor's Category field. */
export const createCategoryAction = validatedAction(createCategorySchema, { permission: "taxonomy.manage" }, async (input, user) => {
  const result = await createCategory(user, input, { ip: await requestIp() });
  if (!result.ok) return { status: "error", message: result.message, fieldErrors: result.fieldErrors, values: { name: input.name, slug: input.slug, description: input.description } };
  await changed();
  return { status: "success", message: `Category “${result.category.name}” added`, data: result.category };
});

export const updateCategoryAction = validatedAction(updateCategorySchema, { permission: "taxonomy.manage" }, async (input, user) => {
  const result = await updateCategory(user, input, { ip: await requestIp() });
  if (!result.ok) return { status: "error", message: result.message, fieldErrors: result.fieldErrors, values: { name: input.name, slug: input.slug, description: input.description } };
  await changed();
  return {
    status: "success",
    message: result.previousSlug ? `Saved. /categories/${result.previousSlug} now redirects to /categories/${result.slug}.` : "Saved",
  };
});

export const moveCategoryAction = validatedAction(moveCategorySchema, { permission: "taxonomy.manage" }, async (input, user) => {
  const result = await moveCategory(user, input);
  if (!result.ok) return { status: "error", message: result.message };
  await changed();
  return { status: "success" };
});

export const deleteCategoryAction = validatedAction(deleteCategorySchema, { permission: "taxonomy.manage" }, async (input, user) => {
  const result = await deleteCategory(user, input, { ip: await requestIp() });
  if (!result.ok) return { status: "error", message: result.message };
  await changed();
  const moved = result.moved ? ` Its ${result.moved} ${result.moved === 1 ? "article is" : "articles are"} now in ${result.movedTo?.name ?? "Uncategorized"}.` : "";
  return { status: "success", message: `Deleted “${result.name}”.${moved}` };
});
