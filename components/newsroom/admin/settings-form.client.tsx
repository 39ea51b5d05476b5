"use client";

import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button.client";
import { initialActionState } from "@/lib/auth/action-state";
import { saveSiteSettingsAction } from "@/lib/settings/actions";
import type { SiteSettings } from "@/lib/settings/schema";

export function SettingsForm({ settings, timeZones }: { settings: SiteSettings; timeZones: string[] }) {
  const [state, action] = useActionState(saveSiteSettingsAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  // After a failed save show what was typed; otherwise what is stored.
  const value = (key: keyof SiteSettings) => (state.status === "error" ? state.values?.[key] : undefined) ?? String(settings[key]);
  const key = `${state.status}-${state.message ?? ""}`;
  return (
    <form className="form" action={action} noValidate aria-label="Site settings" key={key}>
      <FormMessage state={state} />
      <section className="card" aria-labelledby="site-title">
        <h2 className="card__title" id="site-title">
          Site
        </h2>
        <p className="card__lead">How the public site names itself and where it lives.</p>
        <div className="form">
          <div className="form__row form__row--2">
            <TextField label="Site name" name="siteName" required defaultValue={value("siteName")} error={errors.siteName} />
            <TextField label="Site URL" name="siteUrl" type="url" required defaultValue={value("siteUrl")} error={errors.siteUrl} hint="Used in links, feeds, sitemaps and invitation emails." />
          </div>
          <div className="form__row form__row--2">
            <div>
              <TextField label="Time zone" name="timeZone" required list="time-zones" defaultValue={value("timeZone")} error={errors.timeZone} hint="IANA name, e.g. Asia/Baku. Datelines and dates use it." />
              <datalist id="time-zones">
                {timeZones.map((zone) => (
                  <option key={zone} value={zone} />
                ))}
              </datalist>
            </div>
            <TextField label="Articles per page" name="pageSize" type="number" min={5} max={100} required defaultValue={value("pageSize")} error={errors.pageSize} />
          </div>
        </div>
      </section>
      <section className="card" aria-labelledby="publisher-title">
        <h2 className="card__title" id="publisher-title">
          Publisher
        </h2>
        <p className="card__lead">Who search engines are told publishes the articles (JSON-LD NewsArticle).</p>
        <div className="form__row form__row--2">
          <TextField label="Publisher name" name="publisherName" required defaultValue={value("publisherName")} error={errors.publisherName} />
          <TextField label="Publisher logo URL" name="publisherLogoUrl" type="url" defaultValue={value("publisherLogoUrl")} error={errors.publisherLogoUrl} hint="Optional. A PNG or SVG, at least 112 px wide." />
        </div>
      </section>
      <div className="form__actions">
        <SubmitButton pendingLabel="Saving…">Save settings</SubmitButton>
      </div>
    </form>
  );
}
