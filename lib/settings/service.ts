import "server-only";
import { db, type Prisma, type Role } from "@/lib/db";
import { recordAudit } from "@/lib/audit/service";
import { ActionError } from "@/lib/auth/errors";
import { can } from "@/lib/auth/permissions";
import { SITE_SETTINGS_KEY, getSiteSettings } from "./data";
import type { SiteSettings } from "./schema";

type Actor = { id: string; email: string; role: Role };

/** Saves the site settings (ADMIN only) with a settings.changed audit event listing what changed. */
export async function saveSiteSettings(actor: Actor, settings: SiteSettings, context: { ip?: string | null } = {}) {
  if (!can(actor, "settings.manage")) throw new ActionError("You don’t have permission to do that.");
  const before = await getSiteSettings();
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(settings) as (keyof SiteSettings)[]) {
    if (before[key] !== settings[key]) changed[key] = { from: before[key], to: settings[key] };
  }
  await db.$transaction(async (tx) => {
    const value = settings as unknown as Prisma.InputJsonValue;
    await tx.setting.upsert({ where: { key: SITE_SETTINGS_KEY }, create: { key: SITE_SETTINGS_KEY, value }, update: { value } });
    await recordAudit(tx, { actor, action: "settings.changed", targetType: "settings", targetId: SITE_SETTINGS_KEY, targetName: "Site settings", ip: context.ip, data: { changed } });
  });
  return { changed: Object.keys(changed) };
}
