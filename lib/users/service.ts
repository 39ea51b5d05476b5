import "server-only";
import { db, Prisma, type Role, type TokenPurpose } from "@/lib/db";
import { recordAudit } from "@/lib/audit/service";
import { ActionError } from "@/lib/auth/errors";
import { can } from "@/lib/auth/permissions";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { clearAccountFailures } from "@/lib/auth/throttle";
import { slugify } from "@/lib/text/slugify";
import { hashToken, newToken, INVITE_TTL_MS, RESET_TTL_MS } from "./tokens";
import { createFirstAdminIn } from "./first-admin";
import { ROLE_LABELS } from "./schema";

// User administration as plain functions of an explicit actor, so the rules can
// be tested without Next. Every change and its audit event share one transaction.
// The guard rails live here, not in the UI:
//   - only ADMINs manage users (checked again here, not only in the action);
//   - the last active ADMIN can't be demoted, disabled or deleted;
//   - an admin can't demote, disable or delete themself;
//   - e-mails are unique regardless of case (stored lower-cased);
//   - a user with articles is deleted only with someone to reassign them to.

export type Actor = { id: string; email: string; role: Role };
type Tx = Prisma.TransactionClient;
type Context = { ip?: string | null; now?: Date };

export const RULES = {
  forbidden: "You don’t have permission to do that.",
  emailTaken: "A user with this email already exists",
  lastAdmin: "This is the last active admin. Make someone else an admin first.",
  selfLockout: "You can’t do this to your own account — ask another admin.",
  needsReassign: "This user has articles. Choose who takes them over.",
  badReassign: "Choose an active user to take over the articles",
  slugTaken: "Another user already has this slug",
  linkInvalid: "This link is invalid, has expired or was already used.",
  wrongPassword: "Your current password is incorrect",
} as const;

function assertAdmin(actor: Actor) {
  if (!can(actor, "user.manage")) throw new ActionError(RULES.forbidden);
}

const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** ADMINs who can sign in: not disabled and not still waiting on their invite. */
function countActiveAdmins(tx: Tx, exceptUserId?: string) {
  return tx.user.count({
    where: { role: "ADMIN", disabledAt: null, passwordHash: { not: null }, ...(exceptUserId ? { id: { not: exceptUserId } } : {}) },
  });
}

async function assertNotLastActiveAdmin(tx: Tx, user: { id: string; role: Role; disabledAt: Date | null; passwordHash: string | null }) {
  const isActiveAdmin = user.role === "ADMIN" && !user.disabledAt && user.passwordHash;
  if (!isActiveAdmin) return;
  // Two admins removing each other at once would each count the other, on PostgreSQL (read committed).
  // Locking the active admins' rows makes the second wait for the first, then count again. SQLite runs
  // one write transaction at a time (lib/db/client.ts), so it needs no lock.
  if (db.dialect === "postgresql") {
    await tx.$queryRaw`SELECT "id" FROM "User" WHERE "role" = 'ADMIN' AND "disabledAt" IS NULL AND "passwordHash" IS NOT NULL FOR UPDATE`;
  }
  if ((await countActiveAdmins(tx, user.id)) === 0) throw new ActionError(RULES.lastAdmin);
}

async function assertEmailFree(tx: Tx, email: string) {
  if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw new ActionError(RULES.emailTaken, { email: [RULES.emailTaken] });
}

/** A public author slug from the name, numbered when taken (jane-doe, jane-doe-2…). */
async function uniqueSlug(tx: Tx, name: string, email: string): Promise<string> {
  const base = slugify(name) || slugify(email.split("@")[0] ?? "") || "author";
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await tx.user.findUnique({ where: { slug: candidate }, select: { id: true } }))) return candidate;
  }
}

async function loadTarget(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId } });
  if (!user) throw new ActionError("This user no longer exists.");
  return user;
}

/** Unique-constraint races (two admins adding the same e-mail at once) end as the same clear message. */
async function withUniqueEmail<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new ActionError(RULES.emailTaken, { email: [RULES.emailTaken] });
    throw error;
  }
}

// ── First run ────────────────────────────────────────────────────────────────

/** Creates the first ADMIN (the /setup form); refuses once any user exists, so /setup can't be replayed. */
export function createFirstAdmin(input: { email: string; name: string; password: string }, context: Context = {}) {
  return createFirstAdminIn(db, input, { ip: context.ip, via: "setup" });
}

// ── Administration (ADMIN only) ──────────────────────────────────────────────

export async function createUser(actor: Actor, input: { email: string; name: string; password: string; role: Role }, context: Context = {}) {
  assertAdmin(actor);
  const email = normaliseEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  return withUniqueEmail(() =>
    db.$transaction(async (tx) => {
      await assertEmailFree(tx, email);
      const user = await tx.user.create({ data: { email, name: input.name.trim(), slug: await uniqueSlug(tx, input.name, email), role: input.role, passwordHash } });
      await recordAudit(tx, { actor, action: "user.created", targetType: "user", targetId: user.id, targetName: email, ip: context.ip, data: { role: input.role } });
      return user;
    }),
  );
}

