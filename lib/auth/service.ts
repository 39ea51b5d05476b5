import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/service";
import { verifyPassword } from "./password";
import { checkLoginThrottle, clearAccountFailures, minutesUntil, recordLoginFailure, LOGIN_THROTTLE, type ThrottlePolicy } from "./throttle";

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string; sessionVersion: number } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAfterMinutes: number };

/**
 * Checks an e-mail and password, with throttling. Every outcome is audited in the
 * same transaction as the state it changes (last sign-in time, failure counters).
 * Unknown accounts, wrong passwords, pending invites and disabled accounts all
 * answer "invalid", so the form never reveals which addresses exist.
 */
export async function signInWithPassword(
  input: { email: string; password: string; ip?: string | null },
  options: { now?: Date; policy?: ThrottlePolicy } = {},
): Promise<SignInResult> {
  const now = options.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  const subject = { email, ip: input.ip };

  const before = await checkLoginThrottle(db, subject, now);
  if (before.locked) {
    await db.$transaction((tx) =>
      recordAudit(tx, { action: "auth.sign_in_failed", targetType: "user", targetName: email, ip: input.ip, data: { reason: "locked" } }),
    );
    return { ok: false, reason: "locked", retryAfterMinutes: minutesUntil(before.retryAfterMs) };
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, disabledAt: true, sessionVersion: true },
  });
  // Runs even for unknown accounts, so timing doesn't leak which ones exist.
  const passwordMatches = await verifyPassword(user?.passwordHash, input.password);

  if (user && passwordMatches && !user.disabledAt) {
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
      await clearAccountFailures(tx, email);
      await recordAudit(tx, { actor: user, action: "auth.sign_in", targetType: "user", targetId: user.id, targetName: user.email, ip: input.ip });
    });
    return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
  }

  const reason = !user ? "unknown_account" : user.disabledAt && passwordMatches ? "disabled" : !user.passwordHash ? "invite_pending" : "wrong_password";
  const after = await db.$transaction(async (tx) => {
    const verdict = await recordLoginFailure(tx, subject, now, options.policy ?? LOGIN_THROTTLE);
    await recordAudit(tx, {
      action: "auth.sign_in_failed",
      targetType: "user",
      targetId: user?.id,
      targetName: email,
      ip: input.ip,
      data: { reason, ...(verdict.locked ? { lockedForMinutes: minutesUntil(verdict.retryAfterMs) } : {}) },
    });
    return verdict;
  });
  return after.locked ? { ok: false, reason: "locked", retryAfterMinutes: minutesUntil(after.retryAfterMs) } : { ok: false, reason: "invalid" };
}

/** Audits a sign-out (next-auth clears the cookie itself). */
export async function recordSignOut(userId: string, ip?: string | null): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
  if (!user) return;
  await db.$transaction((tx) => recordAudit(tx, { actor: user, action: "auth.sign_out", targetType: "user", targetId: user.id, targetName: user.email, ip }));
}
