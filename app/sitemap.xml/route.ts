import { XML_HEADERS, renderSitemap } from "@/lib/seo/documents";

export const dynamic = "force-static";

export async function GET() {
  return new Response(await renderSitemap(), { headers: XML_HEADERS });
}
