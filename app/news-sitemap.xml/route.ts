import { XML_HEADERS, renderNewsSitemap } from "@/lib/seo/documents";

// Rendered per request: its two-day window moves with the clock.
export const dynamic = "force-dynamic";

export async function GET() {
  return new Response(await renderNewsSitemap(), { headers: XML_HEADERS });
}
