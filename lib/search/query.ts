// A reader's search box input, parsed once into a safe query both databases
// run the same way: words (all required), "quoted phrases", and -excluded
// words. Nothing the reader types reaches a query parser unquoted, so no input
// can cause a syntax error.

export type SearchQuery = {
  /** Required words and phrases; a phrase is several words in order. */
  include: string[][];
  /** Words that must not occur. */
  exclude: string[];
};

export const MAX_QUERY_LENGTH = 200;
const MAX_TERMS = 12;
const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-case, accents dropped: how both indexes fold text, so highlights match what matched. */
export function foldWord(word: string): string {
  return word
    .toLowerCase()
    .replace(/ı/g, "i")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "");
}

export function parseSearchQuery(input: string): SearchQuery {
  const text = input.normalize("NFC").slice(0, MAX_QUERY_LENGTH);
  const include: string[][] = [];
  const exclude: string[] = [];
  // A quoted phrase, or a run of anything that is not whitespace, optionally negated.
  const parts = text.matchAll(/(-?)"([^"]*)"?|(-?)([^\s"]+)/g);
  for (const part of parts) {
    const negated = (part[1] ?? part[3]) === "-";
    const words = (part[2] ?? part[4] ?? "").match(WORD)?.map((word) => word.toLowerCase()) ?? [];
    if (words.length === 0) continue;
    if (negated) exclude.push(...words);
    else if (part[2] !== undefined) include.push(words);
    else include.push(...words.map((word) => [word]));
  }
  return { include: include.slice(0, MAX_TERMS), exclude: exclude.slice(0, MAX_TERMS) };
}

/** A query with no required word matches nothing (a bare "-word" is not a search). */
export function isEmptyQuery(query: SearchQuery): boolean {
  return query.include.length === 0;
}

/** FTS5 MATCH expression: every word double-quoted, so it is always a string token. */
export function toFts5Match(query: SearchQuery): string {
  const quote = (words: string[]) => `"${words.join(" ").replace(/"/g, '""')}"`;
  const required = query.include.map(quote).join(" AND ");
  return query.exclude.length ? `(${required}) NOT (${query.exclude.map((word) => quote([word])).join(" OR ")})` : required;
}

/** The same query in websearch_to_tsquery syntax, built from parsed words only. */
export function toWebsearch(query: SearchQuery): string {
  const required = query.include.map((words) => (words.length > 1 ? `"${words.join(" ")}"` : words[0]));
  return [...required, ...query.exclude.map((word) => `-${word}`)].join(" ");
}

/** The folded words a snippet highlights. */
export function highlightWords(query: SearchQuery): Set<string> {
  return new Set(query.include.flat().map(foldWord));
}
