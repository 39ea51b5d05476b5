import { RSS_HEADERS, renderArticleFeed } from "@/lib/feeds/articles";

// Cached until an article changes (lib/cache/public.ts), like the pages.
export const dynamic = "force-static";

export async function GET() {
  return new Response(await renderArticleFeed(null), { headers: RSS_HEADERS });
}
