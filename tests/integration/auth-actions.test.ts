// The admin server actions called directly, as a forged request would: the
// permission is checked on the server, before anything runs. Only the session
// lookup is replaced (there is no HTTP request here); the database is real.
import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentUser: async () => session.user,
  renewSessionCookie: async () => {},
}));
// Cache invalidation needs a running Next server; it isn't what these tests check.
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { db } = await import("@/lib/db");
const { databaseUrl } = await import("@/lib/config");
const { migrate } = await import("@/lib/db/migrate");
const { hashPassword } = await import("@/lib/auth/password");
const { NOT_PERMITTED, SIGN_IN_AGAIN } = await import("@/lib/auth/action");
const actions = await import("@/lib/users/actions");
const { saveSiteSettingsAction } = await import("@/lib/settings/actions");

const RUN = randomUUID().slice(0, 8);
const idle = { status: "idle" } as const;
const users: Record<"admin" | "editor" | "author" | "target", SessionUser> = {} as never;

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  return data;
}

beforeAll(async () => {
  await migrate(databaseUrl());
  const passwordHash = await hashPassword("correct horse battery");
  for (const [key, role] of [["admin", "ADMIN"], ["editor", "EDITOR"], ["author", "AUTHOR"], ["target", "AUTHOR"]] as const) {
    const user = await db.user.create({ data: { email: `${key}-${RUN}@example.test`, name: `${key} ${RUN}`, slug: `${key}-${RUN}`, role, passwordHash } });
    users[key] = { id: user.id, email: user.email, name: user.name, role: user.role, slug: user.slug };
  }
});

beforeEach(() => {
  session.user = null;
});

describe("admin actions refuse non-admins on the server", () => {
  const attempts = () => [
    ["createUserAction", actions.createUserAction, { email: `forged-${RUN}@example.test`, name: "Forged", password: "correct horse battery", role: "ADMIN" }],
    ["inviteUserAction", actions.inviteUserAction, { email: `forged-invite-${RUN}@example.test`, name: "Forged", role: "ADMIN" }],
    ["changeRoleAction", actions.changeRoleAction, { userId: users.target.id, role: "ADMIN" }],
    ["disableUserAction", actions.disableUserAction, { userId: users.target.id }],
    ["enableUserAction", actions.enableUserAction, { userId: users.target.id }],
    ["issueAccessLinkAction", actions.issueAccessLinkAction, { userId: users.target.id }],
    ["updateUserProfileAction", actions.updateUserProfileAction, { userId: users.target.id, name: "Forged", slug: `forged-${RUN}`, bio: "" }],
    ["deleteUserAction", actions.deleteUserAction, { userId: users.target.id, reassignTo: "", confirm: "on" }],
    ["saveSiteSettingsAction", saveSiteSettingsAction, { siteName: "Forged", siteUrl: "https://evil.example", timeZone: "UTC", pageSize: "20", publisherName: "Forged", publisherLogoUrl: "" }],
  ] as const;

  for (const role of ["editor", "author"] as const) {
    it(`answers an ${role} "no permission" and changes nothing`, async () => {
      session.user = users[role];
      const settingsBefore = await db.setting.findUnique({ where: { key: "site" } });
      for (const [name, action, values] of attempts()) {
        const state = await action(idle, form(values));
        expect(state, name).toMatchObject({ status: "error", message: NOT_PERMITTED });
      }
      const target = await db.user.findUniqueOrThrow({ where: { id: users.target.id } });
      expect(target).toMatchObject({ role: "AUTHOR", disabledAt: null, name: users.target.name, slug: users.target.slug });
      expect(await db.user.count({ where: { email: { startsWith: `forged` } } })).toBe(0);
      expect(await db.userToken.count({ where: { userId: users.target.id } })).toBe(0);
      expect(await db.auditEvent.count({ where: { actorId: users[role].id } })).toBe(0);
      expect(await db.setting.findUnique({ where: { key: "site" } })).toEqual(settingsBefore);
    });
  }

  it("asks anonymous callers to sign in again", async () => {
    for (const [name, action, values] of attempts()) {
      expect(await action(idle, form(values)), name).toMatchObject({ status: "error", message: SIGN_IN_AGAIN });
    }
  });
});

describe("validatedAction", () => {
  it("returns field errors and the submitted values (never the password) for bad input", async () => {
    session.user = users.admin;
    const state = await actions.createUserAction(idle, form({ email: "not-an-email", name: "Kept Name", password: "short", role: "EDITOR" }));
    expect(state.status).toBe("error");
    expect(state.fieldErrors?.email?.[0]).toMatch(/valid email/);
    expect(state.fieldErrors?.password?.[0]).toMatch(/at least 10/i);
    expect(state.values).toEqual({ email: "not-an-email", name: "Kept Name", role: "EDITOR" });
  });

  it("shows a broken rule as the form's message, keeping the input", async () => {
    session.user = users.admin;
    const state = await actions.createUserAction(idle, form({ email: users.editor.email.toUpperCase(), name: "Dup", password: "correct horse battery", role: "AUTHOR" }));
    expect(state).toMatchObject({ status: "error", message: "A user with this email already exists", fieldErrors: { email: ["A user with this email already exists"] } });
    expect(state.values?.name).toBe("Dup");
  });

  it("runs the action for an admin", async () => {
    session.user = users.admin;
    const state = await actions.inviteUserAction(idle, form({ email: `invited-${RUN}@example.test`, name: "Invited", role: "AUTHOR" }));
    expect(state.status).toBe("success");
    expect((state.data as { link: string }).link).toMatch(/\/invite\/[A-Za-z0-9_-]{40,}$/);
    expect(await db.auditEvent.count({ where: { action: "user.invited", actorId: users.admin.id } })).toBe(1);
  });
});
