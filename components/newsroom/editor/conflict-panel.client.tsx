"use client";

import { useEffect, useRef, useState } from "react";
import type { ArticleSnapshot } from "@/lib/articles/service";
import { formatShortDateTime } from "@/components/newsroom/admin/format";
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
  timeZone,
  onKeepMine,
  onTakeTheirs,
}: {
  mine: Version;
  theirs: ArticleSnapshot;
  categories: CategoryOption[];
  timeZone: string;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const [copy, setCopy] = useState<"idle" | "copied" | "manual">("idle");
  const sectionRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const manualRef = useRef<HTMLTextAreaElement>(null);
  // The panel appears above the form, often out of view: bring it (and keyboard focus) there.
  useEffect(() => {
    sectionRef.current?.scrollIntoView({ block: "start" });
    headingRef.current?.focus({ preventScroll: true });
  }, [theirs.version]);
  useEffect(() => {
    if (copy === "manual") manualRef.current?.select();
  }, [copy]);
  const theirsVersion: Version = { title: theirs.title, lead: theirs.lead ?? "", body: theirs.body, categoryId: theirs.categoryId ?? "", tags: theirs.tags.join(", "), slug: theirs.slug };
  const categoryName = (id: string) => categories.find((category) => category.id === id)?.name ?? "Uncategorized";
  const savedAt = formatShortDateTime(new Date(theirs.updatedAt), timeZone);

  return (
    <section className="conflict" ref={sectionRef} aria-labelledby="conflict-title" data-testid="conflict">
      <div className="conflict__header">
        <div>
          <h2 id="conflict-title" className="conflict__title" ref={headingRef} tabIndex={-1}>
            Someone else saved this article while you were editing
          </h2>
          <p className="conflict__lead">
            Their version was saved at {savedAt}; yours was not saved over it, and a copy of yours is kept in Revisions. Keep yours, take theirs, or merge by hand: copy
            yours, take theirs, then paste back what you need.
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
              try {
                if (!navigator.clipboard) throw new Error("no clipboard");
                await navigator.clipboard.writeText(asText(mine));
                setCopy("copied");
              } catch {
                // No clipboard access (permissions, insecure origin): show the text to copy by hand.
                setCopy("manual");
              }
            }}
          >
            {copy === "copied" ? "Copied your text" : "Copy mine"}
          </button>
        </div>
      </div>
      {copy === "manual" ? (
        <div className="field conflict__manual">
          <label className="field__label" htmlFor="conflict-manual-copy">
            Your text — copy it with Ctrl+C (⌘C)
          </label>
          <textarea id="conflict-manual-copy" ref={manualRef} className="input textarea" readOnly rows={6} value={asText(mine)} />
        </div>
      ) : null}
      <p className="conflict__legend">
        <span className="conflict__swatch" aria-hidden="true" /> Marked: what differs between the two.
      </p>
      <div className="conflict__columns">
        {[
          { label: "Your version (not saved)", version: mine, other: theirsVersion, testId: "conflict-mine" },
          { label: `Their version (saved ${savedAt})`, version: theirsVersion, other: mine, testId: "conflict-theirs" },
        ].map(({ label, version, other, testId }) => {
          const otherParagraphs = new Set(paragraphs(other.body));
          const differs = (a: string, b: string) => (a.trim() !== b.trim() ? "conflict__differs" : undefined);
          const meta = (v: Version) => `${categoryName(v.categoryId)} · /${v.slug}${v.tags ? ` · ${v.tags}` : ""}`;
          return (
            <article key={testId} className="conflict__version" data-testid={testId} aria-label={label}>
              <h3 className="conflict__version-label">{label}</h3>
              <p className={["conflict__version-title", differs(version.title, other.title)].filter(Boolean).join(" ")}>{version.title || <em>No title</em>}</p>
              {version.lead ? <p className={["conflict__version-lead", differs(version.lead, other.lead)].filter(Boolean).join(" ")}>{version.lead}</p> : null}
              <div className="conflict__version-body">
                {paragraphs(version.body).map((text, index) => (
                  <p key={index} className={otherParagraphs.has(text) ? undefined : "conflict__differs"}>
                    {text}
                  </p>
                ))}
              </div>
              <p className={["conflict__version-meta", differs(meta(version), meta(other))].filter(Boolean).join(" ")}>{meta(version)}</p>
            </article>
          );
        })}
      </div>
    </section>
  );
}
