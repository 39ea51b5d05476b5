import { escapeHtml } from "@/lib/text/html";
import { foldWord } from "./query";

const WORD = /[\p{L}\p{N}]+/gu;
export const SNIPPET_WORDS = 36;

/**
 * The plain text of a body of sanitised HTML, for its snippet: a line break after each block,
 * tags dropped, the entities sanitised HTML contains decoded ("&amp;" last, so "&amp;lt;" stays
 * "&lt;"). The same as PostgreSQL's "article_search_text" (the search_index migration), which
 * keeps it in "ArticleSearch"; sanitize-html (htmlToText) took 20 times as long per search.
 */
export function plainText(html: string): string {
  return html
    .replace(/<\/(p|h[1-6]|li|blockquote)>/g, "$&\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/^[ \t\n\r]+|[ \t\n\r]+$/g, "");
}

type IsHit = (token: string) => boolean;

/**
 * Whether a token is one of `words`. Folding (lower case, NFKD, marks dropped) is
 * what a snippet spends most of its time on, and the words of a text repeat, so
 * each distinct token is folded once.
 */
function hitTest(words: Set<string>): IsHit {
  const seen = new Map<string, boolean>();
  return (token) => {
    let hit = seen.get(token);
    if (hit === undefined) seen.set(token, (hit = words.has(foldWord(token))));
    return hit;
  };
}

function snippetOf(text: string, isHit: IsHit, length: number): string {
  const tokens = [...text.matchAll(WORD)];
  if (tokens.length === 0) return "";
  const firstHit = tokens.findIndex((token) => isHit(token[0]));
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
    if (!isHit(token[0])) continue;
    html += escapeHtml(text.slice(cursor, index)) + `<mark>${escapeHtml(token[0])}</mark>`;
    cursor = index + token[0].length;
  }
  html += escapeHtml(text.slice(cursor, end));
  return `${start > 0 ? "…" : ""}${html.replace(/\s+/g, " ").trim()}${end < text.length ? "…" : ""}`;
}

/**
 * An excerpt of `text` around the first highlighted word, as HTML: every
 * character of the text is escaped and only the <mark> elements around matched
 * words are markup.
 */
export function buildSnippet(text: string, words: Set<string>, length = SNIPPET_WORDS): string {
  return snippetOf(text, hitTest(words), length);
}

function hasHit(text: string, isHit: IsHit): boolean {
  for (const token of text.matchAll(WORD)) if (isHit(token[0])) return true;
  return false;
}

/** The first of `texts` (lead, then body) that contains a highlighted word, else the first non-empty one. */
export function bestSnippet(texts: (string | null | undefined)[], words: Set<string>, length = SNIPPET_WORDS): string {
  const isHit = hitTest(words);
  const candidates = texts.filter((text): text is string => Boolean(text?.trim()));
  const chosen = candidates.find((text) => hasHit(text, isHit)) ?? candidates[0];
  return chosen ? snippetOf(chosen, isHit, length) : "";
}
