"use server";

import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/auth/action";
import { requestIp } from "@/lib/audit/request";
import { revalidateSiteSettings } from "@/lib/cache/public";
import { siteSettingsSchema } from "./schema";
import { saveSiteSettings } from "./service";

export const saveSiteSettingsAction = validatedAction(siteSettingsSchema, { permission: "settings.manage" }, async (input, user) => {
  const { changed } = await saveSiteSettings(user, input, { ip: await requestIp() });
  if (changed.length) await revalidateSiteSettings();
  revalidatePath("/admin/settings");
  return { status: "success", message: changed.length ? "Settings saved." : "Nothing changed." };
});
