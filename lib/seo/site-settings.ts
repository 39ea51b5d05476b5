import "server-only";
import { cachedRead } from "@/lib/cache/cached";
import { defaultSiteSettings } from "@/lib/settings/schema";
import { getSiteSettings } from "@/lib/settings/data";

/** Site settings for public pages, cached under the `public` tag (revalidateSiteSettings clears it). */
export const getPublicSiteSettings = cachedRead("site-settings", getSiteSettings, () => [], defaultSiteSettings());
