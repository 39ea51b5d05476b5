import { auditCsvStream } from "@/lib/audit/data";
import { auditFilterSchema } from "@/lib/audit/schema";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { getSiteSettings } from "@/lib/settings/data";

/** GET /admin/audit/export?actor=&action=&from=&to= — the filtered audit log as CSV (ADMIN only). */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in first.", { status: 401, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if (!can(user, "audit.read")) return new Response("You don’t have permission to export the audit log.", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });

  const { searchParams } = new URL(request.url);
  const { page: _page, ...filter } = auditFilterSchema.parse(Object.fromEntries(searchParams));
  const { timeZone } = await getSiteSettings();
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(auditCsvStream(filter, timeZone), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="lede-audit-${stamp}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
