import { authorList } from "@/components/site/list-page-routes";

// Page 1 of an author's stories; `?page=N` goes to ./page/[page] (lib/seo/list-rewrites.cjs).
// Cached (ISR) until its stories change: rendered on first visit, nothing at build time.
export const revalidate = false;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export const generateMetadata = authorList.generateMetadata;
export default authorList.Page;
