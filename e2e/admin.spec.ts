// Administration journeys: creating and inviting people, disabling, role
// changes, 403 for non-admins on every /admin route and admin action, and the
// audit log showing it all in order.
import { readFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createUserViaAdmin, E2E_ADMIN, fillCreateUserForm, signIn, signInAsAdmin, uniqueEmail } from "./support/auth";

async function newSignedInPage(browser: Browser, email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, password);
  return page;
}

async function openUser(admin: Page, email: string) {
  await admin.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  await admin.locator(`tr[data-user-email="${email}"]`).getByRole("link").first().click();
  await expect(admin.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(admin.getByText(email).first()).toBeVisible();
  // The user page's forms are client components: a choice made before they hydrate is reset.
  await admin.waitForLoadState("networkidle");
}

test("an admin creates an editor, who can sign in and has no admin section", async ({ page, browser }) => {
  await signInAsAdmin(page);
  await page.goto("/admin/users");
  const editor = { email: uniqueEmail("editor"), name: "Eddie Editor", password: "editor password 1", role: "EDITOR" as const };

  // A duplicate e-mail (in other case) is refused next to the field, keeping what was typed.
  await fillCreateUserForm(page, { ...editor, email: E2E_ADMIN.email.toUpperCase() });
  const form = page.getByRole("form", { name: "Create user" });
  await expect(form.getByText("A user with this email already exists").first()).toBeVisible();
  await expect(form.getByLabel("Name")).toHaveValue(editor.name);

  await fillCreateUserForm(page, editor);
  await expect(form.getByText("Eddie Editor can now sign in as editor.")).toBeVisible();
  const row = page.locator(`tr[data-user-email="${editor.email}"]`);
  await expect(row).toContainText("Editor");
  await expect(row).toContainText("Active");

  const editorPage = await newSignedInPage(browser, editor.email, editor.password);
  await expect(editorPage).toHaveURL(/\/editor/);
  const nav = editorPage.getByRole("navigation", { name: "Newsroom" });
  await expect(nav.getByRole("link", { name: "Articles" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Corrections" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);
  await editorPage.context().close();
});

test("an invited author sets a password through the link and signs in; disabling them ends their session at once", async ({ page, browser }) => {
  await signInAsAdmin(page);
  await page.goto("/admin/users");
  const author = { email: uniqueEmail("author"), name: "Ines Invitee" };
  await page.getByRole("button", { name: "Invite by link" }).click();
  const inviteForm = page.getByRole("form", { name: "Invite user" });
  await inviteForm.getByLabel("Email").fill(author.email);
  await inviteForm.getByLabel("Name").fill(author.name);
  await inviteForm.getByLabel("Role").selectOption("AUTHOR");
  await inviteForm.getByRole("button", { name: "Create invitation" }).click();
  const link = await inviteForm.getByLabel("Invitation link").inputValue();
  expect(link).toMatch(/\/invite\/[\w-]{40,}$/);
  await page.goto(`/admin/users?q=${encodeURIComponent(author.email)}`);
  await expect(page.locator(`tr[data-user-email="${author.email}"]`)).toContainText("Invited");

  // The invitee, in their own browser.
  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(new URL(link).pathname);
  await expect(invitee.getByRole("heading", { name: `Welcome, ${author.name}` })).toBeVisible();
  await invitee.getByLabel("Password", { exact: true }).fill("author password 1");
  await invitee.getByLabel("Confirm password").fill("author password 2");
  await invitee.getByRole("button", { name: "Set password and continue" }).click();
  await expect(invitee.getByText("The passwords don’t match")).toBeVisible();
  await invitee.getByLabel("Password", { exact: true }).fill("author password 1");
  await invitee.getByLabel("Confirm password").fill("author password 1");
  await invitee.getByRole("button", { name: "Set password and continue" }).click();
  await expect(invitee).toHaveURL(/\/login\?welcome=1/);
  await expect(invitee.getByLabel("Email")).toHaveValue(author.email);
  await invitee.getByLabel("Password").fill("author password 1");
  await invitee.getByRole("button", { name: "Sign in" }).click();
  await expect(invitee).toHaveURL(/\/editor/);
  await expect(invitee.getByText(author.name)).toBeVisible();

  // The link was single-use.
  const again = await (await browser.newContext()).newPage();
  await again.goto(new URL(link).pathname);
  await expect(again.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
  await again.context().close();

  // The admin disables the author; the author's open session is refused on the next request.
  await openUser(page, author.email);
  await page.getByRole("button", { name: "Disable user" }).click();
  await expect(page.getByRole("button", { name: "Enable user" })).toBeVisible();
  await invitee.goto("/account");
  await expect(invitee).toHaveURL(/\/login\?callbackUrl=%2Faccount/);
  await invitee.getByLabel("Email").fill(author.email);
  await invitee.getByLabel("Password").fill("author password 1");
  await invitee.getByRole("button", { name: "Sign in" }).click();
  await expect(invitee.getByRole("form", { name: "Sign in" }).getByRole("alert")).toHaveText("Email or password is incorrect");
  await invitee.context().close();

  // The audit log shows this story, newest first.
  await page.goto(`/admin/audit?actor=&action=`);
  const actions = await page
    .locator("tbody tr")
    .filter({ hasText: author.email })
    .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-action")));
  expect(actions).toEqual(["auth.sign_in_failed", "user.disabled", "auth.sign_in", "user.invite_accepted", "user.invited"]);
  const disabledRow = page.locator('tbody tr[data-action="user.disabled"]').filter({ hasText: author.email });
  await expect(disabledRow).toContainText(E2E_ADMIN.email);

  // Filters and CSV export.
  await page.getByLabel("Actor").fill(author.email);
  await page.getByLabel("Action").selectOption("auth.sign_in");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/actor=.*&action=auth.sign_in/);
  await expect(page.locator("tbody tr")).toHaveCount(1);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const csv = readFileSync(await (await download).path(), "utf8");
  const lines = csv.trim().split(/\r\n/);
  expect(lines[0]).toBe("time,actor,action,target_type,target_id,target,ip,data");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`${author.email},auth.sign_in,user`);
});

test("a role change takes effect on the user's next request", async ({ page, browser }) => {
  const author = await createUserViaAdmin(browser, { role: "AUTHOR" });
  const authorPage = await newSignedInPage(browser, author.email, author.password);
  expect((await authorPage.goto("/admin/users"))?.status()).toBe(403);

  await signInAsAdmin(page);
  await openUser(page, author.email);
  await page.getByLabel("Role", { exact: true }).selectOption("ADMIN");
  await expect(page.getByLabel("Role", { exact: true })).toHaveValue("ADMIN");
  await page.getByRole("button", { name: "Change role" }).click();
  await expect(page.getByText(`${author.name} is now admin.`)).toBeVisible();

  expect((await authorPage.goto("/admin/users"))?.status()).toBe(200);
  await expect(authorPage.getByRole("heading", { name: "Users" })).toBeVisible();

  await page.getByLabel("Role", { exact: true }).selectOption("AUTHOR");
  await page.getByRole("button", { name: "Change role" }).click();
  await expect(page.getByText(`${author.name} is now author.`)).toBeVisible();
  expect((await authorPage.goto("/admin/users"))?.status()).toBe(403);
  await authorPage.context().close();
});

test("an admin can't demote, disable or delete themself", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/admin/users");
  await page.locator(`tr[data-user-email="${E2E_ADMIN.email}"]`).getByRole("link").first().click();
  await expect(page.getByLabel("Role", { exact: true })).toBeDisabled();
  await expect(page.getByText("You can’t change your own role.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Disable user" })).toBeDisabled();
  await expect(page.getByText("You can’t delete your own account.")).toBeVisible();
});

test.describe("non-admins", () => {
  test("get 403 on every /admin route and the CSV export", async ({ browser }) => {
    for (const role of ["EDITOR", "AUTHOR"] as const) {
      const user = await createUserViaAdmin(browser, { role });
      const page = await newSignedInPage(browser, user.email, user.password);
      for (const path of ["/admin", "/admin/users", `/admin/users/someone`, "/admin/audit", "/admin/settings"]) {
        const response = await page.goto(path);
        expect(response?.status(), `${role} ${path}`).toBe(403);
        await expect(page.getByRole("heading", { name: "You don’t have access to this page" })).toBeVisible();
      }
      const csv = await page.request.get("/admin/audit/export");
      expect(csv.status()).toBe(403);
      expect(await csv.text()).not.toContain("auth.sign_in");
      await page.context().close();
    }
  });

  test("are refused by every admin action when they call it directly", async ({ page, browser, baseURL }) => {
    const victim = await createUserViaAdmin(browser, { role: "AUTHOR" });
    const editor = await createUserViaAdmin(browser, { role: "EDITOR" });

    // Capture each admin form exactly as a browser without JavaScript would post it
    // (the server-rendered HTML carries the server action's id)…
    await signInAsAdmin(page);
    await openUser(page, victim.email);
    const userUrl = new URL(page.url()).pathname;
    const forms = await captureForms(page, userUrl);
    const usersForms = await captureForms(page, "/admin/users");
    const inviteForms = await captureForms(page, "/admin/users?mode=invite");
    const settingsForms = await captureForms(page, "/admin/settings");

    const forged: [string, string, Record<string, string>][] = [
      [userUrl, "Profile", { ...forms.Profile, name: "Forged Name", slug: "forged-slug" }],
      [userUrl, "Permissions", { ...forms.Permissions, role: "ADMIN" }],
      [userUrl, "Password reset", forms["Password reset"]!],
      [userUrl, "Disable user", forms["Disable user"]!],
      [userUrl, "Delete user", { ...forms["Delete user"], confirm: "on" }],
      ["/admin/users", "Create user", { ...usersForms["Create user"], email: uniqueEmail("forged"), name: "Forged", password: "forged password 1", role: "ADMIN" }],
      ["/admin/users", "Invite user", { ...inviteForms["Invite user"], email: uniqueEmail("forged"), name: "Forged", role: "ADMIN" }],
      ["/admin/settings", "Site settings", { ...settingsForms["Site settings"], siteName: "Forged Site" }],
    ];
    for (const [, name, fields] of forged) expect(Object.keys(fields).some((key) => key.startsWith("$ACTION")), `${name} has a server action`).toBe(true);

    // …and post them from the editor's session.
    const editorPage = await newSignedInPage(browser, editor.email, editor.password);
    for (const [url, name, fields] of forged) {
      const response = await editorPage.request.post(new URL(url, baseURL).toString(), { multipart: fields, headers: { Origin: baseURL! } });
      expect(response.status(), name).toBeGreaterThanOrEqual(400);
      expect(await response.text(), name).not.toContain(victim.email);
    }
    await editorPage.context().close();

    // Nothing changed.
    await page.goto(userUrl);
    await expect(page.getByRole("heading", { name: victim.name })).toBeVisible();
    await expect(page.getByLabel("Role", { exact: true })).toHaveValue("AUTHOR");
    await expect(page.getByRole("button", { name: "Disable user" })).toBeEnabled();
    await page.goto("/admin/settings");
    await expect(page.getByLabel("Site name")).not.toHaveValue("Forged Site");
    await page.goto(`/admin/audit?actor=${encodeURIComponent(editor.email)}`);
    await expect(page.locator("tbody tr")).toHaveCount(1); // their sign-in, nothing else
    await expect(page.locator("tbody tr").first()).toHaveAttribute("data-action", "auth.sign_in");

    // Control: the very same forged request from the admin's session does work, so the
    // editor's attempts reached the action and were refused there.
    const disable = forged.find(([, name]) => name === "Disable user")!;
    const response = await page.request.post(new URL(disable[0], baseURL).toString(), { multipart: disable[2], headers: { Origin: baseURL! } });
    expect(response.status()).toBe(200);
    await page.goto(userUrl);
    await expect(page.getByRole("button", { name: "Enable user" })).toBeVisible();
  });
});

/** Every labelled form in the server-rendered HTML of `path`, as the fields a no-JavaScript submit would post. */
async function captureForms(page: Page, path: string): Promise<Record<string, Record<string, string>>> {
  const html = await (await page.request.get(path)).text();
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, "text/html");
    const result: Record<string, Record<string, string>> = {};
    for (const form of Array.from(doc.querySelectorAll("form[aria-label]"))) {
      const fields: Record<string, string> = {};
      for (const [key, value] of new FormData(form as HTMLFormElement)) if (typeof value === "string") fields[key] = value;
      result[form.getAttribute("aria-label")!] = fields;
    }
    return result;
  }, html);
}
