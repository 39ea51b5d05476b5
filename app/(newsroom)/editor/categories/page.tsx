import type { Metadata } from "next";
import Link from "next/link";
import { CategoryManager } from "@/components/newsroom/taxonomy/category-manager.client";
import { requirePermission } from "@/lib/auth/session";
import { listCategoriesForNewsroom } from "@/lib/categories/data";

export const metadata: Metadata = { title: "Categories" };

export default async function CategoriesPage() {
  await requirePermission("taxonomy.manage");
  const { categories, uncategorized } = await listCategoriesForNewsroom();
  return (
    <>
      <div className="nr-page-header">
        <div>
          <h1>Categories</h1>
          <p>
            The site’s sections, in the order of the front page and its navigation. Tags are managed under <Link href="/editor/tags">Tags</Link>.
          </p>
        </div>
      </div>
      <CategoryManager categories={categories} uncategorized={uncategorized} />
    </>
  );
}
