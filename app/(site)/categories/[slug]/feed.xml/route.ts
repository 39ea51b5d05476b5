import { RSS_HEADERS, renderArticleFeed } from "@/lib/feeds/articles";

export const dynamic = "force-static";
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const feed = await renderArticleFeed((await params).slug);
  if (feed === null) return new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(feed, { headers: RSS_HEADERS });
}
