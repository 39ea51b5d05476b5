// Two people editing one article, each in their own browser context: the
// second save is refused with both versions side by side, and whatever the
// second editor chooses — keep mine, take theirs, or merge by hand — is exactly
// what ends up stored and on the site, with both edits in the history.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createUserViaAdmin, type Credentials } from "./support/auth";
import { articleIdOf, clickAndConfirm, openArticle, replaceBody, runId, saveDraft, saveIndicator, signedInContexts, writeArticle } from "./support/editor";

let alice: Credentials;
let bob: Credentials;
const contexts = signedInContexts();

test.beforeAll(async ({ browser }) => {
  test.setTimeout(90_000);
  alice = await createUserViaAdmin(browser, { role: "EDITOR", name: `Alice ${runId()}` });
  bob = await createUserViaAdmin(browser, { role: "EDITOR", name: `Bob ${runId()}` });
});

/** Alice writes and saves a draft; Bob opens the same article. Both forms are at the same version. */
async function bothOpen(browser: Browser, story: { title: string; body: string }, bobOptions: Parameters<Browser["newContext"]>[0] = {}) {
  const a = await contexts.signedIn(browser, alice);
  await writeArticle(a, { title: story.title, body: [story.body] });
  await saveDraft(a);
  const id = await articleIdOf(a);
  const b = await contexts.signedIn(browser, bob, bobOptions);
  await openArticle(b, id);
  await expect(b.getByLabel("Title", { exact: true })).toHaveValue(story.title);
  return { a, b, id };
}

// Two signed-in browsers per test, on a shared 2-core machine.
test.describe.configure({ timeout: 60_000 });

const conflictPanel = (page: Page) => page.getByRole("region", { name: "Someone else saved this article while you were editing" });
const revisions = (page: Page) => page.getByRole("region", { name: /Revisions/ }).locator(".revisions__item");

test("keep mine: the stale save is refused, both versions are shown, overwriting is a conscious choice", async ({ browser }) => {
  const title = `Council budget ${runId()}`;
  const { a, b, id } = await bothOpen(browser, { title, body: "The council met on Monday." });

  await a.getByLabel("Title", { exact: true }).fill(`${title} (Alice)`);
  await replaceBody(a, "Alice: the council approved the budget.");
  await saveDraft(a);

  await b.getByLabel("Lead", { exact: true }).fill("Bob's lead.");
  await replaceBody(b, "Bob: the council postponed the vote.");
  await saveDraft(b, { expect: "Conflict — not saved" });

  const panel = conflictPanel(b);
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId("conflict-mine")).toContainText("Bob: the council postponed the vote.");
  await expect(panel.getByTestId("conflict-mine")).toContainText("Bob's lead.");
  await expect(panel.getByTestId("conflict-theirs")).toContainText(`${title} (Alice)`);
  await expect(panel.getByTestId("conflict-theirs")).toContainText("Alice: the council approved the budget.");
  // Nothing of Bob's went over Alice's version.
  await a.reload();
  await expect(a.getByLabel("Body", { exact: true })).toHaveText("Alice: the council approved the budget.");
  await b.screenshot({ path: "test-results/conflict-panel.png" });

  await panel.getByRole("button", { name: "Keep mine (overwrite)" }).click();
  await expect(panel).toHaveCount(0);
  await expect(b.locator(".editor__message")).toContainText("Saved");
  await expect(saveIndicator(b)).toHaveText("Saved");

  // What Bob chose is what is stored: his form as it was (Alice's title change was his to drop).
  await openArticle(a, id);
  await expect(a.getByLabel("Title", { exact: true })).toHaveValue(title);
  await expect(a.getByLabel("Lead", { exact: true })).toHaveValue("Bob's lead.");
  await expect(a.getByLabel("Body", { exact: true })).toHaveText("Bob: the council postponed the vote.");
  // Both saves are in the history, and so is the refused attempt.
  const items = revisions(a);
  const kinds = (who: Credentials) => items.filter({ hasText: who.name }).locator(".revisions__kind");
  await expect(kinds(alice)).toHaveText([/^v2 · Saved$/, /^v1 · Saved$/]); // her edit, her first save
  await expect(kinds(bob)).toHaveText([/^v3 · Saved \(current\)$/, /^Edit of v1 · Not saved \(conflict\)$/]); // the overwrite, the refused attempt
});

