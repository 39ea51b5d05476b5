// The editor workspace's journeys, each through the real UI: write and publish,
// author → review → editor publishes, schedule, revisions, slug redirect,
// preview, the refusals, and saving on a slow or lost connection (one save at a
// time, nothing sent twice).
import { expect, test, type Browser, type Page, type Request } from "@playwright/test";
import { createUserViaAdmin, type Credentials } from "./support/auth";
import { articleIdOf, clickAndConfirm, openHydrated, runId, saveDraft, saveIndicator, signedInContexts, writeArticle } from "./support/editor";
import { AUTOSAVE_DELAY_MS } from "../components/newsroom/editor/saving";

let editor: Credentials;
let author: Credentials;
const contexts = signedInContexts();

test.beforeAll(async ({ browser }) => {
  test.setTimeout(90_000);
  editor = await createUserViaAdmin(browser, { role: "EDITOR" });
  author = await createUserViaAdmin(browser, { role: "AUTHOR" });
});

const as = (browser: Browser, who: Credentials): Promise<Page> => contexts.signedIn(browser, who);

test("an editor writes a full story and publishes it; readers see it at once", async ({ browser }) => {
  const page = await as(browser, editor);
  const title = `Parliament delays the budget vote ${runId()}`;
  await writeArticle(page, {
    title,
    lead: "Deputies postponed the vote by a week after a late amendment.",
    body: ["The budget debate ran past midnight on Tuesday.", "“We need more time,” the speaker said — and the chamber agreed."],
  });
  await page.getByLabel("Tags").fill("budget, parliament");
  const slug = await page.getByLabel("Slug").inputValue();
  expect(slug).toMatch(/^parliament-delays-the-budget-vote-/);

  // Autosave kicks in after a pause.
  await expect(saveIndicator(page)).toHaveText("Saved", { timeout: 10_000 });
  await articleIdOf(page);
  await page.screenshot({ path: "test-results/editor-full-story.png", fullPage: false });

  await clickAndConfirm(page, "Publish", "Published");
  await expect(page.locator(".editor__statusbar")).toContainText("Published");

  const reader = await contexts.anonymous(browser);
  await reader.goto(`/articles/${slug}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(reader.locator(".article-body p").nth(1)).toHaveText("“We need more time,” the speaker said — and the chamber agreed.");
  await expect(reader.getByRole("link", { name: "budget" })).toBeVisible();

  await page.goto("/editor?status=published");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await page.screenshot({ path: "test-results/editor-list.png", fullPage: false });
});

test("Ctrl+S saves and bad input is explained next to the field without losing text", async ({ browser }) => {
  const page = await as(browser, editor);
  await openHydrated(page, "/editor/articles/new");
  await page.getByLabel("Lead", { exact: true }).fill("A lead without a title");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Give the article a title")).toBeVisible();
  await expect(page.getByLabel("Lead", { exact: true })).toHaveValue("A lead without a title");
  await page.getByLabel("Title", { exact: true }).fill(`Keyboard save ${runId()}`);
  await page.keyboard.press("Control+s");
  await expect(saveIndicator(page)).toHaveText("Saved");
  await articleIdOf(page);
});

test("an author submits for review and cannot publish; an editor publishes it", async ({ browser }) => {
  const writer = await as(browser, author);
  const title = `Author story for review ${runId()}`;
  await writeArticle(writer, { title, body: ["Filed by an author."] });
  await expect(writer.getByRole("button", { name: "Publish", exact: true })).toHaveCount(0);
  await clickAndConfirm(writer, "Submit for review", "Submitted for review");
  await expect(writer.locator(".editor__statusbar")).toContainText("In review");
  const id = await articleIdOf(writer);
  const slug = await writer.getByLabel("Slug").inputValue();

  const desk = await as(browser, editor);
  await desk.goto("/editor?status=review");
  await desk.getByRole("link", { name: title }).click();
  await expect(desk).toHaveURL(new RegExp(`/editor/articles/${id}$`));
  await clickAndConfirm(desk, "Publish", "Published");
  const response = await desk.request.get(`/articles/${slug}`);
  expect(response.status()).toBe(200);
});

test("the server refuses an author's publish even when the request is forged", async ({ browser }) => {
  const writer = await as(browser, author);
  const title = `Forged publish ${runId()}`;
  await writeArticle(writer, { title, body: ["Not for publication."] });
  await saveDraft(writer);
  const slug = await writer.getByLabel("Slug").inputValue();

  // Rewrite the "Submit for review" server-action request into a publish.
  await writer.route("**/editor/articles/**", async (route) => {
    const body = route.request().postData();
    if (route.request().method() === "POST" && body?.includes("submit")) {
      await route.continue({ postData: body.replace(/\r\n\r\nsubmit\r\n/, "\r\n\r\npublish\r\n") });
    } else {
      await route.continue();
    }
  });
  await writer.getByRole("button", { name: "Submit for review" }).click();
  await expect(writer.locator(".editor__message")).toContainText("You don’t have permission to do that.");
  expect((await writer.request.get(`/articles/${slug}`)).status()).toBe(404);
});

test("a scheduled article publishes itself on time", async ({ browser }) => {
  test.setTimeout(60_000);
  const page = await as(browser, editor);
  const title = `Scheduled story ${runId()}`;
  await writeArticle(page, { title, body: ["Goes live on its own."] });
  const zone = ((await page.locator("#field-scheduledAt-hint").textContent()) ?? "").match(/\(([^)]+)\)/)?.[1] ?? "UTC";
  const at = new Date(Date.now() + 8_000);
  const local = new Intl.DateTimeFormat("sv-SE", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" })
    .format(at)
    .replace(" ", "T");
  await page.getByLabel("Publish at").fill(local);
  await clickAndConfirm(page, "Schedule", "Scheduled");
  await expect(page.locator(".editor__statusbar")).toContainText("Scheduled");
  const slug = await page.getByLabel("Slug").inputValue();
  expect((await page.request.get(`/articles/${slug}`)).status()).toBe(404);

  // Nobody touches anything: the scheduler publishes it.
  await expect.poll(async () => (await page.request.get(`/articles/${slug}`)).status(), { timeout: 30_000, intervals: [1000] }).toBe(200);
  await page.reload();
  await expect(page.locator(".editor__statusbar")).toContainText("Published");
});

test("revisions: compare two versions and restore an old one", async ({ browser }) => {
  const page = await as(browser, editor);
  const title = `Revision story ${runId()}`;
  await writeArticle(page, { title, body: ["Version one of the text."] });
  await saveDraft(page);
  await articleIdOf(page);

  const body = page.getByLabel("Body", { exact: true });
  await body.click();
  await page.keyboard.press("Control+a");
  await page.keyboard.type("Version two of the text.");
  await saveDraft(page);

  const panel = page.getByRole("region", { name: /Revisions/ });
  await expect(panel.locator(".revisions__item")).toHaveCount(2);
  await panel.getByRole("button", { name: "Show changes" }).click();
  await expect(panel.locator(".diff del")).toContainText("one");
  await expect(panel.locator(".diff ins")).toContainText("two");

  await panel.getByRole("button", { name: "Restore version 1" }).click();
  await expect(page.locator(".editor__message")).toContainText("Revision restored");
  await expect(body).toHaveText("Version one of the text.");
  await expect(panel.locator(".revisions__item").first()).toContainText("Restored");
  await page.reload();
  await expect(page.getByLabel("Body", { exact: true })).toHaveText("Version one of the text.");
});

test("changing a published article's slug keeps the old URL as a 308 redirect", async ({ browser }) => {
  const page = await as(browser, editor);
  await writeArticle(page, { title: `Slug story ${runId()}`, body: ["Moving address."] });
  await clickAndConfirm(page, "Publish", "Published");
  const oldSlug = await page.getByLabel("Slug").inputValue();
  const newSlug = `${oldSlug}-renamed`;
  await page.getByLabel("Slug").fill(newSlug);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.locator(".editor__message")).toContainText("readers see the change once it is published");
  expect((await page.request.get(`/articles/${oldSlug}`, { maxRedirects: 0 })).status()).toBe(200);
  await clickAndConfirm(page, "Publish", "Published");

  const old = await page.request.get(`/articles/${oldSlug}`, { maxRedirects: 0 });
  expect(old.status()).toBe(308);
  expect(old.headers().location).toContain(`/articles/${newSlug}`);
  expect((await page.request.get(`/articles/${newSlug}`)).status()).toBe(200);
});

test("a signed preview link shows the draft as readers will see it, and a forged one does not", async ({ browser }) => {
  const page = await as(browser, editor);
  const title = `Preview story ${runId()}`;
  await writeArticle(page, { title, lead: "Seen before publication.", body: ["Draft text for the preview."] });
  await saveDraft(page);
  await page.getByRole("button", { name: "Preview" }).click();
  const link = page.getByRole("link", { name: "Open preview" });
  const href = (await link.getAttribute("href"))!;
  expect(href).toMatch(/^\/preview\//);

  const anonymous = await contexts.anonymous(browser);
  const response = await anonymous.goto(href);
  expect(response?.status()).toBe(200);
  await expect(anonymous.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(anonymous.locator(".article-body")).toHaveText("Draft text for the preview.");
  await expect(anonymous.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);

  const forged = href.slice(0, -3) + (href.endsWith("AAA") ? "BBB" : "AAA");
  expect((await anonymous.goto(forged))?.status()).toBe(404);
});

test("anonymous visitors are sent to sign in", async ({ page }) => {
  await page.goto("/editor/articles/new");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await page.goto("/editor");
  await expect(page).toHaveURL(/\/login/);
});

// ── Autosave and manual saves: one request at a time, nothing sent twice ─────

type SentSave = { version: number; autosave: boolean };
const isSave = (request: Request) => request.method() === "POST" && request.headers()["next-action"] !== undefined;
// A field of the form in the server action's multipart body (Next prefixes each name, e.g. "_1_version").
const formValue = (body: string, name: string) => body.match(new RegExp(`name="(?:_?\\d+_)?${name}"\\r\\n\\r\\n([^\\r]*)`))?.[1];

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * From now on every save is slow, as on a bad connection: it reaches the server
 * `toServer` ms after the page sent it, and the page hears back `back` ms after
 * the server answered. Returns every save sent (version and kind, in order) and
 * the most that were out at once — a save counts as out until its answer is
 * handed to the page, so one sent before that overlaps it.
 */
async function slowSaves(page: Page, { toServer = 0, back }: { toServer?: number; back: number }) {
  const sent: SentSave[] = [];
  let out = 0;
  let mostAtOnce = 0;
  await page.route("**/editor/articles/**", async (route) => {
    const request = route.request();
    if (!isSave(request)) return route.fallback();
    const body = request.postData() ?? "";
    sent.push({ version: Number(formValue(body, "version")), autosave: formValue(body, "autosave") === "1" });
    mostAtOnce = Math.max(mostAtOnce, ++out);
    await pause(toServer);
    const response = await route.fetch();
    await pause(back);
    out -= 1;
    await route.fulfill({ response });
  });
  return { sent, mostAtOnce: () => mostAtOnce };
}

const revisionKinds = (page: Page) => page.getByRole("region", { name: /Revisions/ }).locator(".revisions__kind");

test("a manual save is sent once: neither the pending autosave nor a repeated Ctrl+S sends the same text again", async ({ browser }) => {
  const page = await as(browser, editor);
  await writeArticle(page, { title: `Saved by hand ${runId()}`, body: ["The first text."] });
  await saveDraft(page);
  await articleIdOf(page);
  await expect(saveIndicator(page)).toHaveText("Saved");

  // Slower than the autosave delay: the timer the typing started runs out while the manual save is out.
  const saves = await slowSaves(page, { back: AUTOSAVE_DELAY_MS + 1_000 });
  await page.getByLabel("Lead", { exact: true }).fill("A lead, saved by hand.");
  await page.keyboard.press("Control+s");
  await expect(saveIndicator(page)).toHaveText("Saving…");
  await page.keyboard.press("Control+s"); // pressed again, as a held key repeats
  await expect(saveIndicator(page)).toHaveText("Saved", { timeout: 10_000 });
  await page.waitForTimeout(AUTOSAVE_DELAY_MS + 1_500);

  expect(saves.sent).toEqual([{ version: 1, autosave: false }]);
  await page.reload();
  await expect(page.getByLabel("Lead", { exact: true })).toHaveValue("A lead, saved by hand.");
  await expect(revisionKinds(page)).toHaveText([/^v2 · Saved \(current\)$/, /^v1 · Saved$/]);
});

test("Ctrl+S while an autosave is out waits for it, then records the click without another revision", async ({ browser }) => {
  const page = await as(browser, editor);
  await writeArticle(page, { title: `Autosave then click ${runId()}`, body: ["The first text."] });
  await saveDraft(page);
  await articleIdOf(page);

  const saves = await slowSaves(page, { back: 2_000 });
  await page.getByLabel("Lead", { exact: true }).fill("Saved by the autosave first.");
  await expect(saveIndicator(page)).toHaveText("Saving…", { timeout: AUTOSAVE_DELAY_MS + 2_000 });
  await page.keyboard.press("Control+s");
  await expect(page.locator(".editor__message")).toContainText("Saved", { timeout: 10_000 });
  await expect(saveIndicator(page)).toHaveText("Saved");
  await page.waitForTimeout(AUTOSAVE_DELAY_MS + 1_000);

  // One after the other, the click on top of the autosave's version.
  expect(saves.sent).toEqual([
    { version: 1, autosave: true },
    { version: 2, autosave: false },
  ]);
  expect(saves.mostAtOnce()).toBe(1);
  await page.reload();
  await expect(revisionKinds(page)).toHaveText([/^v3 · Saved \(current\)$/, /^v1 · Saved$/]);
});

test("text typed while a new article's first save is out is saved after it, at the new version, without a conflict", async ({ browser }) => {
  const page = await as(browser, editor);
  await openHydrated(page, "/editor/articles/new");
  await expect(page.getByRole("toolbar", { name: "Formatting" })).toBeVisible();
  const saves = await slowSaves(page, { back: 2_000 });

  await page.getByLabel("Title", { exact: true }).fill(`Typed during the move ${runId()}`);
  await page.keyboard.press("Control+s");
  await expect(saveIndicator(page)).toHaveText("Saving…");
  await page.getByLabel("Lead", { exact: true }).fill("Typed while the first save was out.");
  await articleIdOf(page);
  await expect(page.getByLabel("Lead", { exact: true })).toHaveValue("Typed while the first save was out.");
  await expect(saveIndicator(page)).toHaveText("Saved", { timeout: 15_000 });
  await page.waitForTimeout(AUTOSAVE_DELAY_MS + 1_000);

  await expect(page.getByRole("region", { name: "Someone else saved this article while you were editing" })).toHaveCount(0);
  expect(saves.sent).toEqual([
    { version: 0, autosave: false },
    { version: 1, autosave: true },
  ]);
  expect(saves.mostAtOnce()).toBe(1);
  await page.reload();
  await expect(page.getByLabel("Lead", { exact: true })).toHaveValue("Typed while the first save was out.");
  await expect(revisionKinds(page)).toHaveText([/^v2 · Autosaved \(current\)$/, /^v1 · Saved$/]);
});

test("Publish clicked while a new article's first autosave is out publishes it right after that save", async ({ browser }) => {
  const page = await as(browser, editor);
  await openHydrated(page, "/editor/articles/new");
  await expect(page.getByRole("toolbar", { name: "Formatting" })).toBeVisible();
  const saves = await slowSaves(page, { back: 2_000 });
  const title = `Published during the first save ${runId()}`;
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Body", { exact: true }).click();
  await page.keyboard.type("Written and published in one go.");
  const slug = await page.getByLabel("Slug").inputValue();

  await expect(saveIndicator(page)).toHaveText("Saving…", { timeout: AUTOSAVE_DELAY_MS + 5_000 });
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.locator(".editor__message")).toContainText("Published", { timeout: 15_000 });
  await articleIdOf(page);
  await expect(page.locator(".editor__statusbar")).toContainText("Published");
  // The click waited for the autosave that created the article, then published its version.
  expect(saves.sent).toEqual([
    { version: 0, autosave: true },
    { version: 1, autosave: false },
  ]);

  const reader = await contexts.anonymous(browser);
  await reader.goto(`/articles/${slug}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title);
});

