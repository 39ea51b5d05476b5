import type { Metadata } from "next";
import { SettingsForm } from "@/components/newsroom/admin/settings-form.client";
import { requirePermission } from "@/lib/auth/session";
import { getSiteSettings } from "@/lib/settings/data";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requirePermission("settings.manage");
  const settings = await getSiteSettings();
  return (
    <>
      <div className="nr-page-header">
        <div>
          <h1>Settings</h1>
          <p>Site-wide settings. Changes show on the public site at once and are recorded in the audit log.</p>
        </div>
      </div>
      <div style={{ maxWidth: "48rem" }}>
        <SettingsForm settings={settings} timeZones={Intl.supportedValuesOf("timeZone")} />
      </div>
    </>
  );
}
