// User administration against the real database: every guard rail of issue 3,
// the invite / reset links, and that every change is audited.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { databaseUrl } from "@/lib/config";
import { migrate } from "@/lib/db/migrate";
import { ActionError } from "@/lib/auth/errors";
import { hashPassword } from "@/lib/auth/password";
import { signInWithPassword } from "@/lib/auth/service";
import { findUsableToken } from "@/lib/users/data";
import {
  RULES,
  changeOwnPassword,
  changeRole,
  createUser,
  deleteUser,
  inviteUser,
  issueAccessLink,
  redeemToken,
  setUserDisabled,
  updateUserProfile,
  type Actor,
} from "@/lib/users/service";
import type { Role } from "@/lib/db/types";

const RUN = randomUUID().slice(0, 8);
const PASSWORD = "correct horse battery";
let passwordHash: string;
let n = 0;

async function makeUser(role: Role, options: { invited?: boolean; disabled?: boolean } = {}): Promise<Actor & { name: string }> {
  n += 1;
  const user = await db.user.create({
    data: {
      email: `u${n}-${RUN}@example.test`,
      name: `User ${n} ${RUN}`,
      slug: `user-${n}-${RUN}`,
      role,
      passwordHash: options.invited ? null : passwordHash,
      disabledAt: options.disabled ? new Date() : null,
    },
  });
  return { id: user.id, email: user.email, role: user.role, name: user.name };
}

async function expectRule(promise: Promise<unknown>, message: string) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error, `expected the rule "${message}"`).toBeInstanceOf(ActionError);
  expect((error as ActionError).message).toBe(message);
}

const auditCount = (where: { action: string; targetId?: string; targetName?: string }) => db.auditEvent.count({ where });

beforeAll(async () => {
  await migrate(databaseUrl());
  passwordHash = await hashPassword(PASSWORD);
  // The "last active admin" rules count every admin in the database: start from none
  // (files run one after another, so this only touches leftovers of earlier files).
  await db.user.updateMany({ where: { role: "ADMIN", disabledAt: null }, data: { disabledAt: new Date() } });
});

describe("only ADMINs manage users", () => {
  it("refuses every administrative change to an editor and an author, changing nothing", async () => {
    const target = await makeUser("AUTHOR");
    for (const role of ["EDITOR", "AUTHOR"] as const) {
      const actor = await makeUser(role);
      const email = `new-${role}-${RUN}@example.test`;
      await expectRule(createUser(actor, { email, name: "New", password: PASSWORD, role: "ADMIN" }), RULES.forbidden);
      await expectRule(inviteUser(actor, { email, name: "New", role: "ADMIN" }), RULES.forbidden);
      await expectRule(changeRole(actor, target.id, "ADMIN"), RULES.forbidden);
      await expectRule(changeRole(actor, actor.id, "ADMIN"), RULES.forbidden);
      await expectRule(setUserDisabled(actor, target.id, true), RULES.forbidden);
      await expectRule(issueAccessLink(actor, target.id), RULES.forbidden);
      await expectRule(updateUserProfile(actor, { userId: target.id, name: "Hacked", slug: `hacked-${RUN}`, bio: null }), RULES.forbidden);
      await expectRule(deleteUser(actor, target.id, null), RULES.forbidden);
      expect(await db.user.findUnique({ where: { email } })).toBeNull();
    }
    const after = await db.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(after).toMatchObject({ role: "AUTHOR", disabledAt: null, name: target.name });
    expect(await db.userToken.count({ where: { userId: target.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { targetId: target.id } })).toBe(0);
  });
});

describe("e-mails are unique regardless of case", () => {
  it("stores e-mails lower-cased and refuses a second account that differs only in case", async () => {
    const admin = await makeUser("ADMIN");
    const created = await createUser(admin, { email: `Jane.Doe-${RUN}@Example.TEST`, name: "Jane Doe", password: PASSWORD, role: "EDITOR" });
    expect(created.email).toBe(`jane.doe-${RUN}@example.test`);
    await expectRule(createUser(admin, { email: `JANE.DOE-${RUN}@example.test`, name: "Jane Again", password: PASSWORD, role: "AUTHOR" }), RULES.emailTaken);
    await expectRule(inviteUser(admin, { email: ` jane.doe-${RUN}@EXAMPLE.test `, name: "Jane Invited", role: "AUTHOR" }), RULES.emailTaken);
    expect(await db.user.count({ where: { email: { contains: `jane.doe-${RUN}` } } })).toBe(1);
    expect(await auditCount({ action: "user.created", targetName: created.email })).toBe(1);
    expect(await auditCount({ action: "user.invited", targetName: created.email })).toBe(0);
  });

  it("gives each new user a unique author slug", async () => {
    const admin = await makeUser("ADMIN");
    const first = await createUser(admin, { email: `same-a-${RUN}@example.test`, name: `Same Name ${RUN}`, password: PASSWORD, role: "AUTHOR" });
    const second = await createUser(admin, { email: `same-b-${RUN}@example.test`, name: `Same Name ${RUN}`, password: PASSWORD, role: "AUTHOR" });
    expect(first.slug).toBe(`same-name-${RUN}`);
    expect(second.slug).toBe(`same-name-${RUN}-2`);
  });
});

describe("an admin can't lock themself out", () => {
  it("refuses to let an admin demote, disable or delete their own account, even with other admins around", async () => {
    const admin = await makeUser("ADMIN");
    await makeUser("ADMIN");
    await expectRule(changeRole(admin, admin.id, "EDITOR"), RULES.selfLockout);
    await expectRule(setUserDisabled(admin, admin.id, true), RULES.selfLockout);
    await expectRule(deleteUser(admin, admin.id, null), RULES.selfLockout);
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ role: "ADMIN", disabledAt: null });
    expect(await auditCount({ action: "user.role_changed", targetId: admin.id })).toBe(0);
    expect(await auditCount({ action: "user.disabled", targetId: admin.id })).toBe(0);
  });
});

