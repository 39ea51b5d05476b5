import type { Instrumentation } from "next";

// Runs once when a server instance starts (Next.js instrumentation hook).
// Starts the in-process scheduler that publishes SCHEDULED articles on time;
// every instance runs it, and the database decides which one publishes what
// (lib/articles/scheduler.ts). LEDE_SCHEDULER=off disables it (e.g. for a
// read-only replica). At shutdown (scripts/serve.mjs, once requests in flight
// are done) the scheduler finishes its pass, then the database pool closes.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { onShutdown } = await import("./lib/observability/lifecycle.cjs");
  if (process.env.LEDE_SCHEDULER !== "off") {
    const { startScheduler, stopScheduler } = await import("./lib/articles/scheduler");
    startScheduler();
    onShutdown("scheduler", stopScheduler);
  }
  const { db } = await import("./lib/db");
  onShutdown("database", () => db.$disconnect());
}

// Next prints the stack itself; this adds one structured line that ties the error to its request id.
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logger } = await import("./lib/observability/logger.cjs");
  const header = request.headers["x-request-id"];
  const { message, digest } = error as Error & { digest?: string };
  logger.error(
    { requestId: Array.isArray(header) ? header[0] : header, method: request.method, route: context.routePath, routeType: context.routeType, digest, err: message },
    "request error",
  );
};
