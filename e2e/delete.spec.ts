// Deleting an article: a confirmation step, gone for readers (its old URLs
// too), an audit row; an author may delete only a draft of theirs that was never
// published.
import { expect, test } from "@playwright/test";
import { createUserViaAdmin, E2E_ADMIN, type Credentials } from "./support/auth";
import { articleIdOf, clickAndConfirm, openArticle, runId, saveDraft, signedInContexts, writeArticle } from "./support/editor";

let editor: Credentials;
let author: Credentials;
const contexts = signedInContexts();

test.beforeAll(async ({ browser }) => {
  test.setTimeout(90_000);
  editor = await createUserViaAdmin(browser, { role: "EDITOR" });
  author = await createUserViaAdmin(browser, { role: "AUTHOR" });
});

test("an editor deletes a live article after confirming; readers get a 404 at every address it had", async ({ browser }) => {
  const page = await contexts.signedIn(browser, editor);
  const title = `Story to delete ${runId()}`;
  await writeArticle(page, { title, body: ["Soon gone."] });
  await clickAndConfirm(page, "Publish", "Published");
  const id = await articleIdOf(page);
  const oldSlug = await page.getByLabel("Slug").inputValue();
  await page.getByLabel("Slug").fill(`${oldSlug}-moved`);
  await clickAndConfirm(page, "Publish", "Published");
  expect((await page.request.get(`/articles/${oldSlug}`, { maxRedirects: 0 })).status()).toBe(308);
  expect((await page.request.get(`/articles/${oldSlug}-moved`)).status()).toBe(200);

  // The first click only asks; Cancel keeps everything.
  await page.getByRole("button", { name: "Delete article" }).click();
  const confirm = page.getByRole("group", { name: `Delete “${title}” for good?` });
  await expect(confirm).toContainText("It is live: readers will get a 404 page");
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toHaveCount(0);
  await page.screenshot({ path: "test-results/editor-before-delete.png" });

  await page.getByRole("button", { name: "Delete article" }).click();
  await page.getByRole("button", { name: "Delete for good" }).click();
  await expect(page).toHaveURL(/\/editor\?deleted=1$/);
  await expect(page.getByRole("status").filter({ hasText: "Article deleted." })).toBeVisible();
  await page.goto(`/editor?q=${encodeURIComponent(title)}`);
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  expect((await page.goto(`/editor/articles/${id}`))?.status()).toBe(404);

  const reader = await contexts.anonymous(browser);
  expect((await reader.goto(`/articles/${oldSlug}-moved`))?.status()).toBe(404);
  expect((await reader.request.get(`/articles/${oldSlug}`, { maxRedirects: 0 })).status()).toBe(404);
  await reader.goto("/");
  await expect(reader.getByRole("link", { name: title })).toHaveCount(0);

  const admin = await contexts.signedIn(browser, E2E_ADMIN);
  await admin.goto("/admin/audit?action=article.deleted");
  const row = admin.locator('tr[data-action="article.deleted"]').filter({ hasText: title });
  await expect(row).toContainText(editor.email);
  await expect(row).toContainText(`oldSlugs: ["${oldSlug}"]`);
});

test("an author may delete their own unpublished draft, not one that is in review", async ({ browser }) => {
  const page = await contexts.signedIn(browser, author);
  const title = `Abandoned draft ${runId()}`;
  await writeArticle(page, { title, body: ["Not going anywhere."] });
  await saveDraft(page);
  await page.getByRole("button", { name: "Delete article" }).click();
  await expect(page.getByRole("group", { name: /for good\?$/ })).not.toContainText("It is live");
  await page.getByRole("button", { name: "Delete for good" }).click();
  await expect(page).toHaveURL(/\/editor\?deleted=1$/);
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);

  await writeArticle(page, { title: `Filed draft ${runId()}`, body: ["For the desk."] });
  await clickAndConfirm(page, "Submit for review", "Submitted for review");
  const id = await articleIdOf(page);
  await openArticle(page, id);
  await expect(page.getByRole("button", { name: "Delete article" })).toHaveCount(0);
});
