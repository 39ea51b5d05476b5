/** Longest slug we produce; long headlines are cut on a word boundary. */
export const MAX_SLUG_LENGTH = 80;

/**
 * Letters that Unicode decomposition cannot reduce to ASCII (ə, ı, Cyrillic…).
 * Accented Latin letters (ö, ü, ç, ş, ğ, é…) need no entry: NFKD splits them
 * into a base letter and a combining mark, which is then dropped.
 */
const TRANSLITERATION: Record<string, string> = {
  // Azerbaijani, Turkish and other Latin letters without a decomposition
  ə: "e", ı: "i", ß: "ss", æ: "ae", ø: "o", œ: "oe", đ: "d", ð: "d", ł: "l", þ: "th",
  // Russian
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "yo", ж: "zh", з: "z", и: "i",
  й: "y", к: "k", л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t",
  у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch", ъ: "", ы: "y",
  ь: "", э: "e", ю: "yu", я: "ya",
  // Ukrainian and Belarusian
  є: "ye", і: "i", ї: "yi", ґ: "g", ў: "u",
  // Azerbaijani, Kazakh and other Cyrillic letters
  ә: "e", ғ: "gh", ҹ: "j", һ: "h", ј: "y", ө: "o", ү: "u", ұ: "u", ҝ: "g", қ: "q", ң: "ng", ҳ: "h",
};

/** Apostrophes join a word rather than split it: "Biden’s" → "bidens". */
const APOSTROPHES = /['’ʼ`´]/g;

/** URL slug of a headline or name: ASCII, lowercase, hyphen-separated, at most 80 characters. */
export function slugify(text: string, maxLength = MAX_SLUG_LENGTH): string {
  const ascii = transliterate(text.toLowerCase())
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(APOSTROPHES, "");
  const slug = ascii.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return truncateOnWordBoundary(slug, maxLength);
}

function transliterate(text: string): string {
  return Array.from(text, (char) => TRANSLITERATION[char] ?? char).join("");
}

function truncateOnWordBoundary(slug: string, maxLength: number): string {
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  const lastHyphen = cut.lastIndexOf("-");
  // A single word longer than the limit has no boundary to cut on.
  return lastHyphen > 0 ? cut.slice(0, lastHyphen) : slug.slice(0, maxLength);
}