describe("the last active ADMIN", () => {
  /** Two admins each trying to remove the other: the second attempt meets an admin who is now the last one. */
  async function lastAdminStandoff() {
    await db.user.updateMany({ where: { role: "ADMIN", disabledAt: null }, data: { disabledAt: new Date() } });
    const a = await makeUser("ADMIN");
    const b = await makeUser("ADMIN");
    return { a, b };
  }

  it("can't be demoted", async () => {
    const { a, b } = await lastAdminStandoff();
    await changeRole(a, b.id, "EDITOR");
    // b's request was already under way with b's old ADMIN role: a is the last active admin now.
    await expectRule(changeRole(b, a.id, "EDITOR"), RULES.lastAdmin);
    expect((await db.user.findUniqueOrThrow({ where: { id: a.id } })).role).toBe("ADMIN");
    expect(await auditCount({ action: "user.role_changed", targetId: a.id })).toBe(0);
  });

  it("can't be disabled", async () => {
    const { a, b } = await lastAdminStandoff();
    await setUserDisabled(a, b.id, true);
    await expectRule(setUserDisabled(b, a.id, true), RULES.lastAdmin);
    expect((await db.user.findUniqueOrThrow({ where: { id: a.id } })).disabledAt).toBeNull();
    expect(await auditCount({ action: "user.disabled", targetId: a.id })).toBe(0);
  });

  it("can't be deleted", async () => {
    const { a, b } = await lastAdminStandoff();
    await changeRole(a, b.id, "AUTHOR");
    await expectRule(deleteUser(b, a.id, null), RULES.lastAdmin);
    expect(await db.user.findUnique({ where: { id: a.id } })).not.toBeNull();
  });

  it("holds when two admins remove each other at the same moment: one change wins, the other is refused", async () => {
    for (const removeOther of [
      (actor: Actor, target: Actor) => changeRole(actor, target.id, "EDITOR"),
      (actor: Actor, target: Actor) => setUserDisabled(actor, target.id, true),
    ]) {
      const { a, b } = await lastAdminStandoff();
      const outcomes = await Promise.allSettled([removeOther(a, b), removeOther(b, a)]);
      expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
      const refused = outcomes.find((outcome) => outcome.status === "rejected");
      expect((refused as PromiseRejectedResult).reason).toBeInstanceOf(ActionError);
      expect((refused as PromiseRejectedResult).reason.message).toBe(RULES.lastAdmin);
      expect(await db.user.count({ where: { id: { in: [a.id, b.id] }, role: "ADMIN", disabledAt: null } })).toBe(1);
    }
  });

  it("is counted among admins who can actually sign in: an invited or disabled admin doesn't count", async () => {
    await db.user.updateMany({ where: { role: "ADMIN", disabledAt: null }, data: { disabledAt: new Date() } });
    const a = await makeUser("ADMIN");
    const b = await makeUser("ADMIN");
    await makeUser("ADMIN", { invited: true });
    await makeUser("ADMIN", { disabled: true });
    await changeRole(a, b.id, "EDITOR");
    await expectRule(changeRole(b, a.id, "AUTHOR"), RULES.lastAdmin);
  });

  it("may lose the role once another admin is active", async () => {
    await db.user.updateMany({ where: { role: "ADMIN", disabledAt: null }, data: { disabledAt: new Date() } });
    const a = await makeUser("ADMIN");
    const b = await makeUser("ADMIN");
    const demoted = await changeRole(a, b.id, "EDITOR");
    expect(demoted.role).toBe("EDITOR");
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "user.role_changed", targetId: b.id } });
    expect(event).toMatchObject({ actorId: a.id, actorEmail: a.email, targetName: b.email });
    expect(event.data).toMatchObject({ from: "ADMIN", to: "EDITOR" });
  });
});

