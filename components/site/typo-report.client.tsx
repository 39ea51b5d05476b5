"use client";

// "Report a typo", the way report.az's Orphus does it: select text in the
// article and press Ctrl+Enter (or use the button), add an optional comment,
// send. Small on purpose — no dependencies; the reader page stays light.
import { useEffect, useRef, useState } from "react";
import { MAX_REPORT_COMMENT, MAX_SELECTED_TEXT } from "@/lib/corrections/limits";
import "./typo-report.css";

const CONTEXT_RADIUS = 200;

type Captured = { text: string; context: string };
type FieldErrors = { selectedText?: string; comment?: string };
type Phase = { kind: "editing" } | { kind: "sending" } | { kind: "sent" } | { kind: "error"; message: string; fields: FieldErrors };

/** The same limits the server's schema applies, with messages that name the field. */
function checkReport(text: string, comment: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!text.trim()) errors.selectedText = "Select or type the text that has the mistake.";
  else if (text.trim().length > MAX_SELECTED_TEXT) errors.selectedText = `The text with the mistake can be at most ${MAX_SELECTED_TEXT} characters (now ${text.trim().length}).`;
  if (comment.trim().length > MAX_REPORT_COMMENT) errors.comment = `The comment can be at most ${MAX_REPORT_COMMENT} characters (now ${comment.trim().length}).`;
  return errors;
}

/** The selected text inside `.article-body`, with the sentence-ish context around it. */
function captureSelection(): Captured | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const body = document.querySelector(".article");
  if (!body || !body.contains(range.commonAncestorContainer)) return null;
  const text = selection.toString().replace(/\s+/g, " ").trim().slice(0, MAX_SELECTED_TEXT);
  if (!text) return null;
  const block = (range.startContainer.parentElement?.closest("p, li, h1, h2, h3, h4, blockquote") ?? body) as HTMLElement;
  const whole = (block.textContent ?? "").replace(/\s+/g, " ");
  const at = whole.indexOf(text);
  const context = at >= 0 ? whole.slice(Math.max(0, at - CONTEXT_RADIUS), at + text.length + CONTEXT_RADIUS) : whole.slice(0, 2 * CONTEXT_RADIUS);
  return { text, context: context.trim() };
}

export function TypoReport({ articleSlug }: { articleSlug: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const lastSelection = useRef<Captured | null>(null);
  const [captured, setCaptured] = useState<Captured>({ text: "", context: "" });
  const [comment, setComment] = useState("");
  const [phase, setPhase] = useState<Phase>({ kind: "editing" });

  function open(selection: Captured | null) {
    setCaptured(selection ?? { text: "", context: "" });
    setComment("");
    setPhase({ kind: "editing" });
    dialog.current?.showModal();
  }

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !dialog.current?.open) {
        const selection = captureSelection();
        if (!selection) return;
        event.preventDefault();
        open(selection);
      }
    };
    // The button takes focus on click, which may clear the selection: remember it as it changes.
    const onSelection = () => {
      const selection = captureSelection();
      if (selection) lastSelection.current = selection;
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("selectionchange", onSelection);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("selectionchange", onSelection);
    };
  }, []);

  async function send(event: React.FormEvent) {
    event.preventDefault();
    const fields = checkReport(captured.text, comment);
    if (fields.selectedText || fields.comment) {
      setPhase({ kind: "error", message: "", fields });
      return;
    }
    setPhase({ kind: "sending" });
    try {
      const response = await fetch("/api/corrections", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ articleSlug, selectedText: captured.text, context: captured.context, comment }),
      });
      if (response.status === 201) setPhase({ kind: "sent" });
      else if (response.status === 429) setPhase({ kind: "error", message: "You have sent several reports just now. Please try again in a few minutes.", fields: {} });
      else {
        const body = (await response.json().catch(() => ({}))) as { error?: string; fieldErrors?: Record<string, string[] | undefined> };
        const server: FieldErrors = { selectedText: body.fieldErrors?.selectedText?.[0], comment: body.fieldErrors?.comment?.[0] };
        const onField = Boolean(server.selectedText || server.comment);
        setPhase({ kind: "error", message: onField ? "" : (body.error ?? "The report could not be sent. Please try again."), fields: server });
      }
    } catch {
      setPhase({ kind: "error", message: "You appear to be offline. Nothing was sent — please try again.", fields: {} });
    }
  }

  const fieldError = phase.kind === "error" ? phase.fields : {};

  return (
    <div className="typo-report">
      <button type="button" className="typo-report__button" onClick={() => open(captureSelection() ?? lastSelection.current)}>
        Report a typo
      </button>
      <span className="typo-report__hint">or select the text and press Ctrl+Enter</span>
      <dialog ref={dialog} className="typo-report__dialog" aria-labelledby="typo-report-title" onClose={() => (lastSelection.current = null)}>
        {phase.kind === "sent" ? (
          <div className="typo-report__done" role="status">
            <h2 id="typo-report-title">Thank you</h2>
            <p>Your report was sent to the editors.</p>
            <button type="button" className="typo-report__primary" onClick={() => dialog.current?.close()} autoFocus>
              Close
            </button>
          </div>
        ) : (
          <form onSubmit={send} method="dialog" noValidate>
            <h2 id="typo-report-title">Report a typo</h2>
            <label htmlFor="typo-report-text">Text with the mistake</label>
            <textarea
              id="typo-report-text"
              rows={3}
              value={captured.text}
              onChange={(event) => setCaptured({ text: event.target.value, context: captured.context })}
              aria-invalid={fieldError.selectedText ? true : undefined}
              aria-describedby={fieldError.selectedText ? "typo-report-text-error" : undefined}
              required
            />
            {fieldError.selectedText ? (
              <p className="typo-report__error" id="typo-report-text-error" role="alert">
                {fieldError.selectedText}
              </p>
            ) : null}
            <label htmlFor="typo-report-comment">Comment (optional)</label>
            <textarea
              id="typo-report-comment"
              rows={3}
              value={comment}
              onChange={(event) => setComment(event.target.value)}
              placeholder="What should it say?"
              aria-invalid={fieldError.comment ? true : undefined}
              aria-describedby={fieldError.comment ? "typo-report-comment-hint typo-report-comment-error" : "typo-report-comment-hint"}
            />
            <p className="typo-report__hint-line" id="typo-report-comment-hint">
              Up to {MAX_REPORT_COMMENT} characters. Reports go to the editors only; they are never published.
            </p>
            {fieldError.comment ? (
              <p className="typo-report__error" id="typo-report-comment-error" role="alert">
                {fieldError.comment}
              </p>
            ) : null}
            {phase.kind === "error" && phase.message ? (
              <p className="typo-report__error" role="alert">
                {phase.message}
              </p>
            ) : null}
            <div className="typo-report__actions">
              <button type="button" onClick={() => dialog.current?.close()}>
                Cancel
              </button>
              <button type="submit" className="typo-report__primary" disabled={phase.kind === "sending"}>
                {phase.kind === "sending" ? "Sending…" : "Send"}
              </button>
            </div>
          </form>
        )}
      </dialog>
    </div>
  );
}
