import "server-only";
import { db } from "@/lib/db";

export async function listCategories() {
  return db.category.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true, slug: true } });
}
