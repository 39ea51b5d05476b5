export type SaveStatus = "new" | "saved" | "unsaved" | "saving" | "offline" | "error" | "conflict";

const TEXT: Record<SaveStatus, string> = {
  new: "Not saved yet",
  saved: "Saved",
  unsaved: "Unsaved changes",
  saving: "Saving…",
  offline: "Offline — not saved",
  error: "Not saved",
  conflict: "Conflict — not saved",
};

/** Always-visible save state of the form, announced politely to screen readers. */
export function SaveIndicator({ status }: { status: SaveStatus }) {
  return (
    <p className={`save-indicator save-indicator--${status}`} role="status" aria-live="polite" data-save-status={status}>
      <span className="save-indicator__dot" aria-hidden="true" />
      {TEXT[status]}
    </p>
  );
}
