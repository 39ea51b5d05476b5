// Sign-in against the real database: outcomes, audit rows, and throttling per
// account and per IP, stored in the RateLimit table (so it holds across restarts
// and instances).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createClient } from "@/lib/db/client";
import { databaseUrl } from "@/lib/config";
import { migrate } from "@/lib/db/migrate";
import { hashPassword } from "@/lib/auth/password";
import { signInWithPassword } from "@/lib/auth/service";
import { accountKey, checkLoginThrottle, ipKey, LOGIN_THROTTLE } from "@/lib/auth/throttle";

const RUN = randomUUID().slice(0, 8);
const PASSWORD = "correct horse battery";
const MINUTE = 60_000;
let passwordHash: string;

beforeAll(async () => {
  await migrate(databaseUrl());
  passwordHash = await hashPassword(PASSWORD);
});

let counter = 0;
/** A fresh account (and IP) per test, so tests don't share counters. */
async function account(overrides: { disabled?: boolean; invited?: boolean } = {}) {
  counter += 1;
  const email = `signin-${counter}-${RUN}@example.test`;
  const user = await db.user.create({
    data: {
      email,
      name: `Sign In ${counter}`,
      slug: `sign-in-${counter}-${RUN}`,
      role: "AUTHOR",
      passwordHash: overrides.invited ? null : passwordHash,
      disabledAt: overrides.disabled ? new Date() : null,
    },
  });
  return { user, email, ip: `198.51.${counter}.${Number.parseInt(RUN.slice(0, 2), 16)}` };
}

