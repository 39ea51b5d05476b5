import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { defaultSiteSettings, siteSettingsSchema, type SiteSettings } from "./schema";

export const SITE_SETTINGS_KEY = "site";

/** Stored settings over env defaults; a stored value that no longer validates falls back to the default. */
export const getSiteSettings = cache(async (): Promise<SiteSettings> => {
  const defaults = defaultSiteSettings();
  const row = await db.setting.findUnique({ where: { key: SITE_SETTINGS_KEY } });
  if (!row) return defaults;
  const parsed = siteSettingsSchema.partial().safeParse(row.value);
  return parsed.success ? { ...defaults, ...parsed.data } : defaults;
});