describe("deleting a user", () => {
  async function articleBy(authorId: string) {
    return db.article.create({ data: { slug: `story-${randomUUID().slice(0, 8)}-${RUN}`, title: "Story", body: "<p>Text</p>", authorId } });
  }

  it("requires someone to take over their articles, and moves the articles to them", async () => {
    const admin = await makeUser("ADMIN");
    const leaving = await makeUser("AUTHOR");
    const heir = await makeUser("EDITOR");
    const story = await articleBy(leaving.id);

    await expectRule(deleteUser(admin, leaving.id, null), RULES.needsReassign);
    expect(await db.user.findUnique({ where: { id: leaving.id } })).not.toBeNull();
    expect((await db.article.findUniqueOrThrow({ where: { id: story.id } })).authorId).toBe(leaving.id);

    // Not to themself, nor to a disabled user.
    await expectRule(deleteUser(admin, leaving.id, leaving.id), RULES.badReassign);
    const disabled = await makeUser("EDITOR", { disabled: true });
    await expectRule(deleteUser(admin, leaving.id, disabled.id), RULES.badReassign);
    expect(await auditCount({ action: "user.deleted", targetId: leaving.id })).toBe(0);

    const result = await deleteUser(admin, leaving.id, heir.id);
    expect(result.articlesReassigned).toBe(1);
    expect(await db.user.findUnique({ where: { id: leaving.id } })).toBeNull();
    expect((await db.article.findUniqueOrThrow({ where: { id: story.id } })).authorId).toBe(heir.id);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "user.deleted", targetId: leaving.id } });
    expect(event.data).toMatchObject({ articlesReassigned: 1, reassignedTo: heir.email });
  });

  it("deletes a user without articles directly", async () => {
    const admin = await makeUser("ADMIN");
    const leaving = await makeUser("AUTHOR");
    await deleteUser(admin, leaving.id, null);
    expect(await db.user.findUnique({ where: { id: leaving.id } })).toBeNull();
  });
});

describe("invitations", () => {
  it("creates an invited user with a single-use, expiring link that sets their password", async () => {
    const admin = await makeUser("ADMIN");
    const invite = await inviteUser(admin, { email: `invitee-${RUN}@example.test`, name: "Ivy Invitee", role: "AUTHOR" });
    expect(invite.path).toBe(`/invite/${invite.token}`);
    const stored = await db.user.findUniqueOrThrow({ where: { id: invite.user.id } });
    expect(stored.passwordHash).toBeNull();
    // Only a hash of the token is stored.
    expect(await db.userToken.count({ where: { tokenHash: invite.token } })).toBe(0);
    expect(await findUsableToken(invite.token, "INVITE")).toMatchObject({ user: { id: invite.user.id } });
    expect(await findUsableToken(invite.token, "PASSWORD_RESET")).toBeNull();
    expect(await signInWithPassword({ email: invite.user.email, password: PASSWORD })).toEqual({ ok: false, reason: "invalid" });

    await redeemToken(invite.token, "INVITE", PASSWORD);
    expect(await signInWithPassword({ email: invite.user.email, password: PASSWORD })).toMatchObject({ ok: true });
    // Single use.
    await expectRule(redeemToken(invite.token, "INVITE", "another password 1"), RULES.linkInvalid);
    expect(await findUsableToken(invite.token, "INVITE")).toBeNull();
    expect(await auditCount({ action: "user.invited", targetId: invite.user.id })).toBe(1);
    expect(await auditCount({ action: "user.invite_accepted", targetId: invite.user.id })).toBe(1);
  });

  it("refuses an expired link", async () => {
    const admin = await makeUser("ADMIN");
    const past = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000);
    const invite = await inviteUser(admin, { email: `late-${RUN}@example.test`, name: "Late", role: "AUTHOR" }, { now: past });
    expect(await findUsableToken(invite.token, "INVITE")).toBeNull();
    await expectRule(redeemToken(invite.token, "INVITE", PASSWORD), RULES.linkInvalid);
    expect((await db.user.findUniqueOrThrow({ where: { id: invite.user.id } })).passwordHash).toBeNull();
  });
});

