// Runs once when a server instance starts (Next.js instrumentation hook).
// Starts the in-process scheduler that publishes SCHEDULED articles on time;
// every instance runs it, and the database decides which one publishes what
// (lib/articles/scheduler.ts). LEDE_SCHEDULER=off disables it (e.g. for a
// read-only replica).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.LEDE_SCHEDULER === "off" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startScheduler } = await import("./lib/articles/scheduler");
  startScheduler();
}
