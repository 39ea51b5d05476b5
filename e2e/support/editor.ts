// Helpers for the editor journeys (e2e/editor*.spec.ts, e2e/corrections.spec.ts):
// everything goes through the newsroom UI.
import { expect, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";

export const runId = () => randomUUID().slice(0, 6);

/** Opens /editor/articles/new and types a story into the form. */
export async function writeArticle(page: Page, story: { title: string; lead?: string; body: string[] }) {
  await page.goto("/editor/articles/new");
  await page.getByLabel("Title", { exact: true }).fill(story.title);
  if (story.lead) await page.getByLabel("Lead", { exact: true }).fill(story.lead);
  const body = page.getByLabel("Body", { exact: true });
  await body.click();
  for (const [index, paragraph] of story.body.entries()) {
    if (index > 0) await page.keyboard.press("Enter");
    await page.keyboard.type(paragraph);
  }
}

export const saveIndicator = (page: Page) => page.locator("[data-save-status]");

/** Clicks a workflow button and waits for the form's success message. */
export async function clickAndConfirm(page: Page, button: string, message: string | RegExp) {
  await page.getByRole("button", { name: button, exact: true }).click();
  await expect(page.locator(".editor__message")).toContainText(message);
  await expect(saveIndicator(page)).toHaveText("Saved");
}

/** The article's id from /editor/articles/<id>. */
export async function articleIdOf(page: Page): Promise<string> {
  await expect(page).toHaveURL(/\/editor\/articles\/[a-z0-9]+$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}
