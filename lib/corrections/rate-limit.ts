import "server-only";
import { db, Prisma } from "@/lib/db";

// Reader rate limits in the RateLimit table, so every app instance counts together.

export type RateLimitPolicy = { max: number; windowMs: number };

/** 5 typo reports per 10 minutes per IP. */
export const TYPO_REPORT_LIMIT: RateLimitPolicy = { max: 5, windowMs: 10 * 60_000 };

/**
 * Counts one hit for `key`; false when the window's budget is already spent.
 * Every step is one conditional statement, so concurrent hits (several app
 * instances, a burst from one reader) never get more than `max` through.
 */
export async function takeRateLimit(key: string, policy: RateLimitPolicy, now = new Date()): Promise<boolean> {
  const windowFloor = new Date(now.getTime() - policy.windowMs);
  const countInWindow = () =>
    db.rateLimit.updateMany({ where: { key, windowStart: { gt: windowFloor }, count: { lt: policy.max } }, data: { count: { increment: 1 } } });

  if ((await countInWindow()).count === 1) return true;
  // No row yet: the first hit opens the window (the primary key lets one creator win).
  try {
    await db.rateLimit.create({ data: { key, count: 1, windowStart: now } });
    return true;
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
  }
  // The row's window is over: exactly one hit restarts it.
  const restarted = await db.rateLimit.updateMany({ where: { key, windowStart: { lte: windowFloor } }, data: { count: 1, windowStart: now } });
  if (restarted.count === 1) return true;
  // Someone else opened or restarted the window meanwhile: count in it if there is room.
  return (await countInWindow()).count === 1;
}
