import { authorList } from "@/components/site/list-page-routes";

// Page N of an author's stories, reached as `/authors/[slug]?page=N` (lib/seo/list-rewrites.cjs).
// Cached (ISR) until its stories change: rendered on first visit, nothing at build time.
export const revalidate = false;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export const generateMetadata = authorList.generateMetadata;
export default authorList.Page;
