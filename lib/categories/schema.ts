import { z } from "zod";

export const createCategorySchema = z.object({
  name: z.string().trim().min(1, "Name the category").max(60, "At most 60 characters"),
});
