"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { initialActionState } from "@/lib/auth/action-state";
import { deleteArticleAction } from "@/lib/articles/actions";

/** "Delete article", behind a confirmation that says what goes with it. */
export function DeleteArticle({ articleId, version, title, live, beforeDelete }: { articleId: string; version: number; title: string; live: boolean; beforeDelete: () => void }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState("");
  const cancelRef = useRef<HTMLButtonElement>(null);

  async function remove() {
    setPending(true);
    setError("");
    try {
      const formData = new FormData();
      formData.set("id", articleId);
      formData.set("version", String(version));
      const result = await deleteArticleAction(initialActionState, formData);
      if (result.status === "success") {
        beforeDelete();
        router.push("/editor?deleted=1");
        return;
      }
      setError(result.message ?? "Could not delete the article");
    } catch {
      setError("You appear to be offline; nothing was deleted. Try again.");
    }
    setPending(false);
  }

  if (!confirming) {
    return (
      <div className="editor__delete">
        <button
          type="button"
          className="btn btn--ghost btn--sm editor__delete-open"
          onClick={() => {
            setConfirming(true);
            // Focus the safe choice first.
            requestAnimationFrame(() => cancelRef.current?.focus());
          }}
        >
          Delete article
        </button>
      </div>
    );
  }
  return (
    <div className="editor__delete editor__delete--confirm" role="group" aria-labelledby="delete-article-question">
      <p id="delete-article-question" className="editor__delete-question">
        Delete “{title || "Untitled"}” for good?
      </p>
      <p className="editor__note">
        {live ? "It is live: readers will get a 404 page, and its old addresses stop redirecting. " : ""}
        Its revisions and reader reports are deleted with it. This cannot be undone.
      </p>
      <div className="row">
        <button type="button" className="btn btn--danger btn--sm" disabled={pending} onClick={() => void remove()}>
          {pending ? <span className="btn__spinner" aria-hidden="true" /> : null}
          Delete for good
        </button>
        <button type="button" ref={cancelRef} className="btn btn--secondary btn--sm" disabled={pending} onClick={() => setConfirming(false)}>
          Cancel
        </button>
      </div>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
