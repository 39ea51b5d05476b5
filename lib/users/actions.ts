"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { fieldErrorsOf, validatedAction } from "@/lib/auth/action";
import { renewSessionCookie } from "@/lib/auth/session";
import { requestIp } from "@/lib/audit/request";
import { revalidateTaxonomyOrAuthors } from "@/lib/cache/public";
import { sendMail } from "@/lib/mail";
import { getSiteSettings } from "@/lib/settings/data";
import {
  accountProfileSchema,
  changePasswordSchema,
  changeRoleSchema,
  createUserSchema,
  deleteUserSchema,
  inviteUserSchema,
  redeemTokenSchema,
  setupSchema,
  updateUserProfileSchema,
  userIdSchema,
  ROLE_LABELS,
} from "./schema";
import * as users from "./service";
import { ActionError } from "@/lib/auth/errors";
import type { ActionState } from "@/lib/auth/action-state";

// Thin wrappers: parse + permission in validatedAction, rules and audit in
// ./service, then cache invalidation and the message the form shows.

const context = async () => ({ ip: await requestIp() });
const USERS = "/admin/users";

async function absoluteUrl(path: string) {
  return `${(await getSiteSettings()).siteUrl}${path}`;
}

export const createUserAction = validatedAction(createUserSchema, { permission: "user.manage" }, async (input, actor) => {
  const user = await users.createUser(actor, input, await context());
  revalidatePath(USERS);
  return { status: "success", message: `${user.name} can now sign in as ${ROLE_LABELS[user.role].toLowerCase()}.`, data: { userId: user.id } };
});

export const inviteUserAction = validatedAction(inviteUserSchema, { permission: "user.manage" }, async (input, actor) => {
  const invite = await users.inviteUser(actor, input, await context());
  const link = await absoluteUrl(invite.path);
  const { siteName } = await getSiteSettings();
  const mail = await sendMail({
    to: invite.user.email,
    subject: `You’re invited to ${siteName}`,
    text: `Hello ${invite.user.name},\n\n${actor.name} invited you to the ${siteName} newsroom. Choose your password here (the link works once, for 7 days):\n\n${link}\n`,
  });
  revalidatePath(USERS);
  return { status: "success", message: `Invitation created for ${invite.user.email}.`, data: { link, emailed: mail.delivered, expiresAt: invite.expiresAt.toISOString() } };
});

export const issueAccessLinkAction = validatedAction(userIdSchema, { permission: "user.manage" }, async ({ userId }, actor) => {
  const issued = await users.issueAccessLink(actor, userId, await context());
  const link = await absoluteUrl(issued.path);
  const { siteName } = await getSiteSettings();
  const invite = issued.purpose === "INVITE";
  const mail = await sendMail({
    to: issued.user.email,
    subject: invite ? `You’re invited to ${siteName}` : `Reset your ${siteName} password`,
    text: invite
      ? `Hello ${issued.user.name},\n\nChoose your password for the ${siteName} newsroom here (the link works once, for 7 days):\n\n${link}\n`
      : `Hello ${issued.user.name},\n\nAn admin created a link for you to choose a new password (it works once, for 24 hours):\n\n${link}\n\nIf you didn’t ask for this, tell your admin.`,
  });
  revalidatePath(`${USERS}/${userId}`);
  return {
    status: "success",
    message: invite ? "New invitation link created; older ones no longer work." : "Password reset link created; older ones no longer work.",
    data: { link, emailed: mail.delivered, expiresAt: issued.expiresAt.toISOString() },
  };
});

export const changeRoleAction = validatedAction(changeRoleSchema, { permission: "user.manage" }, async ({ userId, role }, actor) => {
  const user = await users.changeRole(actor, userId, role, await context());
  revalidatePath(USERS, "layout");
  return { status: "success", message: `${user.name} is now ${ROLE_LABELS[role].toLowerCase()}.` };
});

export const disableUserAction = validatedAction(userIdSchema, { permission: "user.manage" }, async ({ userId }, actor) => {
  const user = await users.setUserDisabled(actor, userId, true, await context());
  revalidatePath(USERS, "layout");
  return { status: "success", message: `${user.name} is disabled and signed out everywhere.` };
});

export const enableUserAction = validatedAction(userIdSchema, { permission: "user.manage" }, async ({ userId }, actor) => {
  const user = await users.setUserDisabled(actor, userId, false, await context());
  revalidatePath(USERS, "layout");
  return { status: "success", message: `${user.name} can sign in again.` };
});

export const updateUserProfileAction = validatedAction(updateUserProfileSchema, { permission: "user.manage" }, async (input, actor) => {
  await users.updateUserProfile(actor, input, await context());
  await revalidateTaxonomyOrAuthors();
  revalidatePath(USERS, "layout");
  return { status: "success", message: "Profile saved." };
});

export const deleteUserAction = validatedAction(deleteUserSchema, { permission: "user.manage" }, async ({ userId, reassignTo }, actor) => {
  const result = await users.deleteUser(actor, userId, reassignTo, await context());
  if (result.articlesReassigned) await revalidateTaxonomyOrAuthors();
  revalidatePath(USERS);
  redirect(`${USERS}?deleted=1`);
});

// ── No session needed: first run and single-use links ───────────────────────

/** /setup: creates the first admin, then sends them to sign in. Refused once any user exists. */
export async function setupAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = { email: String(formData.get("email") ?? ""), name: String(formData.get("name") ?? "") };
  const parsed = setupSchema.safeParse({ ...values, password: formData.get("password") ?? "" });
  if (!parsed.success) return { status: "error", message: "Please correct the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error), values };
  try {
    await users.createFirstAdmin(parsed.data, await context());
  } catch (error) {
    if (error instanceof ActionError) return { status: "error", message: error.message, values };
    console.error("Setup failed:", error);
    return { status: "error", message: "Something went wrong on our side. Please try again.", values };
  }
  redirect(`/login?setup=1&email=${encodeURIComponent(parsed.data.email)}`);
}

/** /invite/[token] and /reset-password/[token]: sets the password, spends the link. */
export async function redeemTokenAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const purpose = formData.get("purpose") === "INVITE" ? "INVITE" : "PASSWORD_RESET";
  const parsed = redeemTokenSchema.safeParse({
    token: formData.get("token") ?? "",
    password: formData.get("password") ?? "",
    confirmPassword: formData.get("confirmPassword") ?? "",
  });
  if (!parsed.success) return { status: "error", message: "Please correct the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error) };
  let email: string;
  try {
    email = (await users.redeemToken(parsed.data.token, purpose, parsed.data.password, await context())).email;
  } catch (error) {
    if (error instanceof ActionError) return { status: "error", message: error.message };
    console.error("Setting a password failed:", error);
    return { status: "error", message: "Something went wrong on our side. Please try again." };
  }
  redirect(`/login?${purpose === "INVITE" ? "welcome" : "reset"}=1&email=${encodeURIComponent(email)}`);
}

// ── Own account ──────────────────────────────────────────────────────────────

export const updateAccountAction = validatedAction(accountProfileSchema, {}, async (input, user) => {
  await users.updateOwnProfile(user, input, await context());
  await revalidateTaxonomyOrAuthors();
  revalidatePath("/account", "layout");
  return { status: "success", message: "Profile saved." };
});

export const changePasswordAction = validatedAction(changePasswordSchema, {}, async (input, user) => {
  const sessionVersion = await users.changeOwnPassword(user, input, await context());
  // Other sessions end; this one carries on at the new session version.
  await renewSessionCookie(sessionVersion);
  return { status: "success", message: "Password changed. You were signed out on every other device." };
});
