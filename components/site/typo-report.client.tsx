"use client";

// "Report a typo", the way report.az's Orphus does it: select text in the
// article and press Ctrl+Enter (or use the button), add an optional comment,
// send. Small on purpose — no dependencies; the reader page stays light.
import { useEffect, useRef, useState } from "react";
import "./typo-report.css";

const MAX_SELECTION = 500;
const CONTEXT_RADIUS = 200;

type Captured = { text: string; context: string };
type Phase = { kind: "editing" } | { kind: "sending" } | { kind: "sent" } | { kind: "error"; message: string };

/** The selected text inside `.article-body`, with the sentence-ish context around it. */
function captureSelection(): Captured | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const body = document.querySelector(".article");
  if (!body || !body.contains(range.commonAncestorContainer)) return null;
  const text = selection.toString().replace(/\s+/g, " ").trim().slice(0, MAX_SELECTION);
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
    if (!captured.text.trim()) {
      setPhase({ kind: "error", message: "Type or select the text that has the mistake." });
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
      else if (response.status === 429) setPhase({ kind: "error", message: "You have sent several reports just now. Please try again in a few minutes." });
      else {
        const body = (await response.json().catch(() => ({}))) as { error?: string };
        setPhase({ kind: "error", message: body.error ?? "The report could not be sent. Please try again." });
      }
    } catch {
      setPhase({ kind: "error", message: "You appear to be offline. Please try again." });
    }
  }

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
              maxLength={MAX_SELECTION}
              value={captured.text}
              onChange={(event) => setCaptured({ text: event.target.value, context: captured.context })}
              required
            />
            <label htmlFor="typo-report-comment">Comment (optional)</label>
            <textarea id="typo-report-comment" rows={3} maxLength={1000} value={comment} onChange={(event) => setComment(event.target.value)} placeholder="What should it say?" />
            {phase.kind === "error" ? (
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
