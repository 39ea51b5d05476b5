import { z } from "zod";

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const name = z.string().trim().min(1, "Name the category").max(60, "At most 60 characters");
const slug = z
  .string()
  .trim()
  .toLowerCase()
  .max(60, "At most 60 characters")
  .refine((value) => value === "" || SLUG_PATTERN.test(value), "Use lowercase letters, digits and single hyphens, e.g. other-countries");
const description = z.string().trim().max(300, "At most 300 characters");
const id = z.string().trim().min(1).max(40);

/** "New category": from /editor/categories (name, slug, description) or the editor's inline add (name only). */
export const createCategorySchema = z.object({
  name,
  /** Empty: made from the name. */
  slug: slug.optional().default(""),
  description: description.optional().default(""),
});
export type CreateCategoryInput = z.infer<typeof createCategorySchema>;

export const updateCategorySchema = z.object({
  id,
  name,
  slug: slug.refine((value) => value !== "", "Give the category an address"),
  description: description.optional().default(""),
});
export type UpdateCategoryInput = z.infer<typeof updateCategorySchema>;

export const moveCategorySchema = z.object({ id, direction: z.enum(["up", "down"]) });

/** Deleting: a category with articles needs somewhere for them to go ("" = Uncategorized). */
export const deleteCategorySchema = z.object({
  id,
  moveTo: z.string().trim().max(40).optional(),
});
