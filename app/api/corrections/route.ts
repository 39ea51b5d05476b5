// POST /api/corrections — a reader's typo report (the article page's "Report a typo").
// Anonymous by design; JSON only (a cross-site form cannot send it without a CORS
// preflight, which this route does not answer), rate-limited per IP, and only for
// published articles. 201 stored · 400 bad input · 404 no such article · 429 too many.
import { NextResponse, type NextRequest } from "next/server";
import { ipFromHeaders } from "@/lib/audit/request";
import { typoReportSchema } from "@/lib/corrections/schema";
import { takeRateLimit, TYPO_REPORT_LIMIT } from "@/lib/corrections/rate-limit";
import { createTypoReport } from "@/lib/corrections/service";

export const dynamic = "force-dynamic";

export async function POST(request: NextRequest) {
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) {
    return NextResponse.json({ error: "Send the report as JSON." }, { status: 415 });
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return NextResponse.json({ error: "The report is not valid JSON." }, { status: 400 });
  }
  const parsed = typoReportSchema.safeParse(body);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "report")] ??= []).push(issue.message);
    return NextResponse.json({ error: parsed.error.issues[0]?.message ?? "Invalid report.", fieldErrors }, { status: 400 });
  }

  const ip = ipFromHeaders((name) => request.headers.get(name)) ?? "unknown";
  try {
    if (!(await takeRateLimit(`typo-report:${ip}`, TYPO_REPORT_LIMIT))) {
      return NextResponse.json(
        { error: "Too many reports from your network just now. Please try again in a few minutes." },
        { status: 429, headers: { "Retry-After": String(TYPO_REPORT_LIMIT.windowMs / 1000) } },
      );
    }
    const result = await createTypoReport(parsed.data);
    if (!result.ok) return NextResponse.json({ error: "This article is not published." }, { status: 404 });
    return NextResponse.json({ ok: true, id: result.id }, { status: 201 });
  } catch (error) {
    console.error("Typo report failed", error);
    return NextResponse.json({ error: "The report could not be saved. Please try again." }, { status: 500 });
  }
}
