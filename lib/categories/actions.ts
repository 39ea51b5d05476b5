"use server";
import { validatedAction } from "@/lib/auth/action";
import { revalidateTaxonomyOrAuthors } from "@/lib/cache/public";
import { createCategorySchema } from "./schema";
import { createCategory } from "./service";

/** "New category" in the editor's Category field (EDITOR+). */
export const createCategoryAction = validatedAction(createCategorySchema, { permission: "taxonomy.manage" }, async (input, user) => {
  const result = await createCategory(user, input.name);
  if (!result.ok) return { status: "error", message: result.message, fieldErrors: result.field ? { name: [result.message] } : undefined, values: { name: input.name } };
  await revalidateTaxonomyOrAuthors();
  return { status: "success", message: `Category “${result.category.name}” added`, data: result.category };
});
