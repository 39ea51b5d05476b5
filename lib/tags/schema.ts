import { z } from "zod";

const id = z.string().trim().min(1).max(40);

export const updateTagSchema = z.object({
  id,
  name: z.string().trim().min(1, "Name the tag").max(50, "At most 50 characters"),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Give the tag an address")
    .max(80, "At most 80 characters")
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens, e.g. us-policy"),
});

export const mergeTagSchema = z.object({ id, into: z.string().trim().min(1, "Name the tag to merge into").max(50, "At most 50 characters") });

export const deleteTagSchema = z.object({ id });

export const tagListSchema = z.object({
  q: z.string().trim().max(100).catch(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type TagListQuery = z.infer<typeof tagListSchema>;
