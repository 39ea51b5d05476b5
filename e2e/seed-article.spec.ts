import { expect, test } from "@playwright/test";

const TITLE = "Biden authorizes use of US long-range weapons to strike inside Russia — media";

test("the seeded article is on the front page and its page shows it once, without site chrome", async ({ page }) => {
  await page.goto("/");
  const link = page.getByRole("link", { name: TITLE });
  await expect(link).toBeVisible();
  await link.click();

  await expect(page).toHaveURL(/\/articles\/biden-authorizes-use-of-us-long-range-weapons/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  await expect(page.locator("h1")).toHaveCount(1);

  const main = page.locator("main");
  await expect(main.getByText(TITLE, { exact: true })).toHaveCount(1);
  await expect(main.locator(".lead")).toHaveText(
    "US President Joe Biden has allowed Ukraine to use US-supplied long-range ballistic missiles to strike inside Russia",
  );
  await expect(main.getByRole("link", { name: "Other countries" })).toHaveAttribute("href", "/categories/other-countries");
  await expect(main.locator("time")).toHaveAttribute("datetime", "2024-11-18T08:04:00+00:00");

  const paragraphs = main.locator(".article-body p");
  await expect(paragraphs).toHaveCount(5);
  await expect(paragraphs.first()).toHaveText(/^US President Joe Biden has allowed Ukraine/);
  await expect(paragraphs.nth(1)).toContainText('"Mr. Biden’s decision is a major change in US policy," it wrote');

  const text = await page.locator("body").innerText();
  expect(text).not.toContain("Latest news");
  expect(text).not.toContain("Orphus sistemi");
});

test("an unknown article slug is a real 404", async ({ page }) => {
  const response = await page.goto("/articles/no-such-story");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
});

test("the health route reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: { ok: true } });
});
