"use client";

import { useState } from "react";
import type { ArticleSnapshot } from "@/lib/articles/service";
import type { CategoryOption } from "./category-field.client";

type Version = { title: string; lead: string; body: string; categoryId: string; tags: string; slug: string };

/** The body's paragraphs as plain text (parsed by the browser, never rendered as HTML). */
function paragraphs(html: string): string[] {
  const doc = new DOMParser().parseFromString(html, "text/html");
  const blocks = [...doc.body.querySelectorAll("p, h2, h3, h4, li, blockquote > p")].map((node) => node.textContent?.trim() ?? "");
  return (blocks.length ? blocks : [doc.body.textContent ?? ""]).filter(Boolean);
}

function asText(version: Version): string {
  return [version.title, version.lead, ...paragraphs(version.body)].filter(Boolean).join("\n\n");
}

/**
 * Someone saved while this editor was open. Both versions side by side; the
 * user decides: overwrite theirs with mine, load theirs, or copy mine to merge by hand.
 */
export function ConflictPanel({
  mine,
  theirs,
  categories,
  onKeepMine,
  onTakeTheirs,
}: {
  mine: Version;
  theirs: ArticleSnapshot;
  categories: CategoryOption[];
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const [copied, setCopied] = useState(false);
  const theirsVersion: Version = { title: theirs.title, lead: theirs.lead ?? "", body: theirs.body, categoryId: theirs.categoryId ?? "", tags: theirs.tags.join(", "), slug: theirs.slug };
  const categoryName = (id: string) => categories.find((category) => category.id === id)?.name ?? "Uncategorized";
  const savedAt = new Date(theirs.updatedAt).toLocaleString();

  return (
    <section className="conflict" role="alert" aria-labelledby="conflict-title">
      <div className="conflict__header">
        <div>
          <h2 id="conflict-title" className="conflict__title">
            Someone else saved this article while you were editing
          </h2>
          <p className="conflict__lead">
            Their version {theirs.version} was saved at {savedAt}. Nothing of yours has been saved over it — and nothing is lost: choose which to keep, or copy your text
            and merge by hand.
          </p>
        </div>
        <div className="conflict__actions">
          <button type="button" className="btn btn--primary" onClick={onKeepMine}>
            Keep mine (overwrite)
          </button>
          <button type="button" className="btn btn--secondary" onClick={onTakeTheirs}>
            Take theirs
          </button>
          <button
            type="button"
            className="btn btn--ghost"
            onClick={async () => {
              await navigator.clipboard?.writeText(asText(mine)).catch(() => undefined);
              setCopied(true);
            }}
          >
            {copied ? "Copied your text" : "Copy mine"}
          </button>
        </div>
      </div>
      <div className="conflict__columns">
        {[
          { label: "Your version (not saved)", version: mine, testId: "conflict-mine" },
          { label: `Their version (saved ${savedAt})`, version: theirsVersion, testId: "conflict-theirs" },
        ].map(({ label, version, testId }) => (
          <article key={testId} className="conflict__version" data-testid={testId} aria-label={label}>
            <h3 className="conflict__version-label">{label}</h3>
            <p className="conflict__version-title">{version.title || <em>No title</em>}</p>
            {version.lead ? <p className="conflict__version-lead">{version.lead}</p> : null}
            <div className="conflict__version-body">
              {paragraphs(version.body).map((text, index) => (
                <p key={index}>{text}</p>
              ))}
            </div>
            <p className="conflict__version-meta">
              {categoryName(version.categoryId)} · /{version.slug} {version.tags ? `· ${version.tags}` : ""}
            </p>
          </article>
        ))}
      </div>
    </section>
  );
}
