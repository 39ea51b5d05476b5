import { renderRobots } from "@/lib/seo/documents";

export const dynamic = "force-static";

export async function GET() {
  return new Response(await renderRobots(), { headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
