"use client";

import { useActionState } from "react";
import { initialActionState } from "@/lib/auth/action-state";
import { handleCorrectionAction } from "@/lib/corrections/actions";

/** Accept (with an optional public note) or dismiss one report. */
export function CorrectionActions({ id, selectedText }: { id: string; selectedText: string }) {
  const [state, formAction, pending] = useActionState(handleCorrectionAction, initialActionState);
  const noteId = `note-${id}`;
  return (
    <form action={formAction} className="corrections__actions" aria-label={`Handle report “${selectedText.slice(0, 40)}”`}>
      <input type="hidden" name="id" value={id} />
      <div className="field">
        <label className="field__label" htmlFor={noteId}>
          Public correction note (optional)
        </label>
        <textarea
          id={noteId}
          name="publicNote"
          className="input textarea"
          defaultValue={state.values?.publicNote ?? ""}
          placeholder="e.g. An earlier version misspelled the minister’s name."
          aria-invalid={state.fieldErrors?.publicNote ? true : undefined}
        />
        {state.fieldErrors?.publicNote ? <p className="field__error">{state.fieldErrors.publicNote[0]}</p> : null}
      </div>
      <div className="row">
        <button type="submit" name="decision" value="accept" className="btn btn--primary btn--sm" disabled={pending}>
          Accept
        </button>
        <button type="submit" name="decision" value="dismiss" className="btn btn--secondary btn--sm" disabled={pending}>
          Dismiss
        </button>
      </div>
      {state.status === "error" && state.message ? (
        <p className="field__error" role="alert">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
