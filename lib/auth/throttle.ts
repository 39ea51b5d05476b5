import "server-only";
import type { Prisma } from "@/lib/db";

// Login throttling, kept in the RateLimit table so it holds across restarts and
// is shared by every app instance.
//
// Per account: 5 failures within 15 minutes lock it for 1 minute, the next
// lock-out 2, then 4, 8… (capped at an hour); a day without a lock-out forgets
// the history. Per IP: a much higher bar (30 failures in 15 minutes), so one
// office behind a NAT — or the browser test suite on 127.0.0.1 — isn't caught by
// its own users, while a password sprayer across many accounts is.

export type ThrottlePolicy = {
  accountMaxFailures: number;
  accountWindowMs: number;
  accountBaseLockMs: number;
  accountMaxLockMs: number;
  /** A lock-out older than this no longer makes the next one longer. */
  strikeMemoryMs: number;
  ipMaxFailures: number;
  ipWindowMs: number;
};

const MINUTE = 60_000;

export const LOGIN_THROTTLE: ThrottlePolicy = {
  accountMaxFailures: 5,
  accountWindowMs: 15 * MINUTE,
  accountBaseLockMs: MINUTE,
  accountMaxLockMs: 60 * MINUTE,
  strikeMemoryMs: 24 * 60 * MINUTE,
  ipMaxFailures: 30,
  ipWindowMs: 15 * MINUTE,
};

export type LoginSubject = { email: string; ip?: string | null };
export type ThrottleVerdict = { locked: false } | { locked: true; retryAfterMs: number };

type Client = Prisma.TransactionClient;

export const accountKey = (email: string) => `login:account:${email.trim().toLowerCase()}`;
export const ipKey = (ip: string) => `login:ip:${ip}`;

/** Whether sign-in is currently refused for this account or IP, and for how long. */
export async function checkLoginThrottle(client: Client, subject: LoginSubject, now = new Date()): Promise<ThrottleVerdict> {
  const keys = [accountKey(subject.email), ...(subject.ip ? [ipKey(subject.ip)] : [])];
  const rows = await client.rateLimit.findMany({ where: { key: { in: keys } }, select: { lockedUntil: true } });
  const until = Math.max(0, ...rows.map((row) => row.lockedUntil?.getTime() ?? 0));
  return until > now.getTime() ? { locked: true, retryAfterMs: until - now.getTime() } : { locked: false };
}

/** Counts one failed attempt against the account and the IP; returns the verdict that now applies. */
export async function recordLoginFailure(
  client: Client,
  subject: LoginSubject,
  now = new Date(),
  policy: ThrottlePolicy = LOGIN_THROTTLE,
): Promise<ThrottleVerdict> {
  await countFailure(client, accountKey(subject.email), now, policy.accountWindowMs, (row) => {
    if (row.count < policy.accountMaxFailures) return null;
    const forgotten = row.lockedUntil && now.getTime() - row.lockedUntil.getTime() > policy.strikeMemoryMs;
    const strikes = (forgotten ? 0 : row.strikes) + 1;
    const lockMs = Math.min(policy.accountBaseLockMs * 2 ** (strikes - 1), policy.accountMaxLockMs);
    return { strikes, lockedUntil: new Date(now.getTime() + lockMs) };
  });
  if (subject.ip) {
    await countFailure(client, ipKey(subject.ip), now, policy.ipWindowMs, (row) =>
      row.count < policy.ipMaxFailures ? null : { strikes: row.strikes + 1, lockedUntil: new Date(now.getTime() + policy.ipWindowMs) },
    );
  }
  return checkLoginThrottle(client, subject, now);
}

/** A successful sign-in clears the account's failures (not the IP's: one good account must not unlock a sprayer). */
export async function clearAccountFailures(client: Client, email: string): Promise<void> {
  await client.rateLimit.deleteMany({ where: { key: accountKey(email) } });
}

type CounterRow = { count: number; windowStart: Date; strikes: number; lockedUntil: Date | null };

async function countFailure(
  client: Client,
  key: string,
  now: Date,
  windowMs: number,
  lockOut: (row: CounterRow) => { strikes: number; lockedUntil: Date } | null,
) {
  // Increment atomically first, so concurrent failures on several instances are all counted.
  let row: CounterRow = await client.rateLimit.upsert({
    where: { key },
    create: { key, count: 1, windowStart: now },
    update: { count: { increment: 1 } },
  });
  if (now.getTime() - row.windowStart.getTime() > windowMs) {
    row = await client.rateLimit.update({ where: { key }, data: { count: 1, windowStart: now } });
  }
  const lock = lockOut(row);
  if (lock) await client.rateLimit.update({ where: { key }, data: { ...lock, count: 0, windowStart: now } });
}

export function minutesUntil(ms: number): number {
  return Math.max(1, Math.ceil(ms / MINUTE));
}
