// The typo-report loop: a reader selects text on a published article and
// reports it (Ctrl+Enter, or the visible button), an editor finds it in
// /editor/corrections with its context, accepts one with a public correction
// note (shown on the article and in its JSON-LD) and dismisses another.
import { expect, test, type Page } from "@playwright/test";
import { createUserViaAdmin, type Credentials } from "./support/auth";
import { clickAndConfirm, runId, signedInContexts, writeArticle } from "./support/editor";

let editor: Credentials;
let author: Credentials;
const contexts = signedInContexts();

test.beforeAll(async ({ browser }) => {
  test.setTimeout(90_000);
  editor = await createUserViaAdmin(browser, { role: "EDITOR" });
  author = await createUserViaAdmin(browser, { role: "AUTHOR" });
});

/** Selects `word` inside the article's `index`-th body paragraph, the way a reader drags over it. */
async function select(page: Page, index: number, word: string) {
  await page.evaluate(
    ({ index, word }) => {
      const paragraph = document.querySelectorAll(".article-body p")[index]!;
      const text = paragraph.firstChild!;
      const at = text.textContent!.indexOf(word);
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + word.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    { index, word },
  );
}

const dialog = (page: Page) => page.getByRole("dialog", { name: "Report a typo" });

test("a reader reports typos; an editor accepts one with a public note and dismisses another", async ({ browser }) => {
  test.setTimeout(90_000);
  const desk = await contexts.signedIn(browser, editor);
  const title = `Typo-ridden story ${runId()}`;
  await writeArticle(desk, { title, body: ["The goverment met on Monday.", "Ministers agred on a new budjet."] });
  await clickAndConfirm(desk, "Publish", "Published");
  const slug = await desk.getByLabel("Slug").inputValue();

  // Reader 1: select and press Ctrl+Enter.
  const reader = await contexts.anonymous(browser);
  await reader.goto(`/articles/${slug}`);
  await reader.waitForLoadState("networkidle");
  await select(reader, 0, "goverment");
  await reader.keyboard.press("Control+Enter");
  await expect(dialog(reader)).toBeVisible();
  await expect(dialog(reader).getByLabel("Text with the mistake")).toHaveValue("goverment");
  await dialog(reader).getByLabel("Comment (optional)").fill("Should be “government”.");
  await dialog(reader).getByRole("button", { name: "Send" }).click();
  await expect(reader.getByRole("dialog", { name: "Thank you" })).toContainText("Your report was sent to the editors.");
  await reader.getByRole("button", { name: "Close" }).click();
  await expect(reader.getByRole("dialog")).toHaveCount(0);

  // Reader 2: select, then the visible "Report a typo" button.
  await select(reader, 1, "budjet");
  await reader.getByRole("button", { name: "Report a typo" }).click();
  await expect(dialog(reader).getByLabel("Text with the mistake")).toHaveValue("budjet");
  await dialog(reader).getByRole("button", { name: "Send" }).click();
  await expect(reader.getByRole("dialog", { name: "Thank you" })).toBeVisible();
  await reader.getByRole("button", { name: "Close" }).click();
  // Nothing of it is public.
  await reader.reload();
  await expect(reader.locator(".corrections")).toHaveCount(0);

  // The editor's inbox: the selection inside its context, the comment, the article.
  await desk.goto("/editor/corrections");
  const first = desk.getByRole("row").filter({ hasText: "goverment" });
  await expect(first.locator("mark")).toHaveText("goverment");
  await expect(first.locator("blockquote")).toContainText("The goverment met on Monday.");
  await expect(first).toContainText("Should be “government”.");
  await expect(first.getByRole("link", { name: title })).toHaveAttribute("href", /\/editor\/articles\/[a-z0-9]+$/);
  await expect(first.getByRole("link", { name: "View on site" })).toHaveAttribute("href", `/articles/${slug}`);
  const second = desk.getByRole("row").filter({ hasText: "budjet" });
  await expect(second).toContainText("No comment");
  await desk.screenshot({ path: "test-results/corrections-inbox.png", fullPage: true });

  await first.getByLabel("Public correction note (optional)").fill("An earlier version misspelt “government”.");
  await first.getByRole("button", { name: "Accept" }).click();
  await expect(desk.getByRole("status").filter({ hasText: "Report accepted. The correction note is on the article’s page." })).toBeVisible();
  await expect(desk.getByRole("row").filter({ hasText: "goverment" })).toHaveCount(0);

  await desk.getByRole("row").filter({ hasText: "budjet" }).getByRole("button", { name: "Dismiss" }).click();
  await expect(desk.getByRole("status").filter({ hasText: "Report dismissed." })).toBeVisible();
  await expect(desk.getByRole("row").filter({ hasText: "budjet" })).toHaveCount(0);

  await desk.getByRole("link", { name: /^Accepted/ }).click();
  await expect(desk.getByRole("row").filter({ hasText: "goverment" })).toContainText("Note: An earlier version misspelt “government”.");
  await desk.getByRole("link", { name: /^Dismissed/ }).click();
  await expect(desk.getByRole("row").filter({ hasText: "budjet" })).toContainText("Dismissed");

  // The public article shows the dated note, in the page and in its JSON-LD.
  await reader.goto(`/articles/${slug}`);
  await expect(reader.getByRole("complementary", { name: "Corrections" })).toContainText("Correction");
  await expect(reader.getByRole("complementary", { name: "Corrections" })).toContainText("An earlier version misspelt “government”.");
  const jsonLd = JSON.parse((await reader.locator('script[type="application/ld+json"]').first().textContent()) ?? "{}") as { correction?: { "@type": string; text: string }[] };
  expect(jsonLd.correction).toEqual([expect.objectContaining({ "@type": "CorrectionComment", text: "An earlier version misspelt “government”." })]);
});

test("the report dialog explains bad input next to the field and keeps what was typed", async ({ browser }) => {
  const desk = await contexts.signedIn(browser, editor);
  await writeArticle(desk, { title: `Report form story ${runId()}`, body: ["A perfectly spelt paragraph."] });
  await clickAndConfirm(desk, "Publish", "Published");
  const slug = await desk.getByLabel("Slug").inputValue();

  const reader = await contexts.anonymous(browser);
  await reader.goto(`/articles/${slug}`);
  await reader.waitForLoadState("networkidle");
  // Nothing selected: the button opens an empty form, and sending it says what is missing.
  await reader.getByRole("button", { name: "Report a typo" }).click();
  const form = dialog(reader);
  await expect(form.getByLabel("Text with the mistake")).toHaveValue("");
  await form.getByRole("button", { name: "Send" }).click();
  await expect(form.getByText("Select or type the text that has the mistake.")).toBeVisible();
  await expect(form.getByLabel("Text with the mistake")).toHaveAttribute("aria-invalid", "true");

  // Too long a comment: the whole text stays in the field, with the limit and the count.
  const comment = "This is far too long. ".repeat(46);
  await form.getByLabel("Text with the mistake").fill("spelt");
  await form.getByLabel("Comment (optional)").fill(comment);
  await form.getByRole("button", { name: "Send" }).click();
  await expect(form.getByText(`The comment can be at most 1000 characters (now ${comment.trim().length}).`)).toBeVisible();
  await expect(form.getByLabel("Comment (optional)")).toHaveValue(comment);

  // The server applies the same rules to anyone posting directly.
  const direct = await reader.request.post("/api/corrections", { data: { articleSlug: slug, selectedText: "spelt", comment } });
  expect(direct.status()).toBe(400);
  expect(await direct.json()).toMatchObject({ fieldErrors: { comment: ["The comment can be at most 1000 characters"] } });

  await form.getByLabel("Comment (optional)").fill("Fine after all?");
  await form.getByRole("button", { name: "Send" }).click();
  await expect(reader.getByRole("dialog", { name: "Thank you" })).toBeVisible();
});

test("an author is refused the corrections inbox on the server", async ({ browser }) => {
  const page = await contexts.signedIn(browser, author);
  await expect(page.getByRole("navigation", { name: "Newsroom" }).getByRole("link", { name: "Corrections" })).toHaveCount(0);
  const response = await page.goto("/editor/corrections");
  expect(response?.status()).toBe(403);
  await expect(page.getByText("goverment")).toHaveCount(0);
});
