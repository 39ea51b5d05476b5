// Pure parser for the plain-text page exports in seeds/ (layout: PRODUCT.md,
// "Source documents"):
//
//   <title>
//
//   <title> <lead>          title and lead run together
//   <category>
//   <Month D, YYYY HH:MM>   dateline, site time zone
//   <title>                 repeated
//
//   <paragraph>…            separated by blank lines, then site chrome
//
// Every header line after the title is optional; the parser only insists on
// one landmark (a line starting with the title, a dateline, the repeated
// title) so that arbitrary prose is not taken for an article.
import { createHash } from "node:crypto";
import { slugify } from "@/lib/text/slugify";
import { isEndOfArticleMarker, isTrailingChrome } from "./chrome";
import { matchDateline, parseDateline } from "./dateline";

export { slugify } from "@/lib/text/slugify";
export { parseDateline } from "./dateline";

export interface ParsedArticle {
  title: string;
  lead: string | null;
  category: { name: string; slug: string };
  publishedAt: Date;
  datelineFound: boolean;
  paragraphs: string[];
  /** sha256 (hex) of the normalised document text: the document's identity. */
  sourceHash: string;
  slug: string;
}

export interface ParseError {
  file: string;
  /** 1-based line in the source file. */
  line: number;
  reason: string;
}

export interface ParseOptions {
  fileName: string;
  /** IANA zone the dateline is written in, e.g. "Asia/Baku". */
  timeZone: string;
  /** Publication time for a document without a dateline (default: the current time). */
  now?: Date;
}

export type ParseResult =
  | { ok: true; article: ParsedArticle; warnings: string[] }
  | { ok: false; error: ParseError };

export const DEFAULT_CATEGORY = { name: "Uncategorized", slug: "uncategorized" } as const;

interface Line {
  /** 1-based line number. */
  number: number;
  /** The line without surrounding whitespace. */
  text: string;
}

/** The lines between the title and the body; each slot holds the line it came from. */
interface Header {
  leadLine?: Line;
  lead: string | null;
  category?: Line;
  dateline?: Line;
  repeatedTitle?: Line;
  /** Line number of the last header line (the title's if nothing else was found). */
  lastLine: number;
}

export function parseDocument(text: string, opts: ParseOptions): ParseResult {
  const normalised = normaliseSource(text);
  const lines = normalised.split("\n").map((line, index) => ({ number: index + 1, text: line.trim() }));
  const fail = (line: number, reason: string): ParseResult => ({ ok: false, error: { file: opts.fileName, line, reason } });

  const titleLine = lines.find((line) => line.text !== "");
  if (!titleLine) return fail(1, "no title: the document is empty");
  const title = titleLine.text;
  if (matchDateline(title) || isEndOfArticleMarker(title)) {
    return fail(titleLine.number, `no title: the document starts with "${title}", which is not a headline`);
  }
  const afterTitle = lines.filter((line) => line.number > titleLine.number);
  const nonBlankAfterTitle = afterTitle.filter((line) => line.text !== "");
  if (nonBlankAfterTitle.length === 0) {
    return fail(titleLine.number + 1, "no body paragraph: the document ends after the title");
  }

  const matcher = titleMatcher(title);
  const warnings: string[] = [];
  const header = parseHeader(nonBlankAfterTitle, matcher, titleLine.number, warnings);
  if (!header.leadLine && !header.dateline && !header.repeatedTitle) {
    return fail(
      nonBlankAfterTitle[0]!.number,
      "not an article: none of the layout's landmarks (a line starting with the title, a dateline, the repeated title) follows the title",
    );
  }

  const paragraphs = extractParagraphs(
    afterTitle.filter((line) => line.number > header.lastLine),
    matcher,
  );
  if (paragraphs.length === 0) return fail(header.lastLine + 1, "no body paragraph after the header");

  const sourceHash = createHash("sha256").update(normalised).digest("hex");
  const publishedAt = publicationTime(header.dateline, opts, warnings);
  if (!header.category) warnings.push(`no category line; filed under "${DEFAULT_CATEGORY.name}"`);
  return {
    ok: true,
    warnings,
    article: {
      title,
      lead: header.lead,
      category: header.category ? categoryOf(header.category.text) : { ...DEFAULT_CATEGORY },
      publishedAt: publishedAt ?? opts.now ?? new Date(),
      datelineFound: publishedAt !== null,
      paragraphs,
      sourceHash,
      slug: slugify(title) || `article-${sourceHash.slice(0, 12)}`,
    },
  };
}

/**
 * The text the document's identity is computed from: the same article saved
 * with a BOM, Windows line endings or trailing spaces is the same document.
 */
function normaliseSource(text: string): string {
  return text
    .replace(/^\uFEFF+/, "")
    .replace(/\r\n?/g, "\n")
    .normalize("NFC")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n+$/, "");
}

interface TitleMatcher {
  /** Whether the line is the title again (ignoring case, spacing, dash and quote styles). */
  isTitle(text: string): boolean;
  /** The text after a leading title; undefined when the line does not start with the title. */
  textAfterTitle(text: string): string | undefined;
}

