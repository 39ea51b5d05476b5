"use client";

// /editor/tags: rename a tag (name and address), merge it into another, or
// delete it. Tags are created on the fly in the article form; this is where
// they are tidied. Each change is a server action that re-checks the role.
import { useState } from "react";
import type { ActionState } from "@/lib/auth/action-state";
import { deleteTagAction, mergeTagAction, updateTagAction } from "@/lib/tags/actions";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { callAction } from "./call-action";

export type ManagedTag = { id: string; name: string; slug: string; articleCount: number };
type Mode = "edit" | "merge" | "delete";
type Done = (state: ActionState) => void;

export function TagManager({ tags, empty }: { tags: ManagedTag[]; empty: string }) {
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [open, setOpen] = useState<{ id: string; mode: Mode } | null>(null);

  const done: Done = (state) => {
    setMessage(state.status === "success" ? { tone: "success", text: state.message ?? "Saved" } : { tone: "error", text: state.message ?? "Not saved." });
    if (state.status === "success") setOpen(null);
  };

  return (
    <div className="taxonomy">
      <div className="taxonomy__message" aria-live="polite">
        {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      </div>
      <div className="table-wrap">
        <table className="table taxonomy__table">
          <caption className="visually-hidden">Tags</caption>
          <thead>
            <tr>
              <th scope="col">Tag</th>
              <th scope="col" className="num">
                Articles
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tags.map((tag) => {
              const mode = open?.id === tag.id ? open.mode : null;
              const toggle = (next: Mode) => {
                setMessage(null);
                setOpen(mode === next ? null : { id: tag.id, mode: next });
              };
              return (
                <TagRows key={tag.id} tag={tag} mode={mode} onToggle={toggle} onCancel={() => setOpen(null)} onDone={done} />
              );
            })}
            {tags.length === 0 ? (
              <tr>
                <td colSpan={3} className="muted">
                  {empty}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function TagRows({ tag, mode, onToggle, onCancel, onDone }: { tag: ManagedTag; mode: Mode | null; onToggle: (mode: Mode) => void; onCancel: () => void; onDone: Done }) {
  return (
    <>
      <tr data-tag-id={tag.id} className={mode ? "taxonomy__row--open" : undefined}>
        <td>
          <span className="table__primary">{tag.name}</span>
          <span className="table__sub mono">/tags/{tag.slug}</span>
        </td>
        <td className="num">{tag.articleCount}</td>
        <td className="taxonomy__actions">
          <a className="btn btn--ghost btn--sm" href={`/tags/${tag.slug}`} target="_blank" rel="noopener noreferrer">
            View<span className="visually-hidden"> {tag.name} on the site</span>
          </a>
          {(["edit", "merge", "delete"] as const).map((action) => (
            <button
              key={action}
              type="button"
              className={`btn btn--sm ${action === "delete" ? "btn--danger" : "btn--secondary"}`}
              aria-expanded={mode === action}
              onClick={() => onToggle(action)}
            >
              {action === "edit" ? "Rename" : action === "merge" ? "Merge" : "Delete"}
              <span className="visually-hidden"> {tag.name}</span>
            </button>
          ))}
        </td>
      </tr>
      {mode ? (
        <tr className="taxonomy__panel-row">
          <td colSpan={3}>
            {mode === "edit" ? <RenameTag tag={tag} onCancel={onCancel} onDone={onDone} /> : null}
            {mode === "merge" ? <MergeTag tag={tag} onCancel={onCancel} onDone={onDone} /> : null}
            {mode === "delete" ? <DeleteTag tag={tag} onCancel={onCancel} onDone={onDone} /> : null}
          </td>
        </tr>
      ) : null}
    </>
  );
}

function PanelButtons({ label, danger, pending, onCancel }: { label: string; danger?: boolean; pending: boolean; onCancel: () => void }) {
  return (
    <div className="row">
      <button type="submit" className={`btn btn--sm ${danger ? "btn--danger" : "btn--primary"}`} disabled={pending}>
        {pending ? <span className="btn__spinner" aria-hidden="true" /> : null}
        {label}
      </button>
      <button type="button" className="btn btn--ghost btn--sm" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

function RenameTag({ tag, onCancel, onDone }: { tag: ManagedTag; onCancel: () => void; onDone: Done }) {
  const [values, setValues] = useState({ name: tag.name, slug: tag.slug });
  const [errors, setErrors] = useState<ActionState["fieldErrors"]>({});
  const [pending, setPending] = useState(false);
  return (
    <form
      className="taxonomy__panel"
      aria-label={`Rename ${tag.name}`}
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        setPending(true);
        const state = await callAction(updateTagAction, { id: tag.id, ...values });
        setPending(false);
        setErrors(state.fieldErrors ?? {});
        onDone(state);
      }}
    >
      <div className="taxonomy__panel-fields">
        <TextField label="Name" name="name" id={`tag-${tag.id}-name`} value={values.name} error={errors?.name} onChange={(event) => setValues({ ...values, name: event.target.value })} />
        <TextField
          label="Slug"
          name="slug"
          id={`tag-${tag.id}-slug`}
          value={values.slug}
          spellCheck={false}
          hint={values.slug !== tag.slug ? `The old address /tags/${tag.slug} will redirect here.` : undefined}
          error={errors?.slug}
          onChange={(event) => setValues({ ...values, slug: event.target.value.toLowerCase() })}
        />
      </div>
      <PanelButtons label="Save changes" pending={pending} onCancel={onCancel} />
    </form>
  );
}

function MergeTag({ tag, onCancel, onDone }: { tag: ManagedTag; onCancel: () => void; onDone: Done }) {
  const [into, setInto] = useState("");
  const [error, setError] = useState<string[] | undefined>();
  const [pending, setPending] = useState(false);
  return (
    <form
      className="taxonomy__panel"
      aria-label={`Merge ${tag.name}`}
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        setPending(true);
        const state = await callAction(mergeTagAction, { id: tag.id, into });
        setPending(false);
        setError(state.fieldErrors?.into);
        onDone(state);
      }}
    >
      <p className="editor__note">
        Its {tag.articleCount} {tag.articleCount === 1 ? "article gets" : "articles get"} the other tag instead, and “{tag.name}” is deleted; its page /tags/{tag.slug} redirects to the other tag’s.
      </p>
      <div className="taxonomy__panel-fields">
        <TextField label="Merge into tag" name="into" id={`tag-${tag.id}-into`} value={into} error={error} hint="The other tag’s name, e.g. Ukraine" onChange={(event) => setInto(event.target.value)} />
      </div>
      <PanelButtons label={`Merge into ${into.trim() ? `“${into.trim()}”` : "it"}`} pending={pending} onCancel={onCancel} />
    </form>
  );
}

function DeleteTag({ tag, onCancel, onDone }: { tag: ManagedTag; onCancel: () => void; onDone: Done }) {
  const [pending, setPending] = useState(false);
  return (
    <form
      className="taxonomy__panel"
      role="group"
      aria-labelledby={`tag-${tag.id}-delete`}
      onSubmit={async (event) => {
        event.preventDefault();
        setPending(true);
        const state = await callAction(deleteTagAction, { id: tag.id });
        setPending(false);
        onDone(state);
      }}
    >
      <p className="taxonomy__question" id={`tag-${tag.id}-delete`}>
        Delete the tag “{tag.name}”?
      </p>
      <p className="editor__note">
        {tag.articleCount ? `${tag.articleCount} ${tag.articleCount === 1 ? "article loses" : "articles lose"} it; the articles themselves stay. ` : ""}Its page /tags/
        {tag.slug} will answer 404.
      </p>
      <PanelButtons label="Delete tag" danger pending={pending} onCancel={onCancel} />
    </form>
  );
}