describe("password reset links", () => {
  it("issues a reset link for an active user; a newer link replaces the older; using it ends their sessions", async () => {
    const admin = await makeUser("ADMIN");
    const user = await makeUser("EDITOR");
    const first = await issueAccessLink(admin, user.id);
    const second = await issueAccessLink(admin, user.id);
    expect(second.purpose).toBe("PASSWORD_RESET");
    expect(second.path).toBe(`/reset-password/${second.token}`);
    expect(await findUsableToken(first.token, "PASSWORD_RESET")).toBeNull();
    await expectRule(redeemToken(first.token, "PASSWORD_RESET", "a new password 1"), RULES.linkInvalid);

    const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    await redeemToken(second.token, "PASSWORD_RESET", "a new password 1");
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await signInWithPassword({ email: user.email, password: "a new password 1" })).toMatchObject({ ok: true });
    expect(await signInWithPassword({ email: user.email, password: PASSWORD })).toEqual({ ok: false, reason: "invalid" });
    expect(await auditCount({ action: "user.password_reset", targetId: user.id })).toBe(2);
  });

  it("issues a fresh invitation, not a reset, for a user who never set a password", async () => {
    const admin = await makeUser("ADMIN");
    const invited = await makeUser("AUTHOR", { invited: true });
    const link = await issueAccessLink(admin, invited.id);
    expect(link.purpose).toBe("INVITE");
    expect(link.path).toBe(`/invite/${link.token}`);
  });
});

describe("disabling", () => {
  it("ends open sessions at once (session version) and blocks sign-in until enabled", async () => {
    const admin = await makeUser("ADMIN");
    const user = await makeUser("AUTHOR");
    const link = await issueAccessLink(admin, user.id);
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    await setUserDisabled(admin, user.id, true);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.disabledAt).not.toBeNull();
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await signInWithPassword({ email: user.email, password: PASSWORD })).toEqual({ ok: false, reason: "invalid" });
    // Their pending links die with the account.
    expect(await findUsableToken(link.token, "PASSWORD_RESET")).toBeNull();

    await setUserDisabled(admin, user.id, false);
    expect(await signInWithPassword({ email: user.email, password: PASSWORD })).toMatchObject({ ok: true });
    expect(await auditCount({ action: "user.disabled", targetId: user.id })).toBe(1);
    expect(await auditCount({ action: "user.enabled", targetId: user.id })).toBe(1);
  });
});

describe("profiles", () => {
  it("edits name, slug and bio, refusing a slug another user has", async () => {
    const admin = await makeUser("ADMIN");
    const user = await makeUser("AUTHOR");
    const other = await makeUser("AUTHOR");
    // Keeping one's own slug is not a clash.
    const own = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    await updateUserProfile(admin, { userId: user.id, name: "Renamed", slug: own.slug, bio: null });
    const clash = await db.user.findUniqueOrThrow({ where: { id: other.id } });
    await expectRule(updateUserProfile(admin, { userId: user.id, name: "Renamed", slug: clash.slug, bio: null }), RULES.slugTaken);
    const { after } = await updateUserProfile(admin, { userId: user.id, name: "Renamed Person", slug: `renamed-${RUN}`, bio: "Covers politics." });
    expect(after).toMatchObject({ name: "Renamed Person", slug: `renamed-${RUN}`, bio: "Covers politics." });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "user.updated", targetId: user.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    expect(event.data).toMatchObject({ changed: { slug: { to: `renamed-${RUN}` }, bio: { from: null, to: "Covers politics." } } });
  });
});

describe("own password", () => {
  it("requires the current password, then changes it and ends other sessions", async () => {
    const user = await makeUser("AUTHOR");
    await expectRule(changeOwnPassword(user, { currentPassword: "wrong", newPassword: "brand new password" }), RULES.wrongPassword);
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    const version = await changeOwnPassword(user, { currentPassword: PASSWORD, newPassword: "brand new password" });
    expect(version).toBe(before.sessionVersion + 1);
    expect(await signInWithPassword({ email: user.email, password: "brand new password" })).toMatchObject({ ok: true });
    expect(await auditCount({ action: "user.password_changed", targetId: user.id })).toBe(1);
  });
});