test("offline, the indicator says so and leaving asks first; back online, the text is saved once", async ({ browser }) => {
  const page = await as(browser, editor);
  await writeArticle(page, { title: `Written offline ${runId()}`, body: ["The first text."] });
  await saveDraft(page);
  await articleIdOf(page);

  await page.context().setOffline(true);
  await page.getByLabel("Lead", { exact: true }).fill("Written without a connection.");
  await expect(saveIndicator(page)).toHaveText("Offline — not saved", { timeout: AUTOSAVE_DELAY_MS + 5_000 });
  // Closing the tab now would lose the text: the browser asks, and staying keeps the page.
  const asked = new Promise<string>((resolve) => page.once("dialog", (dialog) => void dialog.dismiss().then(() => resolve(dialog.type()))));
  await page.close({ runBeforeUnload: true });
  expect(await asked).toBe("beforeunload");
  expect(page.isClosed()).toBe(false);

  const saves = await slowSaves(page, { back: 0 });
  await page.context().setOffline(false);
  await expect(saveIndicator(page)).toHaveText("Saved", { timeout: 10_000 });
  await page.waitForTimeout(AUTOSAVE_DELAY_MS + 1_000);
  expect(saves.sent).toEqual([{ version: 1, autosave: true }]);
  await page.reload();
  await expect(page.getByLabel("Lead", { exact: true })).toHaveValue("Written without a connection.");
});
