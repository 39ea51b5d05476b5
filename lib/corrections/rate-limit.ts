import "server-only";
import { db } from "@/lib/db";

// Reader rate limits in the RateLimit table, so every app instance counts together.

export type RateLimitPolicy = { max: number; windowMs: number };

/** 5 typo reports per 10 minutes per IP. */
export const TYPO_REPORT_LIMIT: RateLimitPolicy = { max: 5, windowMs: 10 * 60_000 };

/** Counts one hit for `key`; false when the window's budget is already spent. */
export async function takeRateLimit(key: string, policy: RateLimitPolicy, now = new Date()): Promise<boolean> {
  const windowFloor = new Date(now.getTime() - policy.windowMs);
  // One conditional increment: only succeeds inside the current window and under the limit.
  const counted = await db.rateLimit.updateMany({
    where: { key, windowStart: { gt: windowFloor }, count: { lt: policy.max } },
    data: { count: { increment: 1 } },
  });
  if (counted.count === 1) return true;
  const row = await db.rateLimit.findUnique({ where: { key }, select: { windowStart: true } });
  if (row && row.windowStart > windowFloor) return false;
  // No row yet, or its window is over: start a new window with this hit.
  await db.rateLimit.upsert({ where: { key }, create: { key, count: 1, windowStart: now }, update: { count: 1, windowStart: now } });
  return true;
}
