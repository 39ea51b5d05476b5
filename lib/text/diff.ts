// A readable diff between two revisions of an article: short fields word by
// word, the body paragraph by paragraph, with word-level changes inside a
// paragraph that was edited rather than replaced.
import { diffArrays, diffWordsWithSpace } from "diff";
import { htmlToText } from "./sanitize";

export type DiffSegment = { kind: "same" | "added" | "removed"; text: string };
export type FieldDiff = { field: string; label: string; changed: boolean; segments: DiffSegment[] };
export type BodyBlock = { kind: "same" | "added" | "removed" | "changed"; segments: DiffSegment[] };
export type RevisionDiff = { changed: boolean; fields: FieldDiff[]; body: BodyBlock[] };

export type RevisionFields = { title: string; lead: string; body: string; slug: string; category: string; tags: string };

const FIELD_LABELS: [keyof Omit<RevisionFields, "body">, string][] = [
  ["title", "Title"],
  ["lead", "Lead"],
  ["slug", "Slug"],
  ["category", "Category"],
  ["tags", "Tags"],
];

/** Word-level diff of two strings; whitespace stays attached so the text reads naturally. */
export function diffText(from: string, to: string): DiffSegment[] {
  if (from === to) return from ? [{ kind: "same", text: from }] : [];
  return diffWordsWithSpace(from, to).map((change) => ({
    kind: change.added ? "added" : change.removed ? "removed" : "same",
    text: change.value,
  }));
}

/** The body's paragraphs (headings, list items and quotes count as one each) as plain text. */
export function bodyParagraphs(html: string): string[] {
  return htmlToText(html)
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * Paragraph diff: unchanged paragraphs kept, removed/added runs paired up one
 * to one as "changed" (shown with word-level marks), the rest whole.
 */
export function diffBody(fromHtml: string, toHtml: string): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  const changes = diffArrays(bodyParagraphs(fromHtml), bodyParagraphs(toHtml));
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!;
    if (!change.added && !change.removed) {
      for (const text of change.value) blocks.push({ kind: "same", segments: [{ kind: "same", text }] });
      continue;
    }
    const next = changes[i + 1];
    if (change.removed && next?.added) {
      const pairs = Math.min(change.value.length, next.value.length);
      for (let k = 0; k < pairs; k++) blocks.push({ kind: "changed", segments: diffText(change.value[k]!, next.value[k]!) });
      for (const text of change.value.slice(pairs)) blocks.push({ kind: "removed", segments: [{ kind: "removed", text }] });
      for (const text of next.value.slice(pairs)) blocks.push({ kind: "added", segments: [{ kind: "added", text }] });
      i++;
      continue;
    }
    const kind = change.added ? "added" : "removed";
    for (const text of change.value) blocks.push({ kind, segments: [{ kind, text }] });
  }
  return blocks;
}

export function diffRevisions(from: RevisionFields, to: RevisionFields): RevisionDiff {
  const fields = FIELD_LABELS.map(([field, label]) => ({
    field,
    label,
    changed: from[field] !== to[field],
    segments: diffText(from[field], to[field]),
  }));
  const body = diffBody(from.body, to.body);
  const changed = fields.some((field) => field.changed) || body.some((block) => block.kind !== "same");
  return { changed, fields, body };
}
