import "server-only";
import { db } from "@/lib/db";

export async function checkDatabase(): Promise<{ ok: boolean; dialect: string; latencyMs: number }> {
  const started = performance.now();
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return { ok: true, dialect: db.dialect, latencyMs: Math.round(performance.now() - started) };
  } catch {
    return { ok: false, dialect: db.dialect, latencyMs: Math.round(performance.now() - started) };
  }
}
