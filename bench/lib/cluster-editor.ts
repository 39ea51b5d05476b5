// Editors for the cluster bench and fault script: real browser sessions
// (Debian Chromium through Playwright, flags as in playwright.config.ts) that
// sign in through /login and save, publish and schedule through the newsroom
// form and its server actions — the same path a person takes.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page, type Request, type Route } from "@playwright/test";
import { signIn } from "../../e2e/support/auth";
import { watchFor } from "./cluster-http";

const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

type ChromiumModule = { ensureChromium(): string };

/** The system Chromium (installed with apt-get when missing and we are root, as for the e2e tests). */
export async function launchBrowser(): Promise<Browser> {
  const { ensureChromium } = (await import(pathToFileURL(path.resolve("scripts/lib/chromium.mjs")).href)) as ChromiumModule;
  return chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
}

export type Credentials = { email: string; password: string };

export type Editor = { baseUrl: string; context: BrowserContext; page: Page };

/** A signed-in browser context talking to `baseUrl` (an instance directly, or the balancer). */
export async function openEditor(browser: Browser, baseUrl: string, who: Credentials): Promise<Editor> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await signIn(page, who.email, who.password);
  return { baseUrl, context, page };
}

/** Creates a user through /admin/users as `admin` (a signed-in admin editor). */
export async function createUserViaAdmin(admin: Editor, user: { email: string; name: string; password: string; role: "EDITOR" | "AUTHOR" | "ADMIN" }): Promise<void> {
  const { page } = admin;
  await page.goto("/admin/users");
  await page.waitForLoadState("networkidle");
  const form = page.getByRole("form", { name: "Create user" });
  await form.getByLabel("Email").fill(user.email);
  await form.getByLabel("Name").fill(user.name);
  await form.getByLabel("Password").fill(user.password);
  await form.getByLabel("Role").selectOption(user.role);
  await form.getByRole("button", { name: "Create user" }).click();
  await form.getByText(/can now sign in/).waitFor();
}

export type ActionOutcome = {
  ok: boolean;
  /** The form's message (success, error), or the conflict panel's heading. */
  message: string;
  conflict: boolean;
  /** Click → server action answered. */
  ms: number;
  /** Raw body of the server action's response, to check that no internals leak. */
  responseBody: string;
  /** performance.now() just before the click. */
  clickedAt: number;
  /** The article version the form sent (its optimistic lock). */
  sentVersion: number | null;
};

/**
 * Clicks a button of the article form and waits for the server action's answer
 * and for the form to show it (message, or the conflict panel). `onClicked`
 * runs right after the click (e.g. to start timing). With `captureBody` the
 * action's response passes through the test so its raw body can be checked.
 */
export async function clickFormButton(page: Page, button: string, { onClicked, captureBody = false }: { onClicked?: () => void; captureBody?: boolean } = {}): Promise<ActionOutcome> {
  let captured: string | null = null;
  const isAction = (request: Request) => request.method() === "POST" && "next-action" in request.headers();
  const capture = async (route: Route) => {
    if (!isAction(route.request())) return route.fallback();
    const response = await route.fetch();
    captured = await response.text();
    await route.fulfill({ response, body: captured });
  };
  if (captureBody) await page.route("**/*", capture);
  const answered = page.waitForResponse((response) => isAction(response.request()), { timeout: 20_000 });
  const clickedAt = performance.now();
  await page.getByRole("button", { name: button, exact: true }).click();
  onClicked?.();
  let responseBody = "";
  let ms = Number.NaN;
  let sentVersion: number | null = null;
  try {
    const response = await answered;
    ms = performance.now() - clickedAt;
    const version = response.request().postData()?.match(/name="(?:_?\d+_)?version"\r\n\r\n(\d+)/);
    sentVersion = version ? Number(version[1]) : null;
    responseBody = captured ?? (await response.text().catch(() => ""));
  } catch {
    // No answer at all (the server is down): the form shows its offline message.
  } finally {
    if (captureBody) await page.unroute("**/*", capture);
  }
  const status = page.locator("[data-save-status]");
  await page.waitForFunction(() => document.querySelector("[data-save-status]")?.getAttribute("data-save-status") !== "saving", undefined, { timeout: 20_000 });
  const state = (await status.getAttribute("data-save-status")) ?? "";
  if (state === "conflict") {
    const heading = (await page.locator(".conflict__title").textContent()) ?? "";
    return { ok: false, conflict: true, message: heading.trim(), ms, responseBody, clickedAt, sentVersion };
  }
  const message = ((await page.locator(".editor__message").textContent().catch(() => "")) ?? "").trim();
  const fieldErrors = state === "saved" ? [] : await page.locator(".field__error").allTextContents();
  return { ok: state === "saved", conflict: false, message: [message, ...fieldErrors].filter(Boolean).join(" · "), ms, responseBody, clickedAt, sentVersion };
}

