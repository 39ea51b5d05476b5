import { describe, expect, it } from "vitest";
import { bodyParagraphs, diffBody, diffRevisions, diffText } from "@/lib/text/diff";

const fields = (overrides: Partial<Parameters<typeof diffRevisions>[0]> = {}) => ({
  title: "Budget vote delayed",
  lead: "Parliament postpones",
  body: "<p>First paragraph.</p><p>Second paragraph stays.</p>",
  slug: "budget-vote-delayed",
  category: "Politics",
  tags: "budget, parliament",
  ...overrides,
});

describe("diffText", () => {
  it("marks the changed words only", () => {
    expect(diffText("The vote was delayed", "The vote was postponed")).toEqual([
      { kind: "same", text: "The vote was " },
      { kind: "removed", text: "delayed" },
      { kind: "added", text: "postponed" },
    ]);
  });

  it("is one unchanged segment for equal text and nothing for two empty strings", () => {
    expect(diffText("same", "same")).toEqual([{ kind: "same", text: "same" }]);
    expect(diffText("", "")).toEqual([]);
  });
});

describe("diffBody", () => {
  it("splits the body into paragraphs, headings and list items", () => {
    expect(bodyParagraphs("<h2>Head</h2><p>One &amp; two</p><ul><li>item</li></ul>")).toEqual(["Head", "One & two", "item"]);
  });

  it("keeps unchanged paragraphs, pairs an edited one word by word, and shows added and removed ones whole", () => {
    const blocks = diffBody(
      "<p>Intro stays.</p><p>The minister resigned on Monday.</p><p>Old closing line.</p>",
      "<p>Intro stays.</p><p>The minister resigned on Tuesday.</p>",
    );
    expect(blocks[0]).toEqual({ kind: "same", segments: [{ kind: "same", text: "Intro stays." }] });
    expect(blocks[1]!.kind).toBe("changed");
    expect(blocks[1]!.segments).toContainEqual({ kind: "removed", text: "Monday" });
    expect(blocks[1]!.segments).toContainEqual({ kind: "added", text: "Tuesday" });
    expect(blocks[2]).toEqual({ kind: "removed", segments: [{ kind: "removed", text: "Old closing line." }] });
  });

  it("shows a new paragraph as added", () => {
    expect(diffBody("<p>A</p>", "<p>A</p><p>B</p>")).toEqual([
      { kind: "same", segments: [{ kind: "same", text: "A" }] },
      { kind: "added", segments: [{ kind: "added", text: "B" }] },
    ]);
  });
});

describe("diffRevisions", () => {
  it("reports no change between identical revisions", () => {
    const diff = diffRevisions(fields(), fields());
    expect(diff.changed).toBe(false);
    expect(diff.fields.every((field) => !field.changed)).toBe(true);
  });

  it("flags exactly the fields that changed", () => {
    const diff = diffRevisions(fields(), fields({ title: "Budget vote postponed", tags: "budget" }));
    expect(diff.changed).toBe(true);
    expect(diff.fields.filter((field) => field.changed).map((field) => field.label)).toEqual(["Title", "Tags"]);
    expect(diff.body.every((block) => block.kind === "same")).toBe(true);
  });
});
