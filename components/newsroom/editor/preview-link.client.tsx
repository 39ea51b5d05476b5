"use client";

import { useState } from "react";
import { initialActionState } from "@/lib/auth/action-state";
import { createPreviewLinkAction } from "@/lib/articles/actions";

/** "Preview": saves pending edits, then makes a signed link that shows the draft as readers will see it. */
export function PreviewLink({ articleId, beforeCreate, liveUrl }: { articleId: string; beforeCreate: () => Promise<boolean>; liveUrl: string | null }) {
  const [link, setLink] = useState<{ url: string; expiresAt: string } | null>(null);
  const [error, setError] = useState("");
  const [pending, setPending] = useState(false);
  const [copied, setCopied] = useState(false);

  async function create() {
    setPending(true);
    setError("");
    try {
      if (!(await beforeCreate())) {
        setError("Save the article first — see the message above.");
        return;
      }
      const formData = new FormData();
      formData.set("id", articleId);
      const result = await createPreviewLinkAction(initialActionState, formData);
      if (result.status === "success") setLink(result.data as { url: string; expiresAt: string });
      else setError(result.message ?? "Could not create a preview link");
    } catch {
      setError("You appear to be offline; try again.");
    } finally {
      setPending(false);
    }
  }

  const absolute = link ? new URL(link.url, window.location.origin).toString() : "";
  return (
    <div className="editor__preview">
      <div className="row">
        <button type="button" className="btn btn--ghost btn--sm" onClick={() => void create()} disabled={pending}>
          {pending ? <span className="btn__spinner" aria-hidden="true" /> : null}
          Preview
        </button>
        {liveUrl ? (
          <a className="btn btn--ghost btn--sm" href={liveUrl} target="_blank" rel="noopener noreferrer">
            View live
          </a>
        ) : null}
      </div>
      {link ? (
        <div className="editor__preview-link">
          <a href={link.url} target="_blank" rel="noopener noreferrer">
            Open preview
          </a>
          <button
            type="button"
            className="btn btn--ghost btn--sm"
            onClick={async () => {
              await navigator.clipboard?.writeText(absolute).catch(() => undefined);
              setCopied(true);
              setTimeout(() => setCopied(false), 2000);
            }}
          >
            {copied ? "Copied" : "Copy link"}
          </button>
          <p className="field__hint">
            Anyone with this link can read the draft until {new Date(link.expiresAt).toLocaleString()}. Search engines are asked not to index it.
          </p>
        </div>
      ) : null}
      {error ? <p className="field__error">{error}</p> : null}
    </div>
  );
}
