import { metricsAccess } from "@/lib/observability/metrics-access";
import { renderMetrics } from "@/lib/observability/metrics.cjs";

// This instance's own metrics, in Prometheus text format (scrape each instance, not the load balancer).
export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

export async function GET(request: Request) {
  const access = metricsAccess(request.headers.get("authorization"));
  if (access === "disabled") return new Response("Not Found", { status: 404, headers: NO_STORE });
  if (access === "denied") {
    return new Response("Unauthorized", { status: 401, headers: { ...NO_STORE, "WWW-Authenticate": 'Bearer realm="metrics"' } });
  }
  const { body, contentType } = await renderMetrics();
  return new Response(body, { headers: { ...NO_STORE, "Content-Type": contentType } });
}