const auditFor = (email: string) => db.auditEvent.findMany({ where: { targetName: email }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

describe("signInWithPassword", () => {
  it("signs in with the right password, case-insensitively on the email, and audits it with the IP", async () => {
    const { user, email, ip } = await account();
    const result = await signInWithPassword({ email: email.toUpperCase(), password: PASSWORD, ip });
    expect(result).toMatchObject({ ok: true, user: { id: user.id, email } });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.lastSignInAt).not.toBeNull();
    const events = await auditFor(email);
    expect(events.map((event) => event.action)).toEqual(["auth.sign_in"]);
    expect(events[0]).toMatchObject({ actorId: user.id, actorEmail: email, ip, targetId: user.id });
  });

  it("answers the same 'invalid' for a wrong password, an unknown account, a pending invite and a disabled account", async () => {
    const wrong = await account();
    const invited = await account({ invited: true });
    const disabled = await account({ disabled: true });
    const unknownEmail = `nobody-${RUN}@example.test`;
    expect(await signInWithPassword({ email: wrong.email, password: "not the password", ip: wrong.ip })).toEqual({ ok: false, reason: "invalid" });
    expect(await signInWithPassword({ email: unknownEmail, password: PASSWORD, ip: wrong.ip })).toEqual({ ok: false, reason: "invalid" });
    expect(await signInWithPassword({ email: invited.email, password: PASSWORD, ip: invited.ip })).toEqual({ ok: false, reason: "invalid" });
    expect(await signInWithPassword({ email: disabled.email, password: PASSWORD, ip: disabled.ip })).toEqual({ ok: false, reason: "invalid" });

    // The audit log keeps the real reason for admins, and the IP.
    const reasons = async (email: string) => (await auditFor(email)).map((event) => [event.action, (event.data as { reason?: string }).reason, event.ip]);
    expect(await reasons(wrong.email)).toEqual([["auth.sign_in_failed", "wrong_password", wrong.ip]]);
    expect(await reasons(unknownEmail)).toEqual([["auth.sign_in_failed", "unknown_account", wrong.ip]]);
    expect(await reasons(invited.email)).toEqual([["auth.sign_in_failed", "invite_pending", invited.ip]]);
    expect(await reasons(disabled.email)).toEqual([["auth.sign_in_failed", "disabled", disabled.ip]]);
    const disabledRow = await db.user.findUniqueOrThrow({ where: { id: disabled.user.id } });
    expect(disabledRow.lastSignInAt).toBeNull();
  });
});

describe("throttling per account", () => {
  it("locks an account after 5 failures, refusing even the right password, then lets it in after the lock-out", async () => {
    const { email, ip } = await account();
    const start = new Date("2030-01-01T10:00:00Z");
    for (let attempt = 1; attempt <= 4; attempt++) {
      const now = new Date(start.getTime() + attempt * 1000);
      expect(await signInWithPassword({ email, password: "wrong", ip }, { now })).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await signInWithPassword({ email, password: "wrong", ip }, { now: new Date(start.getTime() + 5000) })).toEqual({ ok: false, reason: "locked", retryAfterMinutes: 1 });
    // Locked: the right password is refused too, without being checked.
    expect(await signInWithPassword({ email, password: PASSWORD, ip }, { now: new Date(start.getTime() + 30_000) })).toMatchObject({ ok: false, reason: "locked" });
    // A minute later it works, and the success clears the failures.
    expect(await signInWithPassword({ email, password: PASSWORD, ip }, { now: new Date(start.getTime() + 5000 + MINUTE + 1) })).toMatchObject({ ok: true });
    expect(await db.rateLimit.findUnique({ where: { key: accountKey(email) } })).toBeNull();
    const actions = (await auditFor(email)).map((event) => event.action);
    expect(actions.filter((action) => action === "auth.sign_in_failed")).toHaveLength(6);
    expect(actions.at(-1)).toBe("auth.sign_in");
  });

  it("grows the lock-out 1, 2, 4 minutes for repeated lock-outs", async () => {
    const { email, ip } = await account();
    let now = new Date("2030-02-01T10:00:00Z").getTime();
    const lockOut = async () => {
      let result;
      for (let attempt = 0; attempt < LOGIN_THROTTLE.accountMaxFailures; attempt++) {
        now += 1000;
        result = await signInWithPassword({ email, password: "wrong", ip }, { now: new Date(now) });
      }
      return result;
    };
    expect(await lockOut()).toEqual({ ok: false, reason: "locked", retryAfterMinutes: 1 });
    now += MINUTE;
    expect(await lockOut()).toEqual({ ok: false, reason: "locked", retryAfterMinutes: 2 });
    now += 2 * MINUTE;
    expect(await lockOut()).toEqual({ ok: false, reason: "locked", retryAfterMinutes: 4 });
    // Still locked 3 minutes in, free after 4.
    expect(await signInWithPassword({ email, password: PASSWORD, ip }, { now: new Date(now + 3 * MINUTE) })).toEqual({ ok: false, reason: "locked", retryAfterMinutes: 1 });
    expect(await signInWithPassword({ email, password: PASSWORD, ip }, { now: new Date(now + 4 * MINUTE + 1) })).toMatchObject({ ok: true });
  });

  it("forgets failures older than the counting window", async () => {
    const { email, ip } = await account();
    const start = new Date("2030-03-01T10:00:00Z").getTime();
    for (let attempt = 0; attempt < 4; attempt++) await signInWithPassword({ email, password: "wrong", ip }, { now: new Date(start + attempt) });
    // 16 minutes later the window has passed: this failure counts as the first again.
    expect(await signInWithPassword({ email, password: "wrong", ip }, { now: new Date(start + 16 * MINUTE) })).toEqual({ ok: false, reason: "invalid" });
    expect((await db.rateLimit.findUniqueOrThrow({ where: { key: accountKey(email) } })).count).toBe(1);
  });

  it("keeps the lock in the database, so another app instance (another client) sees it", async () => {
    const { email, ip } = await account();
    const now = new Date("2030-04-01T10:00:00Z");
    for (let attempt = 0; attempt < 5; attempt++) await signInWithPassword({ email, password: "wrong", ip }, { now });
    const otherInstance = createClient(databaseUrl());
    try {
      const verdict = await checkLoginThrottle(otherInstance, { email }, new Date(now.getTime() + 1000));
      expect(verdict.locked).toBe(true);
    } finally {
      await otherInstance.$disconnect();
    }
  });
});

describe("throttling per IP", () => {
  const policy = { ...LOGIN_THROTTLE, ipMaxFailures: 30 };

  it("locks an IP that fails 30 times across many accounts, for every account, while other IPs go on", async () => {
    const ip = `203.0.113.${Number.parseInt(RUN.slice(2, 4), 16)}`;
    const now = new Date("2030-05-01T10:00:00Z");
    // 30 different accounts, one failure each: no account reaches its own limit.
    for (let attempt = 0; attempt < 29; attempt++) {
      expect(await signInWithPassword({ email: `spray-${attempt}-${RUN}@example.test`, password: "guess", ip }, { now, policy })).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await signInWithPassword({ email: `spray-29-${RUN}@example.test`, password: "guess", ip }, { now, policy })).toEqual({ ok: false, reason: "locked", retryAfterMinutes: 15 });

    const victim = await account();
    expect(await signInWithPassword({ email: victim.email, password: PASSWORD, ip }, { now: new Date(now.getTime() + MINUTE), policy })).toMatchObject({ ok: false, reason: "locked" });
    expect(await signInWithPassword({ email: victim.email, password: PASSWORD, ip: "192.0.2.200" }, { now: new Date(now.getTime() + MINUTE), policy })).toMatchObject({ ok: true });
    expect((await db.rateLimit.findUniqueOrThrow({ where: { key: ipKey(ip) } })).lockedUntil?.getTime()).toBe(now.getTime() + 15 * MINUTE);
    // After the window the IP may try again.
    expect(await signInWithPassword({ email: victim.email, password: PASSWORD, ip }, { now: new Date(now.getTime() + 15 * MINUTE + 1), policy })).toMatchObject({ ok: true });
  });

  it("does not let a successful sign-in reset the IP's failures", async () => {
    const ip = `203.0.114.${Number.parseInt(RUN.slice(4, 6), 16)}`;
    const { email } = await account();
    const now = new Date("2030-06-01T10:00:00Z");
    for (let attempt = 0; attempt < 10; attempt++) await signInWithPassword({ email: `other-${attempt}-${RUN}@example.test`, password: "guess", ip }, { now });
    expect(await signInWithPassword({ email, password: PASSWORD, ip }, { now })).toMatchObject({ ok: true });
    expect((await db.rateLimit.findUniqueOrThrow({ where: { key: ipKey(ip) } })).count).toBe(10);
  });
});

afterAll(async () => {
  await db.rateLimit.deleteMany({ where: { key: { contains: RUN } } });
});
