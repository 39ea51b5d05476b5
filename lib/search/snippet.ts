import { escapeHtml } from "@/lib/text/html";
import { foldWord } from "./query";

const WORD = /[\p{L}\p{N}]+/gu;
export const SNIPPET_WORDS = 36;

/**
 * An excerpt of `text` around the first highlighted word, as HTML: every
 * character of the text is escaped and only the <mark> elements around matched
 * words are markup.
 */
export function buildSnippet(text: string, words: Set<string>, length = SNIPPET_WORDS): string {
  const tokens = [...text.matchAll(WORD)];
  if (tokens.length === 0) return "";
  const firstHit = tokens.findIndex((token) => words.has(foldWord(token[0])));
  // Start a few words before the first hit, so it reads in context.
  const startToken = firstHit < 0 ? 0 : Math.max(0, firstHit - Math.floor(length / 4));
  const endToken = Math.min(tokens.length, startToken + length);
  const start = startToken === 0 ? 0 : tokens[startToken]!.index!;
  const last = tokens[endToken - 1]!;
  const end = endToken === tokens.length ? text.length : last.index! + last[0].length;

  let html = "";
  let cursor = start;
  for (const token of tokens.slice(startToken, endToken)) {
    const index = token.index!;
    if (!words.has(foldWord(token[0]))) continue;
    html += escapeHtml(text.slice(cursor, index)) + `<mark>${escapeHtml(token[0])}</mark>`;
    cursor = index + token[0].length;
  }
  html += escapeHtml(text.slice(cursor, end));
  return `${start > 0 ? "…" : ""}${html.replace(/\s+/g, " ").trim()}${end < text.length ? "…" : ""}`;
}

/** The first of `texts` (lead, then body) that contains a highlighted word, else the first non-empty one. */
export function bestSnippet(texts: (string | null | undefined)[], words: Set<string>, length = SNIPPET_WORDS): string {
  const candidates = texts.filter((text): text is string => Boolean(text?.trim()));
  const withHit = candidates.find((text) => [...text.matchAll(WORD)].some((token) => words.has(foldWord(token[0]))));
  const chosen = withHit ?? candidates[0];
  return chosen ? buildSnippet(chosen, words, length) : "";
}
