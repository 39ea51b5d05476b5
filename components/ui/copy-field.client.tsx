"use client";

import { useState } from "react";

/** A read-only value (e.g. an invite link) with a Copy button; selecting the field also works. */
export function CopyField({ label, value, id = "copy-field" }: { label: string; value: string; id?: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      (document.getElementById(id) as HTMLInputElement | null)?.select();
    }
  }
  return (
    <div className="field copy-field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="copy-field__row">
        <input id={id} className="input input--mono" readOnly value={value} onFocus={(event) => event.currentTarget.select()} />
        <button type="button" className="btn btn--secondary" onClick={copy}>
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
      <span className="visually-hidden" aria-live="polite">
        {copied ? "Link copied to the clipboard" : ""}
      </span>
    </div>
  );
}
