// The editorial state machine: which workflow action may move an article from
// which status, and to where. Pure — the service enforces it on the server and
// the editor form uses it to decide which buttons to show.
//
//   DRAFT → IN_REVIEW → PUBLISHED | SCHEDULED → UNPUBLISHED | ARCHIVED
import { can, type Action, type Actor } from "@/lib/auth/permissions";
import type { ArticleStatus } from "@/lib/db/types";

export const WORKFLOW_ACTIONS = ["submit", "publish", "schedule", "unschedule", "unpublish", "archive", "reopen"] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export type WorkflowArticle = {
  authorId: string | null;
  status: ArticleStatus;
  /** A live article with saved, unpublished changes. */
  hasPending: boolean;
};

/** The permission each workflow action needs (lib/auth/permissions.ts is the one role table). */
export const ACTION_PERMISSION: Record<WorkflowAction, Action> = {
  submit: "article.submit",
  publish: "article.publish",
  schedule: "article.schedule",
  unschedule: "article.schedule",
  unpublish: "article.unpublish",
  archive: "article.archive",
  reopen: "article.archive",
};

const TRANSITIONS: Record<WorkflowAction, Partial<Record<ArticleStatus, ArticleStatus>>> = {
  // A live story's pending change is "submitted" without leaving PUBLISHED: readers keep the live text.
  submit: { DRAFT: "IN_REVIEW", UNPUBLISHED: "IN_REVIEW", PUBLISHED: "PUBLISHED" },
  publish: { DRAFT: "PUBLISHED", IN_REVIEW: "PUBLISHED", SCHEDULED: "PUBLISHED", UNPUBLISHED: "PUBLISHED", PUBLISHED: "PUBLISHED" },
  schedule: { DRAFT: "SCHEDULED", IN_REVIEW: "SCHEDULED", UNPUBLISHED: "SCHEDULED", SCHEDULED: "SCHEDULED" },
  unschedule: { SCHEDULED: "DRAFT" },
  unpublish: { PUBLISHED: "UNPUBLISHED" },
  archive: { DRAFT: "ARCHIVED", IN_REVIEW: "ARCHIVED", SCHEDULED: "ARCHIVED", PUBLISHED: "ARCHIVED", UNPUBLISHED: "ARCHIVED" },
  reopen: { ARCHIVED: "DRAFT" },
};

export type TransitionResult = { ok: true; to: ArticleStatus } | { ok: false; reason: string };

const STATUS_LABEL: Record<ArticleStatus, string> = {
  DRAFT: "Draft",
  IN_REVIEW: "In review",
  SCHEDULED: "Scheduled",
  PUBLISHED: "Published",
  UNPUBLISHED: "Unpublished",
  ARCHIVED: "Archived",
};

export function statusLabel(status: ArticleStatus): string {
  return STATUS_LABEL[status];
}

/** Where `action` takes an article in `status`, or why it cannot. */
export function transition(article: Pick<WorkflowArticle, "status" | "hasPending">, action: WorkflowAction): TransitionResult {
  const to = TRANSITIONS[action][article.status];
  if (!to) return { ok: false, reason: `An article that is ${STATUS_LABEL[article.status].toLowerCase()} cannot be ${PAST_TENSE[action]}.` };
  // Re-publishing a live article only makes sense when there is a change to publish; same for submitting it.
  if (article.status === "PUBLISHED" && (action === "publish" || action === "submit") && !article.hasPending) {
    return { ok: false, reason: "This article is already live and has no unpublished changes." };
  }
  return { ok: true, to };
}

const PAST_TENSE: Record<WorkflowAction, string> = {
  submit: "submitted for review",
  publish: "published",
  schedule: "scheduled",
  unschedule: "unscheduled",
  unpublish: "unpublished",
  archive: "archived",
  reopen: "reopened",
};

/** Whether the content of an article in this status can be saved (archived articles are read-only until reopened). */
export function isEditableStatus(status: ArticleStatus): boolean {
  return status !== "ARCHIVED";
}

/** A save of a live article goes to `pending` so readers keep the published text. */
export function savesToPending(status: ArticleStatus): boolean {
  return status === "PUBLISHED";
}

/** Whether `actor` may run `action` on `article` right now: role (can) and state (transition) both. */
export function isActionAllowed(actor: Actor | null, article: WorkflowArticle, action: WorkflowAction): boolean {
  return can(actor, ACTION_PERMISSION[action], article) && transition(article, action).ok;
}

/** The workflow actions to offer `actor` on `article`, in the order the editor shows them. */
export function availableActions(actor: Actor | null, article: WorkflowArticle): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((action) => isActionAllowed(actor, article, action));
}