/** Creates an invited user (no password yet) and a single-use link for them to set one. */
export async function inviteUser(actor: Actor, input: { email: string; name: string; role: Role }, context: Context = {}) {
  assertAdmin(actor);
  const email = normaliseEmail(input.email);
  const now = context.now ?? new Date();
  const { token, tokenHash } = newToken();
  const user = await withUniqueEmail(() =>
    db.$transaction(async (tx) => {
      await assertEmailFree(tx, email);
      const user = await tx.user.create({ data: { email, name: input.name.trim(), slug: await uniqueSlug(tx, input.name, email), role: input.role } });
      await tx.userToken.create({ data: { tokenHash, purpose: "INVITE", userId: user.id, expiresAt: new Date(now.getTime() + INVITE_TTL_MS) } });
      await recordAudit(tx, { actor, action: "user.invited", targetType: "user", targetId: user.id, targetName: email, ip: context.ip, data: { role: input.role } });
      return user;
    }),
  );
  return { user, token, path: `/invite/${token}`, expiresAt: new Date(now.getTime() + INVITE_TTL_MS) };
}

/**
 * A new single-use link for a user: a fresh invite while they have no password
 * yet, otherwise a password reset. Older unused links of the same kind stop working.
 */
export async function issueAccessLink(actor: Actor, userId: string, context: Context = {}) {
  assertAdmin(actor);
  const now = context.now ?? new Date();
  const { token, tokenHash } = newToken();
  return db.$transaction(async (tx) => {
    const user = await loadTarget(tx, userId);
    const purpose: TokenPurpose = user.passwordHash ? "PASSWORD_RESET" : "INVITE";
    const ttl = purpose === "INVITE" ? INVITE_TTL_MS : RESET_TTL_MS;
    await tx.userToken.deleteMany({ where: { userId, purpose, usedAt: null } });
    await tx.userToken.create({ data: { tokenHash, purpose, userId, expiresAt: new Date(now.getTime() + ttl) } });
    await recordAudit(tx, {
      actor,
      action: purpose === "INVITE" ? "user.invited" : "user.password_reset",
      targetType: "user",
      targetId: user.id,
      targetName: user.email,
      ip: context.ip,
      data: { link: purpose === "INVITE" ? "invite" : "reset" },
    });
    const path = purpose === "INVITE" ? `/invite/${token}` : `/reset-password/${token}`;
    return { user, purpose, token, path, expiresAt: new Date(now.getTime() + ttl) };
  });
}

export async function changeRole(actor: Actor, userId: string, role: Role, context: Context = {}) {
  assertAdmin(actor);
  return db.$transaction(async (tx) => {
    const user = await loadTarget(tx, userId);
    if (user.role === role) return user;
    if (user.id === actor.id) throw new ActionError(RULES.selfLockout);
    if (role !== "ADMIN") await assertNotLastActiveAdmin(tx, user);
    // The role is read from the database on every request, so it applies at once.
    const updated = await tx.user.update({ where: { id: userId }, data: { role } });
    await recordAudit(tx, {
      actor,
      action: "user.role_changed",
      targetType: "user",
      targetId: user.id,
      targetName: user.email,
      ip: context.ip,
      data: { from: user.role, to: role, summary: `${ROLE_LABELS[user.role]} → ${ROLE_LABELS[role]}` },
    });
    return updated;
  });
}

/** Disabling ends every open session at once (session version bump) and blocks sign-in. */
export async function setUserDisabled(actor: Actor, userId: string, disabled: boolean, context: Context = {}) {
  assertAdmin(actor);
  const now = context.now ?? new Date();
  return db.$transaction(async (tx) => {
    const user = await loadTarget(tx, userId);
    if (Boolean(user.disabledAt) === disabled) return user;
    if (disabled) {
      if (user.id === actor.id) throw new ActionError(RULES.selfLockout);
      await assertNotLastActiveAdmin(tx, user);
    }
    const updated = await tx.user.update({
      where: { id: userId },
      data: disabled ? { disabledAt: now, sessionVersion: { increment: 1 } } : { disabledAt: null },
    });
    if (disabled) await tx.userToken.deleteMany({ where: { userId, usedAt: null } });
    await recordAudit(tx, { actor, action: disabled ? "user.disabled" : "user.enabled", targetType: "user", targetId: user.id, targetName: user.email, ip: context.ip });
    return updated;
  });
}

