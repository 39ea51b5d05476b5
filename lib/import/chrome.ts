// Site chrome that news-agency page exports (report.az and its Azerbaijani and
// Russian editions) append to the article text. Lines are compared whole, so a
// paragraph that merely mentions "latest news" is never mistaken for chrome.
import { matchDateline } from "./dateline";

/** Headings of the navigation that follows an article: they and everything after them are chrome. */
const END_OF_ARTICLE = new Set([
  "latest news", "son xəbərlər", "последние новости",
  "news feed", "xəbər lenti", "лента новостей",
  "other news", "digər xəbərlər", "другие новости",
  "related news", "oxşar xəbərlər", "похожие новости",
  "more news", "daha çox xəbər", "еще новости", "ещё новости",
  "most read", "ən çox oxunan", "ən çox oxunanlar", "самое читаемое",
  "orphus sistemi", "orphus system", "система orphus",
]);

/** Buttons and labels that may trail an article (only at its end: mid-article they could be text). */
const TRAILING_LABELS = new Set([
  "share", "paylaş", "поделиться",
  "read more", "read also", "ətraflı", "həmçinin oxuyun", "подробнее", "читайте также",
  "print", "çap et", "печать",
  "tags", "teqlər", "теги",
  "advertisement", "reklam", "реклама",
  "subscribe", "abunə ol", "подписаться",
  "follow us", "bizi izləyin", "подписывайтесь на нас",
  "back to top", "comments", "şərhlər", "комментарии",
]);

const CLOCK_TIME = /^\d{1,2}:\d{2}$/;
const NUMERIC_DATE = /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}(?:,?\s+\d{1,2}:\d{2})?$/;

/** Lower-cased line without list bullets or trailing punctuation/arrows ("Latest news »" → "latest news"). */
function chromeKey(line: string): string {
  return line
    .toLowerCase()
    .replace(/^[\s•·*\-–—>»]+/, "")
    .replace(/[\s:.…»›>→|]+$/, "")
    .replace(/\s+/g, " ");
}

/** Chrome lines are short; checking the length first spares normalising every paragraph. */
const MAX_CHROME_LENGTH = 120;

export function isEndOfArticleMarker(line: string): boolean {
  if (line.length > MAX_CHROME_LENGTH) return false;
  const key = chromeKey(line);
  // Orphus's typo-report notice comes in several wordings; all of them start with its name.
  return END_OF_ARTICLE.has(key) || /^orphus\b/.test(key);
}

/** A label, button or lone date/time that is chrome when it trails the article. */
export function isTrailingChrome(line: string): boolean {
  const text = line.trim();
  if (text.length > MAX_CHROME_LENGTH) return false;
  return (
    TRAILING_LABELS.has(chromeKey(text)) || CLOCK_TIME.test(text) || NUMERIC_DATE.test(text) || matchDateline(text) !== null
  );
}
