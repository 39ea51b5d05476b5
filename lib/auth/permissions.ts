// The role table from PRODUCT.md "People and permissions", in one place.
// Every page, server action and route handler asks `can(...)`; hiding a button
// is never the check.
import type { ArticleStatus, Role } from "@/lib/db/types";

export type Actor = { id: string; role: Role };
export type ArticleRef = {
  authorId: string | null;
  status: ArticleStatus;
  /** Whether readers ever saw it; only "article.delete" asks, and unknown counts as yes. */
  everPublished?: boolean;
};

export type Action =
  | "article.create"
  | "article.view" // open it in the newsroom
  | "article.edit"
  | "article.submit"
  | "article.publish" // also: publish a pending change to a live article
  | "article.schedule"
  | "article.unpublish"
  | "article.archive"
  | "article.delete"
  | "article.restoreRevision"
  | "article.viewAll" // see everyone's articles in /editor
  | "taxonomy.manage" // categories and tags
  | "correction.handle"
  | "user.manage"
  | "audit.read"
  | "settings.manage";

const EDITORIAL: ReadonlySet<Action> = new Set<Action>([
  "article.create",
  "article.view",
  "article.edit",
  "article.submit",
  "article.publish",
  "article.schedule",
  "article.unpublish",
  "article.archive",
  "article.delete",
  "article.restoreRevision",
  "article.viewAll",
  "taxonomy.manage",
  "correction.handle",
]);
const ADMINISTRATIVE: ReadonlySet<Action> = new Set<Action>(["user.manage", "audit.read", "settings.manage"]);

/** States in which an author may still change their own article (a live story's edit goes to review). */
const AUTHOR_EDITABLE: ReadonlySet<ArticleStatus> = new Set<ArticleStatus>(["DRAFT", "IN_REVIEW", "PUBLISHED", "UNPUBLISHED"]);

export function can(actor: Actor | null | undefined, action: Action, article?: ArticleRef): boolean {
  if (!actor) return false;
  if (actor.role === "ADMIN") return EDITORIAL.has(action) || ADMINISTRATIVE.has(action);
  if (actor.role === "EDITOR") return EDITORIAL.has(action);

  // AUTHOR
  const own = article ? article.authorId === actor.id : false;
  switch (action) {
    case "article.create":
      return true;
    case "article.view":
      return own;
    case "article.edit":
    case "article.restoreRevision":
      return own && AUTHOR_EDITABLE.has(article!.status);
    case "article.submit":
      return own && (article!.status === "DRAFT" || article!.status === "PUBLISHED" || article!.status === "UNPUBLISHED");
    case "article.delete":
      // Their own draft that was never public; anything readers have seen is an editor's call.
      return own && article!.status === "DRAFT" && article!.everPublished === false;
    default:
      return false;
  }
}
