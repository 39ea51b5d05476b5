// First run: /setup creates the first ADMIN, then answers 404. Runs before every
// other spec (project "first-run" in playwright.config.ts) on the fresh database.
import { expect, test } from "@playwright/test";
import { E2E_ADMIN, signIn } from "./support/auth";

test("first run: /setup creates the first admin, then /setup is gone", async ({ page }) => {
  const first = await page.goto("/setup");
  test.skip(first?.status() === 404, "This database already has users (delete the e2e database for a first-run test).");
  expect(first?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Welcome to Lede" })).toBeVisible();

  // Bad input keeps what was typed and says what is wrong.
  await page.getByLabel("Name").fill(E2E_ADMIN.name);
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByText("Enter a valid email address, e.g. name@example.com")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue(E2E_ADMIN.name);

  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password").fill(E2E_ADMIN.password);
  await page.getByRole("button", { name: "Create admin account" }).click();
  await page.waitForURL(/\/login/);
  await expect(page.getByText("Your admin account is ready")).toBeVisible();

  expect((await page.goto("/setup"))?.status()).toBe(404);
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page).toHaveURL(/\/editor/);
  await expect(page.getByRole("navigation", { name: "Newsroom" }).getByRole("link", { name: "Users" })).toBeVisible();
  expect((await page.goto("/setup"))?.status()).toBe(404);
});