export async function updateUserProfile(actor: Actor, input: { userId: string; name: string; slug: string; bio: string | null }, context: Context = {}) {
  assertAdmin(actor);
  try {
    return await db.$transaction(async (tx) => {
      const user = await loadTarget(tx, input.userId);
      const clash = await tx.user.findFirst({ where: { slug: input.slug, id: { not: user.id } }, select: { id: true } });
      if (clash) throw new ActionError(RULES.slugTaken, { slug: [RULES.slugTaken] });
      const updated = await tx.user.update({ where: { id: user.id }, data: { name: input.name, slug: input.slug, bio: input.bio } });
      await recordAudit(tx, { actor, action: "user.updated", targetType: "user", targetId: user.id, targetName: user.email, ip: context.ip, data: changes(user, updated, ["name", "slug", "bio"]) });
      return { before: user, after: updated };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new ActionError(RULES.slugTaken, { slug: [RULES.slugTaken] });
    throw error;
  }
}

/** Deletes a user; their articles (if any) go to `reassignTo`, an active user other than them. */
export async function deleteUser(actor: Actor, userId: string, reassignTo: string | null, context: Context = {}) {
  assertAdmin(actor);
  return db.$transaction(async (tx) => {
    const user = await loadTarget(tx, userId);
    if (user.id === actor.id) throw new ActionError(RULES.selfLockout);
    await assertNotLastActiveAdmin(tx, user);
    const articleCount = await tx.article.count({ where: { authorId: userId } });
    let heir: { id: string; email: string } | null = null;
    if (articleCount > 0) {
      if (!reassignTo) throw new ActionError(RULES.needsReassign, { reassignTo: [RULES.needsReassign] });
      heir = await tx.user.findFirst({ where: { id: reassignTo, disabledAt: null, NOT: { id: userId } }, select: { id: true, email: true } });
      if (!heir) throw new ActionError(RULES.badReassign, { reassignTo: [RULES.badReassign] });
      await tx.article.updateMany({ where: { authorId: userId }, data: { authorId: heir.id } });
    }
    await tx.user.delete({ where: { id: userId } });
    await recordAudit(tx, {
      actor,
      action: "user.deleted",
      targetType: "user",
      targetId: user.id,
      targetName: user.email,
      ip: context.ip,
      data: { name: user.name, role: user.role, articlesReassigned: articleCount, ...(heir ? { reassignedTo: heir.email } : {}) },
    });
    return { articlesReassigned: articleCount, reassignedTo: heir };
  });
}

// ── Single-use links ─────────────────────────────────────────────────────────

/** Sets the password through an invite or reset link; the link is then spent and other sessions end. */
export async function redeemToken(token: string, purpose: TokenPurpose, password: string, context: Context = {}) {
  const now = context.now ?? new Date();
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const tokenHash = hashToken(token);
    // Marking it used only if still unused makes a double submit redeem it once.
    const spent = await tx.userToken.updateMany({ where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: now }, user: { disabledAt: null } }, data: { usedAt: now } });
    if (spent.count !== 1) throw new ActionError(RULES.linkInvalid);
    const { userId } = await tx.userToken.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true } });
    const user = await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await tx.userToken.deleteMany({ where: { userId, usedAt: null } });
    await clearAccountFailures(tx, user.email);
    await recordAudit(tx, {
      actor: user,
      action: purpose === "INVITE" ? "user.invite_accepted" : "user.password_changed",
      targetType: "user",
      targetId: user.id,
      targetName: user.email,
      ip: context.ip,
      data: { via: purpose === "INVITE" ? "invite link" : "reset link" },
    });
    return user;
  });
}

// ── Own account (any signed-in user) ─────────────────────────────────────────

export async function updateOwnProfile(actor: Actor, input: { name: string; bio: string | null }, context: Context = {}) {
  return db.$transaction(async (tx) => {
    const user = await loadTarget(tx, actor.id);
    const updated = await tx.user.update({ where: { id: actor.id }, data: { name: input.name, bio: input.bio } });
    await recordAudit(tx, { actor, action: "user.updated", targetType: "user", targetId: user.id, targetName: user.email, ip: context.ip, data: changes(user, updated, ["name", "bio"]) });
    return updated;
  });
}

/** Changes one's own password (the current one is required); returns the new session version. */
export async function changeOwnPassword(actor: Actor, input: { currentPassword: string; newPassword: string }, context: Context = {}): Promise<number> {
  const current = await db.user.findUnique({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!current || !(await verifyPassword(current.passwordHash, input.currentPassword))) {
    throw new ActionError(RULES.wrongPassword, { currentPassword: [RULES.wrongPassword] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: actor.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await tx.userToken.deleteMany({ where: { userId: actor.id, purpose: "PASSWORD_RESET", usedAt: null } });
    await recordAudit(tx, { actor, action: "user.password_changed", targetType: "user", targetId: user.id, targetName: user.email, ip: context.ip, data: { via: "account page" } });
    return user.sessionVersion;
  });
}

function changes<T extends Record<string, unknown>>(before: T, after: T, keys: (keyof T & string)[]) {
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of keys) if (before[key] !== after[key]) changed[key] = { from: before[key], to: after[key] };
  return { changed };
}
