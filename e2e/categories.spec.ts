// Categories and tags as an editor manages them in /editor/categories and
// /editor/tags, checked on the public site: renamed addresses redirect, deleted
// categories hand their articles on, merged tags combine. Authors are refused.
import { expect, test, type Page } from "@playwright/test";
import { createUserViaAdmin, type Credentials } from "./support/auth";
import { clickAndConfirm, openHydrated, runId, signedInContexts, writeArticle } from "./support/editor";

let editor: Credentials;
let author: Credentials;
const contexts = signedInContexts();

test.beforeAll(async ({ browser }) => {
  test.setTimeout(90_000);
  editor = await createUserViaAdmin(browser, { role: "EDITOR" });
  author = await createUserViaAdmin(browser, { role: "AUTHOR" });
});

const message = (page: Page) => page.locator(".taxonomy__message");
const row = (page: Page, name: string) => page.locator("tr[data-category-id]").filter({ has: page.locator(".table__primary", { hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\&]/g, "\\$&")}$`) }) });

async function addCategory(page: Page, name: string, description = "") {
  const form = page.getByRole("form", { name: "New category" });
  await form.getByLabel("Name").fill(name);
  if (description) await form.getByLabel("Description").fill(description);
  await form.getByRole("button", { name: "Add category" }).click();
  await expect(message(page)).toContainText(`Category “${name}” added`);
}

test("an editor adds, renames, reorders and deletes categories; the site follows", async ({ browser }) => {
  test.setTimeout(90_000);
  const id = runId();
  const page = await contexts.signedIn(browser, editor);
  await page.getByRole("navigation", { name: "Newsroom" }).getByRole("link", { name: "Categories" }).click();
  await expect(page).toHaveURL(/\/editor\/categories$/);
  await page.waitForLoadState("networkidle");

  // Bad input is explained next to the field and what was typed stays.
  const form = page.getByRole("form", { name: "New category" });
  await form.getByLabel("Description").fill("Kept while the name is missing");
  await form.getByRole("button", { name: "Add category" }).click();
  await expect(form.getByText("Name the category")).toBeVisible();
  await expect(form.getByLabel("Description")).toHaveValue("Kept while the name is missing");
  await form.getByLabel("Description").fill("");

  await addCategory(page, `Science ${id}`, "Research and discoveries");
  await addCategory(page, `Space ${id}`);
  await addCategory(page, `Temporary ${id}`);
  await form.getByLabel("Name").fill(`Space ${id}`);
  await form.getByRole("button", { name: "Add category" }).click();
  await expect(form.getByText("A category with this name already exists")).toBeVisible();
  await expect(form.getByLabel("Name")).toHaveValue(`Space ${id}`);
  await expect(row(page, `Science ${id}`)).toContainText(`/categories/science-${id}`);
  await expect(row(page, `Science ${id}`)).toContainText("Research and discoveries");

  // A story in Science.
  const desk = await contexts.signedIn(browser, editor);
  const title = `Comet sighted ${id}`;
  await writeArticle(desk, { title, body: ["Astronomers saw it first."] });
  await desk.getByLabel("Category").selectOption({ label: `Science ${id}` });
  await clickAndConfirm(desk, "Publish", "Published");
  const slug = await desk.getByLabel("Slug").inputValue();

  await page.reload();
  await expect(row(page, `Science ${id}`)).toContainText("1 published");

  // Rename, with a new address: the old one redirects, page and feed.
  await row(page, `Science ${id}`).getByRole("button", { name: `Edit Science ${id}` }).click();
  const edit = page.getByRole("form", { name: `Edit Science ${id}` });
  await edit.getByLabel("Name").fill(`Science & Tech ${id}`);
  await edit.getByLabel("Slug").fill(`science-tech-${id}`);
  await expect(edit).toContainText(`The old address /categories/science-${id} will redirect here.`);
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(message(page)).toContainText(`Saved. /categories/science-${id} now redirects to /categories/science-tech-${id}.`);
  await expect(row(page, `Science & Tech ${id}`)).toContainText(`Old addresses redirect here: /categories/science-${id}`);

  const old = await page.request.get(`/categories/science-${id}`, { maxRedirects: 0 });
  expect(old.status()).toBe(308);
  expect(old.headers().location).toContain(`/categories/science-tech-${id}`);
  const oldFeed = await page.request.get(`/categories/science-${id}/feed.xml`, { maxRedirects: 0 });
  expect(oldFeed.status()).toBe(308);
  expect(oldFeed.headers().location).toContain(`/categories/science-tech-${id}/feed.xml`);
  const reader = await contexts.anonymous(browser);
  await reader.goto(`/categories/science-tech-${id}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(`Science & Tech ${id}`);
  await expect(reader.getByRole("link", { name: title })).toBeVisible();
  await reader.goto(`/articles/${slug}`);
  await expect(reader.locator(".kicker")).toHaveText(`Science & Tech ${id}`);

  // Reorder: Space moves above Science & Tech.
  const names = () => page.locator("tr[data-category-id] .table__primary").allTextContents();
  const before = await names();
  expect(before.indexOf(`Space ${id}`)).toBe(before.indexOf(`Science & Tech ${id}`) + 1);
  await page.getByRole("button", { name: `Move Space ${id} up` }).click();
  await expect(message(page)).toContainText(`Moved “Space ${id}” up.`);
  await expect.poll(async () => {
    const after = await names();
    return after.indexOf(`Space ${id}`) - after.indexOf(`Science & Tech ${id}`);
  }).toBe(-1);
  await page.screenshot({ path: "test-results/editor-categories.png", fullPage: true });

  // Delete a category with an article: it must go somewhere first.
  await row(page, `Science & Tech ${id}`).getByRole("button", { name: `Delete Science & Tech ${id}` }).click();
  const confirm = page.getByRole("group", { name: `Delete “Science & Tech ${id}”?` });
  await expect(confirm).toContainText("It has 1 article (1 published)");
  await confirm.getByLabel("Move its articles to").selectOption({ label: `Space ${id}` });
  await confirm.getByRole("button", { name: "Move articles and delete" }).click();
  await expect(message(page)).toContainText(`Deleted “Science & Tech ${id}”. Its 1 article is now in Space ${id}.`);
  await expect(row(page, `Science & Tech ${id}`)).toHaveCount(0);
  await reader.goto(`/articles/${slug}`);
  await expect(reader.locator(".kicker")).toHaveText(`Space ${id}`);
  expect((await reader.request.get(`/categories/science-tech-${id}`)).status()).toBe(404);
  expect((await reader.request.get(`/categories/science-${id}`, { maxRedirects: 0 })).status()).toBe(404);

  // An empty one goes at once.
  await row(page, `Temporary ${id}`).getByRole("button", { name: `Delete Temporary ${id}` }).click();
  await page.getByRole("group", { name: `Delete “Temporary ${id}”?` }).getByRole("button", { name: "Delete category" }).click();
  await expect(message(page)).toContainText(`Deleted “Temporary ${id}”.`);
  await expect(row(page, `Temporary ${id}`)).toHaveCount(0);
});

