"use client";

import { useState } from "react";
import { initialActionState } from "@/lib/auth/action-state";
import { createCategoryAction } from "@/lib/categories/actions";

export type CategoryOption = { id: string; name: string };

/** The Category select, with an inline "New category" for those who manage categories. */
export function CategoryField({
  value,
  options,
  disabled,
  error,
  canCreate,
  onChange,
  onCreated,
}: {
  value: string;
  options: CategoryOption[];
  disabled: boolean;
  error?: string;
  canCreate: boolean;
  onChange: (value: string) => void;
  onCreated: (category: CategoryOption) => void;
}) {
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState("");
  const [addError, setAddError] = useState("");
  const [pending, setPending] = useState(false);

  async function add() {
    const formData = new FormData();
    formData.set("name", name);
    setPending(true);
    try {
      const result = await createCategoryAction(initialActionState, formData);
      if (result.status === "success") {
        onCreated(result.data as CategoryOption);
        setName("");
        setAdding(false);
        setAddError("");
      } else {
        setAddError(result.fieldErrors?.name?.[0] ?? result.message ?? "Could not add the category");
      }
    } catch {
      setAddError("You appear to be offline; try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="field">
      <label className="field__label" htmlFor="field-categoryId">
        Category
      </label>
      <select
        id="field-categoryId"
        name="categoryId"
        className="input select"
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "field-categoryId-error" : undefined}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">Uncategorized</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
      {error ? (
        <p className="field__error" id="field-categoryId-error">
          {error}
        </p>
      ) : null}
      {canCreate && !disabled ? (
        adding ? (
          <div className="editor__inline-add">
            <label className="visually-hidden" htmlFor="new-category-name">
              New category name
            </label>
            <input
              id="new-category-name"
              className="input"
              value={name}
              autoFocus
              placeholder="New category name"
              aria-invalid={addError ? true : undefined}
              aria-describedby={addError ? "new-category-error" : undefined}
              onChange={(event) => setName(event.target.value)}
              onKeyDown={(event) => {
                // Enter adds the category rather than submitting the article form.
                if (event.key === "Enter") {
                  event.preventDefault();
                  void add();
                }
                if (event.key === "Escape") setAdding(false);
              }}
            />
            <button type="button" className="btn btn--sm btn--secondary" disabled={pending} onClick={() => void add()}>
              Add
            </button>
            <button type="button" className="btn btn--sm btn--ghost" onClick={() => setAdding(false)}>
              Cancel
            </button>
            {addError ? (
              <p className="field__error" id="new-category-error">
                {addError}
              </p>
            ) : null}
          </div>
        ) : (
          <button type="button" className="btn btn--sm btn--ghost editor__link-button" onClick={() => setAdding(true)}>
            + New category
          </button>
        )
      ) : null}
    </div>
  );
}
