// Site settings: ADMIN only, validated, stored, audited with what changed.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { databaseUrl } from "@/lib/config";
import { migrate } from "@/lib/db/migrate";
import { ActionError } from "@/lib/auth/errors";
import { SITE_SETTINGS_KEY } from "@/lib/settings/data";
import { siteSettingsSchema, type SiteSettings } from "@/lib/settings/schema";
import { saveSiteSettings } from "@/lib/settings/service";

const RUN = randomUUID().slice(0, 8);
const admin = { id: `admin-${RUN}`, email: `settings-admin-${RUN}@example.test`, role: "ADMIN" as const };
const editor = { id: `editor-${RUN}`, email: `settings-editor-${RUN}@example.test`, role: "EDITOR" as const };

const settings = (overrides: Partial<Record<keyof SiteSettings, string>> = {}) =>
  siteSettingsSchema.parse({
    siteName: `Daily ${RUN}`,
    siteUrl: "https://news.example.com/",
    timeZone: "Asia/Baku",
    pageSize: "15",
    publisherName: "Daily Media",
    publisherLogoUrl: "",
    ...overrides,
  });

beforeAll(async () => {
  await migrate(databaseUrl());
  await db.setting.deleteMany({ where: { key: SITE_SETTINGS_KEY } });
});

// Later files expect the defaults.
afterAll(async () => {
  await db.setting.deleteMany({ where: { key: SITE_SETTINGS_KEY } });
});

describe("site settings", () => {
  it("validates every field with a message for the form", () => {
    const result = siteSettingsSchema.safeParse({ siteName: "", siteUrl: "news", timeZone: "Mars/Olympus", pageSize: "2", publisherName: "", publisherLogoUrl: "logo" });
    expect(result.success).toBe(false);
    const fields = new Set(result.error!.issues.map((issue) => issue.path[0]));
    expect(fields).toEqual(new Set(["siteName", "siteUrl", "timeZone", "pageSize", "publisherName", "publisherLogoUrl"]));
    expect(settings().siteUrl).toBe("https://news.example.com");
  });

  it("lets an ADMIN save them, storing the values and auditing what changed", async () => {
    await saveSiteSettings(admin, settings());
    const row = await db.setting.findUniqueOrThrow({ where: { key: SITE_SETTINGS_KEY } });
    expect(row.value).toMatchObject({ siteName: `Daily ${RUN}`, timeZone: "Asia/Baku", pageSize: 15 });

    const { changed } = await saveSiteSettings(admin, settings({ pageSize: "30" }));
    expect(changed).toEqual(["pageSize"]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "settings.changed", actorId: admin.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    expect(event.data).toEqual({ changed: { pageSize: { from: 15, to: 30 } } });
    expect(await db.auditEvent.count({ where: { action: "settings.changed", actorId: admin.id } })).toBe(2);
  });

  it("refuses an EDITOR and writes nothing", async () => {
    await expect(saveSiteSettings(editor, settings({ siteName: "Hijacked" }))).rejects.toBeInstanceOf(ActionError);
    const row = await db.setting.findUniqueOrThrow({ where: { key: SITE_SETTINGS_KEY } });
    expect((row.value as SiteSettings).siteName).toBe(`Daily ${RUN}`);
    expect(await db.auditEvent.count({ where: { action: "settings.changed", actorId: editor.id } })).toBe(0);
  });
});
