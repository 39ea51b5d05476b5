// The role table of PRODUCT.md ("People and permissions") as a full matrix:
// every role × every action × own / someone else's / no article × every status.
import { describe, expect, it } from "vitest";
import { can, type Action } from "@/lib/auth/permissions";
import type { ArticleStatus, Role } from "@/lib/db/types";

const ACTIONS: Action[] = [
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
  "user.manage",
  "audit.read",
  "settings.manage",
];
const STATUSES: ArticleStatus[] = ["DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED", "UNPUBLISHED", "ARCHIVED"];
const ROLES: Role[] = ["AUTHOR", "EDITOR", "ADMIN"];
const ADMIN_ONLY = new Set<Action>(["user.manage", "audit.read", "settings.manage"]);

type Ownership = "own" | "other" | "none";

/** The expected answer, written out from the product table rather than derived from the code. */
function expected(role: Role, action: Action, ownership: Ownership, status: ArticleStatus): boolean {
  if (role === "ADMIN") return true;
  if (role === "EDITOR") return !ADMIN_ONLY.has(action);
  // AUTHOR: create articles, edit own drafts (and propose changes to their own live story), submit for review.
  if (action === "article.create") return true;
  if (ownership !== "own") return false;
  switch (action) {
    case "article.view":
      return true;
    case "article.edit":
    case "article.restoreRevision":
      return ["DRAFT", "IN_REVIEW", "PUBLISHED", "UNPUBLISHED"].includes(status);
    case "article.submit":
      return ["DRAFT", "PUBLISHED", "UNPUBLISHED"].includes(status);
    default:
      return false;
  }
}

const me = "user-1";
const someoneElse = "user-2";

describe("can(role, action, article)", () => {
  for (const role of ROLES) {
    describe(role, () => {
      for (const action of ACTIONS) {
        it(action, () => {
          const actor = { id: me, role };
          for (const status of STATUSES) {
            expect(can(actor, action, { authorId: me, status }), `${role} ${action} own ${status}`).toBe(expected(role, action, "own", status));
            expect(can(actor, action, { authorId: someoneElse, status }), `${role} ${action} other ${status}`).toBe(expected(role, action, "other", status));
            expect(can(actor, action, { authorId: null, status }), `${role} ${action} unowned ${status}`).toBe(expected(role, action, "other", status));
          }
          expect(can(actor, action), `${role} ${action} without article`).toBe(expected(role, action, "none", "DRAFT"));
        });
      }
    });
  }

  it("refuses everything to anonymous visitors", () => {
    for (const action of ACTIONS) {
      expect(can(null, action)).toBe(false);
      expect(can(undefined, action, { authorId: me, status: "DRAFT" })).toBe(false);
    }
  });

  it("keeps the administrative actions for ADMIN alone", () => {
    for (const action of ADMIN_ONLY) {
      expect(can({ id: me, role: "ADMIN" }, action)).toBe(true);
      expect(can({ id: me, role: "EDITOR" }, action)).toBe(false);
      expect(can({ id: me, role: "AUTHOR" }, action)).toBe(false);
    }
  });

  it("never lets an author publish, even their own article", () => {
    for (const action of ["article.publish", "article.schedule", "article.unpublish", "article.archive", "article.delete"] as Action[]) {
      for (const status of STATUSES) expect(can({ id: me, role: "AUTHOR" }, action, { authorId: me, status })).toBe(false);
    }
  });

  it("lets an author delete only their own draft that readers never saw", () => {
    const author = { id: me, role: "AUTHOR" as const };
    expect(can(author, "article.delete", { authorId: me, status: "DRAFT", everPublished: false })).toBe(true);
    expect(can(author, "article.delete", { authorId: me, status: "DRAFT", everPublished: true })).toBe(false);
    expect(can(author, "article.delete", { authorId: someoneElse, status: "DRAFT", everPublished: false })).toBe(false);
    for (const status of STATUSES.filter((value) => value !== "DRAFT")) {
      expect(can(author, "article.delete", { authorId: me, status, everPublished: false }), status).toBe(false);
    }
    expect(can({ id: me, role: "EDITOR" }, "article.delete", { authorId: someoneElse, status: "PUBLISHED", everPublished: true })).toBe(true);
  });
});