function titleMatcher(title: string): TitleMatcher {
  const key = comparisonKey(title);
  const maxTitleLength = 2 * title.length + 16;
  const wordCount = title.split(/\s+/).length;
  return {
    // The length check spares normalising every long paragraph: none of them can be the title.
    isTitle: (text) => text.length <= maxTitleLength && comparisonKey(text) === key,
    textAfterTitle: (text) => {
      const end = endOfWords(text, wordCount);
      if (end === undefined || comparisonKey(text.slice(0, end)) !== key) return undefined;
      return text.slice(end).trim();
    },
  };
}

/** Index just past the text's first `count` words, if it has that many. */
function endOfWords(text: string, count: number): number | undefined {
  const word = /\S+/g;
  for (let i = 0; i < count; i++) if (!word.exec(text)) return undefined;
  return word.lastIndex;
}

/** Interchangeable characters: the same title may be typed with any dash or quote style. */
const CHARACTER_FAMILIES = [
  { canonical: "-", members: /[-‐‑‒–—―−]/g },
  { canonical: "'", members: /['‘’‚‛`´]/g },
  { canonical: '"', members: /["“”„‟«»]/g },
];

/** The text as compared with the title: case, spacing, dash and quote styles ignored. */
function comparisonKey(text: string): string {
  let key = text.normalize("NFKC").toLowerCase();
  for (const { canonical, members } of CHARACTER_FAMILIES) key = key.replace(members, canonical);
  return key.replace(/\s+/g, " ").trim();
}

/**
 * Reads the optional header slots in layout order (lead line, category,
 * dateline, repeated title). `lines` are the non-blank lines after the title,
 * so extra blank lines inside the header do not matter.
 */
function parseHeader(lines: Line[], matcher: TitleMatcher, titleLineNumber: number, warnings: string[]): Header {
  const textAt = (i: number) => lines[i]?.text ?? "";
  const isDateline = (i: number) => matchDateline(textAt(i)) !== null;
  const isRepeatedTitle = (i: number) => textAt(i) !== "" && matcher.isTitle(textAt(i));
  const isCategory = (i: number) =>
    textAt(i) !== "" && !isDateline(i) && !isRepeatedTitle(i) && looksLikeCategory(textAt(i));
  // Whether the rest of a header (category, dateline, repeated title) starts at line i.
  const headerContinuesAt = (i: number) =>
    isDateline(i) || isRepeatedTitle(i) || (isCategory(i) && (isDateline(i + 1) || isRepeatedTitle(i + 1)));

  const header: Header = { lead: null, lastLine: titleLineNumber };
  let i = 0;
  const take = () => {
    const line = lines[i++]!;
    header.lastLine = line.number;
    return line;
  };

  const leadText = matcher.textAfterTitle(textAt(0));
  // A bare title on line 3 is an empty lead line only if more header follows; otherwise it is the repeated title.
  if (leadText !== undefined && (leadText !== "" || headerContinuesAt(1))) {
    header.leadLine = take();
    header.lead = leadText || null;
  } else if (leadText === undefined && !headerContinuesAt(0) && headerContinuesAt(1)) {
    const bareLead = take();
    header.lead = bareLead.text;
    warnings.push(`line ${bareLead.number}: the lead line does not start with the title; taken as the lead`);
  }

  const followsLeadDirectly = header.leadLine !== undefined && lines[i]?.number === header.leadLine.number + 1;
  if (isCategory(i) && (isDateline(i + 1) || isRepeatedTitle(i + 1) || followsLeadDirectly)) header.category = take();
  if (isDateline(i)) header.dateline = take();
  if (isRepeatedTitle(i)) header.repeatedTitle = take();
  return header;
}

/** A short label such as "Other countries" or "Xarici siyasət", not a sentence. */
function looksLikeCategory(text: string): boolean {
  return text.length <= 60 && text.split(/\s+/).length <= 6 && /^[\p{L}\p{N}]/u.test(text) && !/[.!?:;,…"”»]$/u.test(text);
}

/**
 * Body paragraphs: blocks of lines separated by blank lines, kept verbatim,
 * without the site chrome that follows the article or repetitions of the title.
 */
function extractParagraphs(lines: Line[], matcher: TitleMatcher): string[] {
  const endOfArticle = lines.findIndex((line) => isEndOfArticleMarker(line.text));
  const articleLines = endOfArticle === -1 ? lines : lines.slice(0, endOfArticle);
  const paragraphs = splitOnBlankLines(articleLines).filter((paragraph) => !matcher.isTitle(paragraph));
  while (paragraphs.length > 0 && isTrailingChrome(paragraphs[paragraphs.length - 1]!)) paragraphs.pop();
  return paragraphs;
}

function splitOnBlankLines(lines: Line[]): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of [...lines, { number: 0, text: "" }]) {
    if (line.text !== "") {
      current.push(line.text);
    } else if (current.length > 0) {
      paragraphs.push(current.join("\n"));
      current = [];
    }
  }
  return paragraphs;
}

function publicationTime(dateline: Line | undefined, opts: ParseOptions, warnings: string[]): Date | null {
  if (!dateline) {
    warnings.push("no dateline; published at import time");
    return null;
  }
  const publishedAt = parseDateline(dateline.text, opts.timeZone);
  if (!publishedAt) warnings.push(`line ${dateline.number}: "${dateline.text}" is not a valid date; published at import time`);
  return publishedAt;
}

function categoryOf(line: string): { name: string; slug: string } {
  const name = line.replace(/\s+/g, " ");
  const slug = slugify(name) || `category-${createHash("sha256").update(name).digest("hex").slice(0, 8)}`;
  return { name, slug };
}
