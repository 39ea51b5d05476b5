import { categoryList } from "@/components/site/list-page-routes";

// Page N of a category, reached as `/categories/[slug]?page=N` (lib/seo/list-rewrites.cjs).
// Cached (ISR) until its stories change: rendered on first visit, nothing at build time.
export const revalidate = false;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export const generateMetadata = categoryList.generateMetadata;
export default categoryList.Page;
