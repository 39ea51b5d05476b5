"use client";

import { useState } from "react";
import { initialActionState } from "@/lib/auth/action-state";
import { compareRevisionsAction, restoreRevisionAction, type EditorActionData } from "@/lib/articles/actions";
import type { ArticleSnapshot } from "@/lib/articles/service";
import type { RevisionDiff } from "@/lib/text/diff";
import { formatRelative, formatShortDateTime } from "@/components/newsroom/admin/format";
import { DiffView } from "./diff-view";

export type RevisionItem = { id: string; kind: string; version: number; title: string; createdAt: Date; updatedAt: Date; author: { name: string } | null };

const KIND_LABEL: Record<string, string> = {
  SAVE: "Saved",
  AUTOSAVE: "Autosaved",
  PUBLISH: "Published",
  RESTORE: "Restored",
  IMPORT: "Imported",
  CONFLICT: "Not saved (conflict)",
};

/** "v3 · Saved"; a refused edit names the version it started from. */
function heading(revision: RevisionItem): string {
  const kind = KIND_LABEL[revision.kind] ?? revision.kind;
  return revision.kind === "CONFLICT" ? `Edit of v${revision.version} · ${kind}` : `v${revision.version} · ${kind}`;
}

/** Every saved version: pick two to see what changed, or restore one as the newest version. */
export function RevisionsPanel({
  articleId,
  revisions,
  timeZone,
  canRestore,
  version,
  dirty,
  onRestored,
  onConflict,
}: {
  articleId: string;
  revisions: RevisionItem[];
  timeZone: string;
  canRestore: boolean;
  version: number;
  dirty: boolean;
  onRestored: (snapshot: ArticleSnapshot) => void;
  onConflict: (snapshot: ArticleSnapshot) => void;
}) {
  // Until the user picks, compare the two newest revisions (the list grows as they save).
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [diff, setDiff] = useState<RevisionDiff | null>(null);
  const [error, setError] = useState("");
  const [pending, setPending] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  const label = (revision: RevisionItem) => `${heading(revision)} · ${formatShortDateTime(revision.updatedAt, timeZone)}${revision.author ? ` · ${revision.author.name}` : ""}`;
  const fromId = from && revisions.some((revision) => revision.id === from) ? from : (revisions[1]?.id ?? "");
  const toId = to && revisions.some((revision) => revision.id === to) ? to : (revisions[0]?.id ?? "");
  // A refused edit (CONFLICT) is history, not the article's current text.
  const currentId = revisions.find((revision) => revision.kind !== "CONFLICT")?.id;

  async function compare() {
    setPending("compare");
    setError("");
    try {
      const formData = new FormData();
      formData.set("id", articleId);
      formData.set("from", fromId);
      formData.set("to", toId);
      const result = await compareRevisionsAction(initialActionState, formData);
      if (result.status === "success") setDiff(result.data as RevisionDiff);
      else setError(result.message ?? "Could not compare these revisions");
    } catch {
      setError("You appear to be offline; try again.");
    } finally {
      setPending(null);
    }
  }

  async function restore(revisionId: string) {
    setPending(revisionId);
    setError("");
    setConfirming(null);
    try {
      const formData = new FormData();
      formData.set("id", articleId);
      formData.set("version", String(version));
      formData.set("revisionId", revisionId);
      const result = await restoreRevisionAction(initialActionState, formData);
      const data = (result.data ?? {}) as EditorActionData;
      if (result.status === "success" && data.article) onRestored(data.article);
      else if (data.conflict) onConflict(data.conflict);
      else setError(result.message ?? "Could not restore this revision");
    } catch {
      setError("You appear to be offline; try again.");
    } finally {
      setPending(null);
    }
  }

  return (
    <section className="card editor__card" aria-labelledby="revisions-heading">
      <h2 className="editor__card-title" id="revisions-heading">
        Revisions <span className="tabs__count">{revisions.length}</span>
      </h2>
      {revisions.length >= 2 ? (
        <div className="revisions__compare">
          <RevisionSelect id="revision-from" label="Compare" revisions={revisions} optionLabel={label} value={fromId} onChange={setFrom} />
          <RevisionSelect id="revision-to" label="with" revisions={revisions} optionLabel={label} value={toId} onChange={setTo} />
          <button type="button" className="btn btn--secondary btn--sm" onClick={() => void compare()} disabled={pending !== null}>
            Show changes
          </button>
        </div>
      ) : null}
      {error ? <p className="field__error">{error}</p> : null}
      {diff ? <DiffView diff={diff} onClose={() => setDiff(null)} /> : null}
      <ol className="revisions__list">
        {revisions.map((revision) => (
          <li key={revision.id} className="revisions__item" data-revision-version={revision.version}>
            <div className="revisions__meta">
              <span className="revisions__kind">
                {heading(revision)}
                {revision.id === currentId ? <span className="muted"> (current)</span> : null}
              </span>
              <span className="revisions__sub">
                <time dateTime={revision.updatedAt.toISOString()} title={formatShortDateTime(revision.updatedAt, timeZone)}>
                  {formatRelative(revision.updatedAt)}
                </time>
                {revision.author ? ` · ${revision.author.name}` : " · Lede"}
              </span>
              <span className="revisions__title">{revision.title}</span>
            </div>
            {canRestore && revision.id !== currentId ? (
              confirming === revision.id ? (
                <span className="revisions__confirm">
                  <span className="small">Your unsaved edits will be replaced.</span>
                  <button type="button" className="btn btn--sm btn--danger" onClick={() => void restore(revision.id)}>
                    Restore anyway
                  </button>
                </span>
              ) : (
                <button
                  type="button"
                  className="btn btn--sm btn--ghost"
                  aria-label={`Restore version ${revision.version}`}
                  disabled={pending !== null}
                  onClick={() => (dirty ? setConfirming(revision.id) : void restore(revision.id))}
                >
                  Restore
                </button>
              )
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

type RevisionSelectProps = {
  id: string;
  label: string;
  revisions: RevisionItem[];
  optionLabel: (revision: RevisionItem) => string;
  value: string;
  onChange: (id: string) => void;
};

function RevisionSelect({ id, label, revisions, optionLabel, value, onChange }: RevisionSelectProps) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="input select" value={value} onChange={(event) => onChange(event.target.value)}>
        {revisions.map((revision) => (
          <option key={revision.id} value={revision.id}>
            {optionLabel(revision)}
          </option>
        ))}
      </select>
    </div>
  );
}