test("an editor renames, merges and deletes tags", async ({ browser }) => {
  test.setTimeout(60_000);
  const id = runId();
  const desk = await contexts.signedIn(browser, editor);
  const title = `Grid upgrade ${id}`;
  await writeArticle(desk, { title, body: ["The grid gets an upgrade."] });
  await desk.getByLabel("Tags").fill(`Energy ${id}, energy policy ${id}, Obsolete ${id}`);
  await clickAndConfirm(desk, "Publish", "Published");
  const slug = await desk.getByLabel("Slug").inputValue();

  const page = desk;
  await openHydrated(page, `/editor/tags?q=${id}`);
  const tagRow = (name: string) => page.locator("tr[data-tag-id]").filter({ has: page.locator(".table__primary", { hasText: new RegExp(`^${name}$`) }) });
  await expect(page.locator("tr[data-tag-id]")).toHaveCount(3);
  const tagMessage = page.locator(".taxonomy__message");

  await tagRow(`energy policy ${id}`).getByRole("button", { name: `Rename energy policy ${id}` }).click();
  const rename = page.getByRole("form", { name: `Rename energy policy ${id}` });
  await rename.getByLabel("Name").fill(`Energy ${id}`);
  await rename.getByRole("button", { name: "Save changes" }).click();
  await expect(rename.getByText("To combine the two, use Merge.")).toBeVisible();
  await rename.getByLabel("Name").fill(`Energy Policy ${id}`);
  await rename.getByRole("button", { name: "Save changes" }).click();
  await expect(tagMessage).toContainText(`Saved “Energy Policy ${id}”.`);

  await tagRow(`Energy Policy ${id}`).getByRole("button", { name: `Merge Energy Policy ${id}` }).click();
  const merge = page.getByRole("form", { name: `Merge Energy Policy ${id}` });
  await merge.getByLabel("Merge into tag").fill(`energy ${id}`);
  await merge.getByRole("button", { name: /^Merge into/ }).click();
  await expect(tagMessage).toContainText(`Merged “Energy Policy ${id}” into “Energy ${id}” (1 article).`);
  await expect(page.locator("tr[data-tag-id]")).toHaveCount(2);
  // The merged tag's page leads readers (and search engines) to the tag its story carries now.
  const merged = await page.request.get(`/tags/energy-policy-${id}`, { maxRedirects: 0 });
  expect(merged.status()).toBe(308);
  expect(merged.headers().location).toContain(`/tags/energy-${id}`);

  await tagRow(`Energy ${id}`).getByRole("button", { name: `Rename Energy ${id}` }).click();
  const move = page.getByRole("form", { name: `Rename Energy ${id}` });
  await move.getByLabel("Slug").fill(`power-${id}`);
  await expect(move).toContainText(`The old address /tags/energy-${id} will redirect here.`);
  await move.getByRole("button", { name: "Save changes" }).click();
  await expect(tagMessage).toContainText(`Saved “Energy ${id}”. /tags/energy-${id} now redirects to /tags/power-${id}.`);
  for (const old of [`energy-${id}`, `energy-policy-${id}`]) {
    const moved = await page.request.get(`/tags/${old}`, { maxRedirects: 0 });
    expect(moved.status(), old).toBe(308);
    expect(moved.headers().location, old).toContain(`/tags/power-${id}`);
  }

  await tagRow(`Obsolete ${id}`).getByRole("button", { name: `Delete Obsolete ${id}` }).click();
  await page.getByRole("group", { name: `Delete the tag “Obsolete ${id}”?` }).getByRole("button", { name: "Delete tag" }).click();
  await expect(tagMessage).toContainText(`Deleted “Obsolete ${id}”; 1 article no longer carries it.`);
  await page.screenshot({ path: "test-results/editor-tags.png", fullPage: true });

  const reader = await contexts.anonymous(browser);
  await reader.goto(`/articles/${slug}`);
  await expect(reader.getByRole("list", { name: "Tags" }).getByRole("link")).toHaveText([`Energy ${id}`]);
  expect((await reader.request.get(`/tags/obsolete-${id}`)).status()).toBe(404);
});

test("an author is refused categories and tags on the server", async ({ browser }) => {
  const page = await contexts.signedIn(browser, author);
  const nav = page.getByRole("navigation", { name: "Newsroom" });
  await expect(nav.getByRole("link", { name: "Categories" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Tags" })).toHaveCount(0);
  expect((await page.goto("/editor/categories"))?.status()).toBe(403);
  expect((await page.goto("/editor/tags"))?.status()).toBe(403);
});
