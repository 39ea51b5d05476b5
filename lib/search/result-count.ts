/** Only the best this many matches are ranked and paged through; a search's `total` never exceeds it. */
export const MAX_SEARCH_RESULTS = 1000;

/** "1 result", "42 results", or "1,000+ results" once the ranked set is full (more may match). */
export function resultCountLabel(total: number): string {
  if (total === 1) return "1 result";
  const count = total.toLocaleString("en-US");
  return total >= MAX_SEARCH_RESULTS ? `${count}+ results` : `${count} results`;
}
