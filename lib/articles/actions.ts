"use server";
// Server actions of the editor. Each goes through validatedAction (zod +
// sign-in + permission); the service checks the article-level rules again
// with `can(...)`, and public pages are revalidated once a change commits.
import { validatedAction, type ActionState } from "@/lib/auth/action";
import { can } from "@/lib/auth/permissions";
import { requestIp } from "@/lib/audit/request";
import { revalidateArticleChange } from "@/lib/cache/public";
import { db } from "@/lib/db";
import { getSiteSettings } from "@/lib/settings/data";
import { articleFormSchema, deleteArticleSchema, previewLinkSchema, restoreRevisionSchema, workflowActionSchema, revisionDiffSchema } from "./schema";
import { createArticle, deleteArticle, restoreRevision, runWorkflowAction, saveArticle, type ArticleSnapshot, type ServiceResult } from "./service";
import { parseZonedLocalDateTime } from "./schedule-time";
import { createPreviewToken } from "./preview";
import { compareRevisions } from "./newsroom-data";
import type { WorkflowAction } from "./workflow";

/** What the editor gets back from a save: the saved article, or the other person's version on a conflict. */
export type EditorActionData = { article?: ArticleSnapshot; conflict?: ArticleSnapshot };

const SUCCESS_MESSAGE: Record<"save" | WorkflowAction, string> = {
  save: "Saved",
  submit: "Submitted for review",
  publish: "Published",
  schedule: "Scheduled",
  unschedule: "Schedule cancelled — back to draft",
  unpublish: "Unpublished",
  archive: "Archived",
  reopen: "Reopened as a draft",
};

async function answer(result: ServiceResult, intent: "save" | WorkflowAction): Promise<ActionState> {
  if (result.ok) {
    if (result.publicChange) await revalidateArticleChange(result.publicChange);
    const message =
      intent === "save" && result.article.hasPending ? "Saved — readers see the change once it is published" : SUCCESS_MESSAGE[intent];
    return { status: "success", message, data: { article: result.article } satisfies EditorActionData };
  }
  switch (result.kind) {
    case "conflict":
      return { status: "error", message: result.message, data: { conflict: result.current } satisfies EditorActionData };
    case "invalid":
      return { status: "error", message: result.message, fieldErrors: result.fieldErrors };
    default:
      return { status: "error", message: result.message };
  }
}

/** Save draft, Submit for review, Publish, Schedule (and any status button while there are unsaved edits). */
export const saveArticleAction = validatedAction(
  articleFormSchema,
  // Anyone who may write; the article-level rules (own article, its state) are checked by the service.
  { permission: "article.create" },
  async (input, user) => {
    const ip = await requestIp();
    const { id, version, intent, autosave, scheduledAt: scheduledText, ...content } = input;
    let scheduledAt: Date | null = null;
    if (intent === "schedule") {
      const { timeZone } = await getSiteSettings();
      scheduledAt = parseZonedLocalDateTime(scheduledText, timeZone);
      if (!scheduledAt) return { status: "error", message: "Please fix the marked fields.", fieldErrors: { scheduledAt: ["Pick a date and time"] } };
    }

    let articleId = id;
    let articleVersion = version;
    if (!articleId) {
      // A new article: the first save creates it; a workflow button then acts on the fresh draft.
      const created = await createArticle(user, content);
      if (!created.ok || intent === "save") return answer(created, "save");
      articleId = created.article.id;
      articleVersion = created.article.version;
      return answer(await runWorkflowAction(user, { id: articleId, version: articleVersion, action: intent, scheduledAt }, { ip }), intent);
    }
    if (intent === "save") return answer(await saveArticle(user, { id: articleId, version: articleVersion, content, autosave }, { ip }), "save");
    return answer(await runWorkflowAction(user, { id: articleId, version: articleVersion, action: intent, content, scheduledAt }, { ip }), intent);
  },
);

/** Unpublish, Archive, Cancel schedule, Reopen — status only, nothing to save. */
export const changeArticleStatusAction = validatedAction(workflowActionSchema, {}, async (input, user) => {
  const ip = await requestIp();
  return answer(await runWorkflowAction(user, { id: input.id, version: input.version, action: input.intent }, { ip }), input.intent);
});

export const restoreRevisionAction = validatedAction(restoreRevisionSchema, {}, async (input, user) => {
  const ip = await requestIp();
  const result = await restoreRevision(user, input, { ip });
  if (result.ok) return { status: "success", message: "Revision restored as the newest version", data: { article: result.article } satisfies EditorActionData };
  return answer(result, "save");
});

/** A readable diff between two revisions of an article the user may open. */
export const compareRevisionsAction = validatedAction(revisionDiffSchema, {}, async (input, user) => {
  const article = await db.article.findUnique({ where: { id: input.id }, select: { authorId: true, status: true } });
  if (!article || !can(user, "article.view", article)) return { status: "error", message: "You don’t have permission to do that." };
  const diff = await compareRevisions(input.id, input.from, input.to);
  if (!diff) return { status: "error", message: "One of these revisions no longer exists." };
  return { status: "success", data: diff };
});

/** A signed link that shows the current draft as readers would see it, for 24 hours. */
export const createPreviewLinkAction = validatedAction(previewLinkSchema, {}, async (input, user) => {
  const article = await db.article.findUnique({ where: { id: input.id }, select: { authorId: true, status: true } });
  if (!article || !can(user, "article.view", article)) return { status: "error", message: "You don’t have permission to do that." };
  const { token, expiresAt } = createPreviewToken(input.id);
  return { status: "success", data: { url: `/preview/${token}`, expiresAt: expiresAt.toISOString() } };
});

/** "Delete article" (EDITOR+, or an author's own never-published draft); the service re-checks inside its transaction. */
export const deleteArticleAction = validatedAction(
  deleteArticleSchema,
  {
    permission: async (user, input) => {
      const article = await db.article.findUnique({ where: { id: input.id }, select: { authorId: true, status: true, publishedAt: true } });
      // A missing article is the service's "no longer exists", not a permission error.
      return !article || can(user, "article.delete", { authorId: article.authorId, status: article.status, everPublished: article.publishedAt !== null });
    },
  },
  async (input, user) => {
    const result = await deleteArticle(user, input, { ip: await requestIp() });
    if (!result.ok) return { status: "error", message: result.message };
    for (const change of result.publicChanges) await revalidateArticleChange(change);
    return { status: "success", message: `Deleted “${result.title}”` };
  },
);
