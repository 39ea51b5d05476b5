import { z } from "zod";

/** Site settings, editable by ADMINs at /admin/settings; env vars give the defaults. */
export const siteSettingsSchema = z.object({
  siteName: z.string().trim().min(1, "Site name is required").max(80),
  siteUrl: z.url({ message: "Enter a full URL, e.g. https://news.example.com" }).transform((url) => url.replace(/\/+$/, "")),
  timeZone: z
    .string()
    .trim()
    .refine((zone) => isTimeZone(zone), "Unknown time zone (use an IANA name such as Asia/Baku)"),
  pageSize: z.coerce.number().int().min(5, "At least 5").max(100, "At most 100"),
  publisherName: z.string().trim().min(1, "Publisher name is required").max(120),
  publisherLogoUrl: z.union([z.literal(""), z.url({ message: "Enter a full URL or leave empty" })]),
});

export type SiteSettings = z.infer<typeof siteSettingsSchema>;

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function defaultSiteSettings(env: NodeJS.ProcessEnv = process.env): SiteSettings {
  return {
    siteName: env.SITE_NAME ?? "Lede",
    siteUrl: (env.SITE_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, ""),
    timeZone: env.SITE_TIME_ZONE ?? "UTC",
    pageSize: Number(env.PAGE_SIZE ?? 20),
    publisherName: env.PUBLISHER_NAME ?? env.SITE_NAME ?? "Lede",
    publisherLogoUrl: env.PUBLISHER_LOGO_URL ?? "",
  };
}
