// Helpers for the editor journeys (e2e/editor*.spec.ts, e2e/corrections.spec.ts):
// everything goes through the newsroom UI.
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { signIn, type Credentials } from "./auth";

export const runId = () => randomUUID().slice(0, 6);

/**
 * `signedIn(browser, who)` opens a new browser context signed in as `who`; every
 * context it opened is closed after each test, so earlier tests' open editors
 * (with their autosave timers) do not keep running during later ones.
 */
export function signedInContexts() {
  const opened: BrowserContext[] = [];
  test.afterEach(async () => {
    await Promise.all(opened.splice(0).map((context) => context.close()));
  });
  async function anonymous(browser: Browser, options: ContextOptions = {}): Promise<Page> {
    const context = await browser.newContext(options);
    opened.push(context);
    return context.newPage();
  }
  async function signedIn(browser: Browser, who: Credentials, options: ContextOptions = {}): Promise<Page> {
    const page = await anonymous(browser, options);
    await signIn(page, who.email, who.password);
    return page;
  }
  return { anonymous, signedIn };
}
type ContextOptions = Parameters<Browser["newContext"]>[0];

/**
 * Opens a newsroom page and waits until its client components are hydrated:
 * text typed into a controlled field before React takes over is lost.
 */
export async function openHydrated(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
}

/** Opens an article in the editor, ready to type into (Tiptap mounted). */
export async function openArticle(page: Page, id: string) {
  await openHydrated(page, `/editor/articles/${id}`);
  await expect(page.getByRole("toolbar", { name: "Formatting" })).toBeVisible();
}

/** Opens /editor/articles/new and types a story into the form. */
export async function writeArticle(page: Page, story: { title: string; lead?: string; body: string[] }) {
  await openHydrated(page, "/editor/articles/new");
  await expect(page.getByRole("toolbar", { name: "Formatting" })).toBeVisible();
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
  // A first save creates the article and runs the step: two writes on a busy machine.
  await expect(page.locator(".editor__message")).toContainText(message, { timeout: 15_000 });
  await expect(saveIndicator(page)).toHaveText("Saved");
}

/** The article's id from /editor/articles/<id>. */
export async function articleIdOf(page: Page): Promise<string> {
  await expect(page).toHaveURL(/\/editor\/articles\/[a-z0-9]+$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}

/** Replaces the whole body with `text` (one paragraph). */
export async function replaceBody(page: Page, text: string) {
  await page.getByLabel("Body", { exact: true }).click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(text);
}

/**
 * Clicks "Save draft" and waits for the server's answer. The indicator alone is
 * not enough: it may still read "Saved" from an earlier save when checked.
 */
export async function saveDraft(page: Page, { expect: outcome = "Saved" }: { expect?: string } = {}) {
  const answered = page.waitForResponse((response) => response.request().method() === "POST" && new URL(response.url()).pathname.startsWith("/editor/articles/"));
  await page.getByRole("button", { name: "Save draft" }).click();
  await answered;
  await expect(saveIndicator(page)).toHaveText(outcome);
}
