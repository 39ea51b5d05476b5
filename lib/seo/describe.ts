import { htmlToText } from "@/lib/text/sanitize";

export const DESCRIPTION_LENGTH = 200;

/** Meta description: the lead, or without one the first paragraph, cut on a word boundary. */
export function describeArticle(article: { lead: string | null; body: string }, maxLength = DESCRIPTION_LENGTH): string {
  const text = article.lead?.trim() || htmlToText(article.body).split("\n").find((line) => line.trim()) || "";
  return truncate(text.trim(), maxLength);
}

export function truncate(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.–—-]+$/, "")}…`;
}
