"use client";

// /editor/categories: the site's sections in order, with their article counts;
// add, edit (name, address, description), reorder and delete. Every change goes
// through a server action that re-checks the role; the page re-renders with the
// new list while this component keeps the message and any open form.
import { useState } from "react";
import type { ActionState } from "@/lib/auth/action-state";
import { createCategoryAction, deleteCategoryAction, moveCategoryAction, updateCategoryAction } from "@/lib/categories/actions";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { callAction } from "./call-action";

export type ManagedCategory = {
  id: string;
  name: string;
  slug: string;
  description: string | null;
  articleCount: number;
  publishedCount: number;
  oldSlugs: string[];
};

type Message = { tone: "success" | "error"; text: string } | null;

export function CategoryManager({ categories, uncategorized }: { categories: ManagedCategory[]; uncategorized: number }) {
  const [message, setMessage] = useState<Message>(null);
  const [open, setOpen] = useState<{ id: string; mode: "edit" | "delete" } | null>(null);
  const [moving, setMoving] = useState<string | null>(null);
  const report = (state: ActionState, fallback: string) => setMessage(state.status === "success" ? { tone: "success", text: state.message ?? fallback } : { tone: "error", text: state.message ?? "Not saved." });

  async function move(category: ManagedCategory, direction: "up" | "down") {
    setMoving(category.id);
    const state = await callAction(moveCategoryAction, { id: category.id, direction });
    setMoving(null);
    if (state.status === "success") setMessage({ tone: "success", text: `Moved “${category.name}” ${direction}.` });
    else report(state, "");
  }

  return (
    <div className="taxonomy">
      <div className="taxonomy__message" aria-live="polite">
        {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      </div>
      <NewCategoryForm onDone={(state) => report(state, "Category added")} />

      <div className="table-wrap">
        <table className="table taxonomy__table">
          <caption className="visually-hidden">Categories in site order</caption>
          <thead>
            <tr>
              <th scope="col" className="taxonomy__order-col">
                Order
              </th>
              <th scope="col">Category</th>
              <th scope="col" className="num">
                Articles
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {categories.map((category, index) => {
              const mode = open?.id === category.id ? open.mode : null;
              return (
                <CategoryRow
                  key={category.id}
                  category={category}
                  first={index === 0}
                  last={index === categories.length - 1}
                  busy={moving === category.id}
                  mode={mode}
                  others={categories.filter((other) => other.id !== category.id)}
                  onMove={(direction) => void move(category, direction)}
                  onOpen={(next) => {
                    // The last outcome is old news once the next change starts.
                    setMessage(null);
                    setOpen(next ? { id: category.id, mode: next } : null);
                  }}
                  onDone={(state, fallback) => {
                    report(state, fallback);
                    if (state.status === "success") setOpen(null);
                  }}
                />
              );
            })}
            {categories.length === 0 ? (
              <tr>
                <td colSpan={4} className="muted">
                  No categories yet. Articles without one are listed as Uncategorized.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <p className="result-count muted small">
        {uncategorized} {uncategorized === 1 ? "article has" : "articles have"} no category (shown as Uncategorized).
      </p>
    </div>
  );
}

function NewCategoryForm({ onDone }: { onDone: (state: ActionState) => void }) {
  const [values, setValues] = useState({ name: "", slug: "", description: "" });
  const [errors, setErrors] = useState<ActionState["fieldErrors"]>({});
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    const state = await callAction(createCategoryAction, values);
    setPending(false);
    setErrors(state.fieldErrors ?? {});
    if (state.status === "success") setValues({ name: "", slug: "", description: "" });
    onDone(state);
  }

  return (
    <form className="card taxonomy__new" onSubmit={submit} aria-labelledby="new-category-title" noValidate>
      <h2 className="card__title" id="new-category-title">
        New category
      </h2>
      <div className="taxonomy__new-fields">
        <TextField label="Name" name="name" id="new-category-name" value={values.name} error={errors?.name?.[0]} onChange={(event) => setValues({ ...values, name: event.target.value })} />
        <TextField
          label="Slug"
          name="slug"
          id="new-category-slug"
          value={values.slug}
          spellCheck={false}
          hint="Optional: made from the name."
          error={errors?.slug?.[0]}
          onChange={(event) => setValues({ ...values, slug: event.target.value.toLowerCase() })}
        />
        <TextField
          label="Description"
          name="description"
          id="new-category-description"
          value={values.description}
          hint="Optional: shown on the category page."
          error={errors?.description?.[0]}
          onChange={(event) => setValues({ ...values, description: event.target.value })}
        />
        <button type="submit" className="btn btn--primary taxonomy__new-submit" disabled={pending}>
          {pending ? <span className="btn__spinner" aria-hidden="true" /> : null}
          Add category
        </button>
      </div>
    </form>
  );
}

type RowProps = {
  category: ManagedCategory;
  first: boolean;
  last: boolean;
  busy: boolean;
  mode: "edit" | "delete" | null;
  others: ManagedCategory[];
  onMove: (direction: "up" | "down") => void;
  onOpen: (mode: "edit" | "delete" | null) => void;
  onDone: (state: ActionState, fallback: string) => void;
};

function CategoryRow({ category, first, last, busy, mode, others, onMove, onOpen, onDone }: RowProps) {
  return (
    <>
      <tr data-category-id={category.id} className={mode ? "taxonomy__row--open" : undefined}>
        <td className="taxonomy__order">
          <button type="button" className="btn btn--ghost btn--sm taxonomy__arrow" aria-label={`Move ${category.name} up`} disabled={first || busy} onClick={() => onMove("up")}>
            ↑
          </button>
          <button type="button" className="btn btn--ghost btn--sm taxonomy__arrow" aria-label={`Move ${category.name} down`} disabled={last || busy} onClick={() => onMove("down")}>
            ↓
          </button>
        </td>
        <td>
          <span className="table__primary">{category.name}</span>
          <span className="table__sub mono">/categories/{category.slug}</span>
          {category.description ? <span className="table__sub">{category.description}</span> : null}
          {category.oldSlugs.length ? (
            <span className="table__sub">Old addresses redirect here: {category.oldSlugs.map((slug) => `/categories/${slug}`).join(", ")}</span>
          ) : null}
        </td>
        <td className="num nowrap">
          <span className="taxonomy__count">{category.publishedCount} published</span>
          <span className="table__sub">{category.articleCount} in all</span>
        </td>
        <td className="taxonomy__actions">
          <a className="btn btn--ghost btn--sm" href={`/categories/${category.slug}`} target="_blank" rel="noopener noreferrer">
            View<span className="visually-hidden"> {category.name} on the site</span>
          </a>
          <button type="button" className="btn btn--secondary btn--sm" aria-expanded={mode === "edit"} onClick={() => onOpen(mode === "edit" ? null : "edit")}>
            Edit<span className="visually-hidden"> {category.name}</span>
          </button>
          <button type="button" className="btn btn--danger btn--sm" aria-expanded={mode === "delete"} onClick={() => onOpen(mode === "delete" ? null : "delete")}>
            Delete<span className="visually-hidden"> {category.name}</span>
          </button>
        </td>
      </tr>
      {mode ? (
        <tr className="taxonomy__panel-row">
          <td colSpan={4}>
            {mode === "edit" ? (
              <EditCategoryForm category={category} onCancel={() => onOpen(null)} onDone={onDone} />
            ) : (
              <DeleteCategoryForm category={category} others={others} onCancel={() => onOpen(null)} onDone={onDone} />
            )}
          </td>
        </tr>
      ) : null}
    </>
  );
}

function EditCategoryForm({ category, onCancel, onDone }: { category: ManagedCategory; onCancel: () => void; onDone: RowProps["onDone"] }) {
  const [values, setValues] = useState({ name: category.name, slug: category.slug, description: category.description ?? "" });
  const [errors, setErrors] = useState<ActionState["fieldErrors"]>({});
  const [pending, setPending] = useState(false);
  const prefix = `edit-category-${category.id}`;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    const state = await callAction(updateCategoryAction, { id: category.id, ...values });
    setPending(false);
    setErrors(state.fieldErrors ?? {});
    onDone(state, "Saved");
  }

  return (
    <form className="taxonomy__panel" onSubmit={submit} aria-label={`Edit ${category.name}`} noValidate>
      <div className="taxonomy__panel-fields">
        <TextField label="Name" name="name" id={`${prefix}-name`} value={values.name} error={errors?.name?.[0]} onChange={(event) => setValues({ ...values, name: event.target.value })} />
        <TextField
          label="Slug"
          name="slug"
          id={`${prefix}-slug`}
          value={values.slug}
          spellCheck={false}
          hint={values.slug !== category.slug ? `The old address /categories/${category.slug} will redirect here.` : undefined}
          error={errors?.slug?.[0]}
          onChange={(event) => setValues({ ...values, slug: event.target.value.toLowerCase() })}
        />
        <TextField
          label="Description"
          name="description"
          id={`${prefix}-description`}
          value={values.description}
          error={errors?.description?.[0]}
          onChange={(event) => setValues({ ...values, description: event.target.value })}
        />
      </div>
      <div className="row">
        <button type="submit" className="btn btn--primary btn--sm" disabled={pending}>
          {pending ? <span className="btn__spinner" aria-hidden="true" /> : null}
          Save changes
        </button>
        <button type="button" className="btn btn--ghost btn--sm" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function DeleteCategoryForm({ category, others, onCancel, onDone }: { category: ManagedCategory; others: ManagedCategory[]; onCancel: () => void; onDone: RowProps["onDone"] }) {
  const [moveTo, setMoveTo] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState("");
  const empty = category.articleCount === 0;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    const state = await callAction(deleteCategoryAction, empty ? { id: category.id } : { id: category.id, moveTo });
    setPending(false);
    if (state.status === "error") setError(state.message ?? "Not deleted.");
    onDone(state, "Deleted");
  }

  return (
    <form className="taxonomy__panel" onSubmit={submit} role="group" aria-labelledby={`delete-${category.id}-question`}>
      <p className="taxonomy__question" id={`delete-${category.id}-question`}>
        Delete “{category.name}”?
      </p>
      {empty ? (
        <p className="editor__note">No article is in it. Its page and feed will answer 404.</p>
      ) : (
        <>
          <p className="editor__note">
            It has {category.articleCount} {category.articleCount === 1 ? "article" : "articles"} ({category.publishedCount} published). Choose where{" "}
            {category.articleCount === 1 ? "it goes; its page stays where it is." : "they go; their pages stay where they are."}
          </p>
          <div className="field taxonomy__move">
            <label className="field__label" htmlFor={`delete-${category.id}-move`}>
              Move its articles to
            </label>
            <select id={`delete-${category.id}-move`} className="input select" value={moveTo} onChange={(event) => setMoveTo(event.target.value)}>
              <option value="">Uncategorized</option>
              {others.map((other) => (
                <option key={other.id} value={other.id}>
                  {other.name}
                </option>
              ))}
            </select>
          </div>
        </>
      )}
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="row">
        <button type="submit" className="btn btn--danger btn--sm" disabled={pending}>
          {pending ? <span className="btn__spinner" aria-hidden="true" /> : null}
          {empty ? "Delete category" : "Move articles and delete"}
        </button>
        <button type="button" className="btn btn--secondary btn--sm" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
