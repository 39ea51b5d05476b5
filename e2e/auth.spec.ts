// Sign-in journeys: redirects for anonymous visitors, wrong and right
// passwords, throttling, sign-out.
import { expect, test } from "@playwright/test";
import { createUserViaAdmin, E2E_ADMIN, signIn, signInAsAdmin, signOut } from "./support/auth";

/** The sign-in form's own message (Next's route announcer is an alert too, so scope it). */
const formAlert = (page: import("@playwright/test").Page) => page.getByRole("form", { name: "Sign in" }).getByRole("alert");

test("anonymous visitors to the newsroom are sent to /login and come back after signing in", async ({ page }) => {
  for (const path of ["/editor", "/editor/articles/new", "/admin/users", "/admin/audit", "/account"]) {
    await page.goto(path);
    await expect(page).toHaveURL(`/login?callbackUrl=${encodeURIComponent(path)}`);
  }
  await expect(page.getByRole("heading", { name: "Sign in to the newsroom" })).toBeVisible();
  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password").fill(E2E_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/account");
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
});

test("a wrong password shows one generic message and keeps the email; the right one signs in", async ({ page, browser }) => {
  const editor = await createUserViaAdmin(browser, { role: "EDITOR" });
  await page.goto("/login");
  await page.getByLabel("Email").fill(editor.email);
  await page.getByLabel("Password").fill("not my password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(formAlert(page)).toHaveText("Email or password is incorrect");
  await expect(page.getByLabel("Email")).toHaveValue(editor.email);
  await expect(page.getByLabel("Password")).toHaveValue("");

  // An unknown account gets exactly the same answer.
  await page.getByLabel("Email").fill("nobody@lede.test");
  await page.getByLabel("Password").fill(editor.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(formAlert(page)).toHaveText("Email or password is incorrect");

  await page.getByLabel("Email").fill(editor.email.toUpperCase());
  await page.getByLabel("Password").fill(editor.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/editor/);
  await expect(page.getByText(editor.name)).toBeVisible();

  // The session cookie is httpOnly and not readable by scripts.
  const cookie = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(cookie?.httpOnly).toBe(true);
  expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");

  await signOut(page);
  await expect(page.getByText("You are signed out.")).toBeVisible();
  await page.goto("/editor");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Feditor/);
});

test("five wrong passwords lock the account; then even the right password is refused", async ({ page, browser }) => {
  const author = await createUserViaAdmin(browser, { role: "AUTHOR" });
  await page.goto("/login");
  await page.getByLabel("Email").fill(author.email);
  for (let attempt = 1; attempt <= 4; attempt++) {
    await page.getByLabel("Password").fill(`wrong ${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(formAlert(page)).toHaveText("Email or password is incorrect");
  }
  await page.getByLabel("Password").fill("wrong 5");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(formAlert(page)).toHaveText("Too many attempts — try again in 1 minute");

  await page.getByLabel("Password").fill(author.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(formAlert(page)).toHaveText(/Too many attempts — try again in \d+ minutes?/);
  await expect(page).toHaveURL(/\/login/);

  // The lock-out is on that account only: others sign in from the same address.
  await signInAsAdmin(page);
  await expect(page).toHaveURL(/\/editor/);
});

test("a signed-in user opening /login goes straight to the newsroom", async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto("/login");
  await expect(page).toHaveURL(/\/editor/);
});
