// Signing in and making users through the real UI, for every browser spec.
//
//   import { signInAsAdmin, createUserViaAdmin, signIn } from "./support/auth";
//   const editor = await createUserViaAdmin(browser, { role: "EDITOR" });
//   await signIn(page, editor.email, editor.password);
//
// The first admin is E2E_ADMIN, created through /setup by e2e/auth.setup.ts (the
// "first-run" project runs before all specs); `ensureAdmin` creates it the same
// way if a spec runs without that project.
import { expect, type Browser, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";

export type Role = "ADMIN" | "EDITOR" | "AUTHOR";
export type Credentials = { email: string; password: string; name: string };

export const E2E_ADMIN: Credentials = {
  email: process.env.E2E_ADMIN_EMAIL ?? "admin@lede.test",
  password: process.env.E2E_ADMIN_PASSWORD ?? "admin password 123",
  name: "Ada Admin",
};

/** Signs in through /login and waits until the newsroom (or `callbackUrl`) has loaded. */
export async function signIn(page: Page, email: string, password: string, { callbackUrl }: { callbackUrl?: string } = {}) {
  await page.goto(callbackUrl ? `/login?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/login/);
}

/** Creates E2E_ADMIN through /setup if nobody has an account yet; otherwise does nothing. */
export async function ensureAdmin(page: Page) {
  const response = await page.goto("/setup");
  if (response?.status() !== 200) return;
  await page.getByLabel("Name").fill(E2E_ADMIN.name);
  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password").fill(E2E_ADMIN.password);
  await page.getByRole("button", { name: "Create admin account" }).click();
  await page.waitForURL(/\/login/);
}

export async function signInAsAdmin(page: Page) {
  await ensureAdmin(page);
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
}

/** A unique e-mail for this test run, e.g. uniqueEmail("editor") → editor-1a2b3c4d@lede.test. */
export function uniqueEmail(prefix: string) {
  return `${prefix}-${randomUUID().slice(0, 8)}@lede.test`;
}

/**
 * Creates a user with a password through /admin/users, as the admin, in a
 * separate browser context (the caller's page stays as it was).
 */
export async function createUserViaAdmin(
  browser: Browser,
  { role, name, email, password = "test password 123" }: { role: Role; name?: string; email?: string; password?: string },
): Promise<Credentials & { role: Role }> {
  const user = { role, email: email ?? uniqueEmail(role.toLowerCase()), password, name: name ?? `${role[0]}${role.slice(1).toLowerCase()} ${randomUUID().slice(0, 4)}` };
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await signInAsAdmin(page);
    await page.goto("/admin/users");
    await fillCreateUserForm(page, user);
    await expect(page.getByRole("form", { name: "Create user" }).getByText(/can now sign in/)).toBeVisible();
  } finally {
    await context.close();
  }
  return user;
}

/** Fills and submits the "Create user" form on /admin/users (labels Email, Name, Password, Role). */
export async function fillCreateUserForm(page: Page, user: { email: string; name: string; password: string; role: Role }) {
  const form = page.getByRole("form", { name: "Create user" });
  await form.getByLabel("Email").fill(user.email);
  await form.getByLabel("Name").fill(user.name);
  await form.getByLabel("Password").fill(user.password);
  await form.getByLabel("Role").selectOption(user.role);
  await form.getByRole("button", { name: "Create user" }).click();
}
