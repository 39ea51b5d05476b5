import { getRedirectedCategorySlug } from "@/lib/categories/data";
import { RSS_HEADERS, renderArticleFeed } from "@/lib/feeds/articles";
import { categoryFeedPath } from "@/lib/seo/paths";

export const dynamic = "force-static";
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const feed = await renderArticleFeed(slug);
  if (feed === null) {
    // A renamed category's old feed address answers 308 to its current one.
    const current = await getRedirectedCategorySlug(slug);
    if (current) return new Response(null, { status: 308, headers: { Location: categoryFeedPath(current) } });
    return new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  return new Response(feed, { headers: RSS_HEADERS });
}
