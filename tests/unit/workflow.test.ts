import { describe, expect, it } from "vitest";
import { availableActions, isActionAllowed, transition, WORKFLOW_ACTIONS, type WorkflowAction } from "@/lib/articles/workflow";
import type { ArticleStatus } from "@/lib/db/types";

const author = { id: "author-1", role: "AUTHOR" as const };
const otherAuthor = { id: "author-2", role: "AUTHOR" as const };
const editor = { id: "editor-1", role: "EDITOR" as const };
const admin = { id: "admin-1", role: "ADMIN" as const };
const article = (status: ArticleStatus, hasPending = false) => ({ authorId: author.id, status, hasPending });

describe("transition", () => {
  const expected: [ArticleStatus, WorkflowAction, ArticleStatus | null][] = [
    ["DRAFT", "submit", "IN_REVIEW"],
    ["DRAFT", "publish", "PUBLISHED"],
    ["DRAFT", "schedule", "SCHEDULED"],
    ["DRAFT", "unpublish", null],
    ["DRAFT", "archive", "ARCHIVED"],
    ["DRAFT", "reopen", null],
    ["IN_REVIEW", "submit", null],
    ["IN_REVIEW", "publish", "PUBLISHED"],
    ["IN_REVIEW", "schedule", "SCHEDULED"],
    ["SCHEDULED", "publish", "PUBLISHED"],
    ["SCHEDULED", "schedule", "SCHEDULED"],
    ["SCHEDULED", "unschedule", "DRAFT"],
    ["SCHEDULED", "unpublish", null],
    ["PUBLISHED", "unpublish", "UNPUBLISHED"],
    ["PUBLISHED", "archive", "ARCHIVED"],
    ["PUBLISHED", "schedule", null],
    ["UNPUBLISHED", "publish", "PUBLISHED"],
    ["UNPUBLISHED", "submit", "IN_REVIEW"],
    ["UNPUBLISHED", "archive", "ARCHIVED"],
    ["ARCHIVED", "publish", null],
    ["ARCHIVED", "archive", null],
    ["ARCHIVED", "reopen", "DRAFT"],
  ];
  it.each(expected)("%s --%s--> %s", (status, action, to) => {
    const result = transition({ status, hasPending: false }, action);
    if (to === null) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/cannot|already/);
    } else {
      expect(result).toEqual({ ok: true, to });
    }
  });

  it("publishes or submits a live article only when it has a pending change", () => {
    expect(transition({ status: "PUBLISHED", hasPending: false }, "publish").ok).toBe(false);
    expect(transition({ status: "PUBLISHED", hasPending: true }, "publish")).toEqual({ ok: true, to: "PUBLISHED" });
    expect(transition({ status: "PUBLISHED", hasPending: false }, "submit").ok).toBe(false);
    expect(transition({ status: "PUBLISHED", hasPending: true }, "submit")).toEqual({ ok: true, to: "PUBLISHED" });
  });

  it("explains a refused transition in words", () => {
    expect(transition({ status: "IN_REVIEW", hasPending: false }, "unpublish")).toEqual({ ok: false, reason: "An article that is in review cannot be unpublished." });
  });
});

describe("availableActions", () => {
  it("offers an author only submit on their own draft, never publish", () => {
    expect(availableActions(author, article("DRAFT"))).toEqual(["submit"]);
    expect(availableActions(author, article("IN_REVIEW"))).toEqual([]);
    expect(availableActions(author, article("PUBLISHED", true))).toEqual(["submit"]);
    expect(availableActions(author, article("PUBLISHED", false))).toEqual([]);
  });

  it("offers an author nothing on someone else's article", () => {
    expect(availableActions(otherAuthor, article("DRAFT"))).toEqual([]);
  });

  it("offers editors and admins the whole workflow for the state", () => {
    for (const actor of [editor, admin]) {
      expect(availableActions(actor, article("DRAFT"))).toEqual(["submit", "publish", "schedule", "archive"]);
      expect(availableActions(actor, article("IN_REVIEW"))).toEqual(["publish", "schedule", "archive"]);
      expect(availableActions(actor, article("SCHEDULED"))).toEqual(["publish", "schedule", "unschedule", "archive"]);
      expect(availableActions(actor, article("PUBLISHED"))).toEqual(["unpublish", "archive"]);
      expect(availableActions(actor, article("PUBLISHED", true))).toEqual(["submit", "publish", "unpublish", "archive"]);
      expect(availableActions(actor, article("ARCHIVED"))).toEqual(["reopen"]);
    }
  });

  it("refuses everything to nobody", () => {
    for (const action of WORKFLOW_ACTIONS) expect(isActionAllowed(null, article("DRAFT"), action)).toBe(false);
  });
});