test("take theirs: the form shows their version, mine stays restorable from the revisions", async ({ browser }) => {
  const title = `Harbour works ${runId()}`;
  const { a, b } = await bothOpen(browser, { title, body: "Works start in May." });

  await replaceBody(a, "Alice: works start in June.");
  await saveDraft(a);
  await replaceBody(b, "Bob: works start in July.");
  await saveDraft(b, { expect: "Conflict — not saved" });

  await conflictPanel(b).getByRole("button", { name: "Take theirs" }).click();
  await expect(conflictPanel(b)).toHaveCount(0);
  await expect(b.getByLabel("Body", { exact: true })).toHaveText("Alice: works start in June.");
  await expect(b.locator(".editor__message")).toContainText("Loaded their version");
  await expect(saveIndicator(b)).toHaveText("Saved");

  // Bob carries on from Alice's version without another conflict.
  await b.getByLabel("Lead", { exact: true }).fill("Bob adds a lead.");
  await saveDraft(b);

  // His refused text is in the history and comes back with Restore.
  const refused = revisions(b).filter({ hasText: "Not saved (conflict)" });
  await expect(refused).toHaveCount(1);
  await refused.getByRole("button", { name: /Restore version/ }).click();
  await expect(b.locator(".editor__message")).toContainText("Revision restored");
  await expect(b.getByLabel("Body", { exact: true })).toHaveText("Bob: works start in July.");
});

test("copy mine: merge by hand, then publish — readers get both edits", async ({ browser }) => {
  const title = `Rail strike ${runId()}`;
  const { a, b } = await bothOpen(browser, { title, body: "Drivers walked out." }, { permissions: ["clipboard-read", "clipboard-write"] });

  await replaceBody(a, "Alice: drivers walked out at dawn.");
  await saveDraft(a);
  await replaceBody(b, "Bob: talks resume on Friday.");
  await saveDraft(b, { expect: "Conflict — not saved" });

  const panel = conflictPanel(b);
  await panel.getByRole("button", { name: "Copy mine" }).click();
  await expect(panel.getByRole("button", { name: "Copied your text" })).toBeVisible();
  const copied = await b.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain("Bob: talks resume on Friday.");

  await panel.getByRole("button", { name: "Take theirs" }).click();
  // Paste his paragraph after hers: a by-hand merge.
  await b.getByLabel("Body", { exact: true }).click();
  await b.keyboard.press("ControlOrMeta+End");
  await b.keyboard.press("Enter");
  await b.keyboard.type("Bob: talks resume on Friday.");
  await clickAndConfirm(b, "Publish", "Published");
  const slug = await b.getByLabel("Slug").inputValue();

  const reader = await contexts.anonymous(browser);
  await reader.goto(`/articles/${slug}`);
  await expect(reader.locator(".article-body p")).toHaveText(["Alice: drivers walked out at dawn.", "Bob: talks resume on Friday."]);
});

test("an autosave of a stale version surfaces the conflict instead of overwriting", async ({ browser }) => {
  const title = `Storm warning ${runId()}`;
  const { a, b, id } = await bothOpen(browser, { title, body: "Winds of 80 km/h." });

  await replaceBody(a, "Alice: winds of 110 km/h.");
  await saveDraft(a);

  // Bob types and stops; nobody clicks anything.
  await replaceBody(b, "Bob: winds of 95 km/h.");
  await expect(saveIndicator(b)).toHaveText("Conflict — not saved", { timeout: 15_000 });
  await expect(conflictPanel(b)).toBeVisible();
  await expect(conflictPanel(b).getByTestId("conflict-theirs")).toContainText("Alice: winds of 110 km/h.");

  // Autosave stays off while the conflict is open: Alice's text is untouched.
  await b.waitForTimeout(4_000);
  await openArticle(a, id);
  await expect(a.getByLabel("Body", { exact: true })).toHaveText("Alice: winds of 110 km/h.");

  await conflictPanel(b).getByRole("button", { name: "Keep mine (overwrite)" }).click();
  await expect(saveIndicator(b)).toHaveText("Saved");
  await openArticle(a, id);
  await expect(a.getByLabel("Body", { exact: true })).toHaveText("Bob: winds of 95 km/h.");
});