/** Waits until the form is hydrated and the body editor mounted: text typed earlier is lost. */
async function formReady(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.getByRole("toolbar", { name: "Formatting" }).waitFor();
}

export type PublishTiming = {
  outcome: ActionOutcome;
  /** Click on Publish → the new text served by each instance (null: not within the timeout). */
  clickToVisibleMs: (number | null)[];
  /** The form showed "Published" → the new text served by each instance; negative when readers had it first. */
  answerToVisibleMs: (number | null)[];
};

/**
 * Sets the lead to `marker` and clicks Publish, watching `/articles/<slug>` on
 * every one of `instanceUrls` from the moment of the click.
 */
export async function publishAndWatch(page: Page, instanceUrls: readonly string[], slug: string, marker: string, timeoutMs: number): Promise<PublishTiming> {
  await setLead(page, marker);
  const controller = new AbortController();
  const watch: { seen: Promise<(number | null)[]> | null } = { seen: null };
  const outcome = await clickFormButton(page, "Publish", {
    onClicked: () => (watch.seen = watchFor(instanceUrls, `/articles/${slug}`, marker, { timeoutMs, signal: controller.signal })),
  });
  if (!outcome.ok) controller.abort();
  const seen = (await watch.seen) ?? instanceUrls.map(() => null);
  const answeredAt = outcome.clickedAt + outcome.ms;
  return {
    outcome,
    clickToVisibleMs: seen.map((at) => (at === null ? null : at - outcome.clickedAt)),
    answerToVisibleMs: seen.map((at) => (at === null || !Number.isFinite(answeredAt) ? null : at - answeredAt)),
  };
}

/** Opens an article in the editor, ready to type into. */
export async function openArticle(page: Page, id: string): Promise<void> {
  await page.goto(`/editor/articles/${id}`);
  await formReady(page);
}

export async function setLead(page: Page, lead: string): Promise<void> {
  await page.getByLabel("Lead", { exact: true }).fill(lead);
}

/** Writes a new story through /editor/articles/new and saves it as a draft; returns its id and slug. */
export async function createDraft(page: Page, story: { title: string; lead: string; body: string }): Promise<{ id: string; slug: string }> {
  await page.goto("/editor/articles/new");
  await formReady(page);
  await page.getByLabel("Title", { exact: true }).fill(story.title);
  await setLead(page, story.lead);
  await page.getByLabel("Body", { exact: true }).click();
  await page.keyboard.type(story.body);
  const saved = await clickFormButton(page, "Save draft");
  if (!saved.ok) throw new Error(`could not save the new draft "${story.title}": ${saved.message}`);
  await page.waitForURL(/\/editor\/articles\/[a-z0-9]+$/);
  // The first save refreshes the page's server data; let that land before the next click.
  await formReady(page);
  const id = new URL(page.url()).pathname.split("/").pop()!;
  const slug = await page.getByLabel("Slug").inputValue();
  return { id, slug };
}

/** The site's time zone as the form shows it ("Site time (UTC)"). */
export async function siteTimeZone(page: Page): Promise<string> {
  return ((await page.locator("#field-scheduledAt-hint").textContent()) ?? "").match(/\(([^)]+)\)/)?.[1] ?? "UTC";
}

/** `at` as an <input type="datetime-local"> value in `timeZone`, to the second. */
export function localDateTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" })
    .format(at)
    .replace(" ", "T");
}

/** Fills "Publish at" and clicks Schedule. */
export async function schedule(page: Page, at: Date): Promise<ActionOutcome> {
  await page.getByLabel("Publish at").fill(localDateTime(at, await siteTimeZone(page)));
  return clickFormButton(page, "Schedule");
}

/** Text that must never reach a user: stack frames and driver internals. */
export function leaksInternals(text: string): string | null {
  const patterns = [/\n\s+at [^\n]+:\d+:\d+/, /ECONNREFUSED/, /PrismaClient\w*Error/, /invocation in/, /node_modules\//, /\.ts:\d+:\d+/, /Error: [^\n]*\n\s+at /];
  for (const pattern of patterns) if (pattern.test(text)) return pattern.source;
  return null;
}
