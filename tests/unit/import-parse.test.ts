import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDateline, parseDocument, slugify, type ParseOptions } from "@/lib/import/parse";
import { paragraphsToHtml } from "@/lib/text/html";

const SEED = readFileSync(path.resolve(__dirname, "../../seeds/000_4a9b58a3b2d42a32.txt"), "utf8");
const SEED_TITLE = "Biden authorizes use of US long-range weapons to strike inside Russia — media";
const SEED_LEAD = "US President Joe Biden has allowed Ukraine to use US-supplied long-range ballistic missiles to strike inside Russia";
const SEED_SLUG = "biden-authorizes-use-of-us-long-range-weapons-to-strike-inside-russia-media";
const NOW = new Date("2025-01-02T03:04:05.000Z");

function parse(text: string, opts: Partial<ParseOptions> = {}) {
  return parseDocument(text, { fileName: "doc.txt", timeZone: "UTC", now: NOW, ...opts });
}

function parseOk(text: string, opts: Partial<ParseOptions> = {}) {
  const result = parse(text, opts);
  if (!result.ok) throw new Error(`expected an article, got ${JSON.stringify(result.error)}`);
  return result;
}

function parseError(text: string) {
  const result = parse(text);
  if (result.ok) throw new Error(`expected a rejection, got "${result.article.title}"`);
  return result.error;
}

/** The seed's lines (1-based numbering, as in the file). */
const seedLines = () => SEED.replace(/\n$/, "").split("\n");
const seedWithout = (...lineNumbers: number[]) =>
  seedLines()
    .filter((_, index) => !lineNumbers.includes(index + 1))
    .join("\n");
const seedWithLine = (lineNumber: number, text: string) =>
  seedLines()
    .map((line, index) => (index + 1 === lineNumber ? text : line))
    .join("\n");
/** The seed's header (lines 1-7) followed by other body text. */
const seedHeaderWith = (...body: string[]) => [...seedLines().slice(0, 7), ...body].join("\n");

describe("parseDocument: the seed document", () => {
  const { article, warnings } = parseOk(SEED);

  it("has the title exactly once, and the lead without the title", () => {
    expect(article.title).toBe(SEED_TITLE);
    expect(article.lead).toBe(SEED_LEAD);
    expect(article.paragraphs).not.toContain(SEED_TITLE);
    expect(article.paragraphs.join("\n")).not.toContain(SEED_TITLE);
  });

  it("has its category with a slug", () => {
    expect(article.category).toEqual({ name: "Other countries", slug: "other-countries" });
  });

  it("is published at the dateline, read in UTC by default", () => {
    expect(article.publishedAt.toISOString()).toBe("2024-11-18T08:04:00.000Z");
    expect(article.datelineFound).toBe(true);
    expect(warnings).toEqual([]);
  });

  it("reads the dateline in the site time zone", () => {
    const baku = parseOk(SEED, { timeZone: "Asia/Baku" }).article;
    expect(baku.publishedAt.toISOString()).toBe("2024-11-18T04:04:00.000Z");
    const newYork = parseOk(SEED, { timeZone: "America/New_York" }).article;
    expect(newYork.publishedAt.toISOString()).toBe("2024-11-18T13:04:00.000Z");
  });

  it("has exactly the five body paragraphs, verbatim", () => {
    expect(article.paragraphs).toHaveLength(5);
    expect(article.paragraphs[0]).toBe(
      "US President Joe Biden has allowed Ukraine to use US-supplied long-range ballistic missiles to strike inside Russia, The New York Times said, citing US officials, Report informs via TASS.",
    );
    expect(article.paragraphs[1]).toContain("\"Mr. Biden’s decision is a major change in US policy,\"");
    expect(article.paragraphs[2]).toContain("they don’t expect");
    expect(article.paragraphs[4]).toMatch(/^Commenting on earlier "satellite images".*includes a clause on joint defense\.$/);
  });

  it("keeps no site chrome", () => {
    const text = JSON.stringify(article);
    expect(text).not.toContain("Latest news");
    expect(text).not.toContain("Orphus");
  });

  it("has a slug from the title and a sha256 source hash", () => {
    expect(article.slug).toBe(SEED_SLUG);
    expect(article.sourceHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("parseDocument: encodings and line endings", () => {
  const seed = parseOk(SEED).article;

  it.each([
    ["Windows line endings", SEED.replace(/\n/g, "\r\n")],
    ["old Mac line endings", SEED.replace(/\n/g, "\r")],
    ["a leading BOM", `\uFEFF${SEED}`],
    ["a BOM and Windows line endings", `\uFEFF${SEED.replace(/\n/g, "\r\n")}`],
    ["trailing spaces and tabs", SEED.replace(/\n/g, "  \t\n")],
    ["trailing blank lines", `${SEED}\n\n\n`],
  ])("parses a document with %s to the same article and identity", (_, text) => {
    const { article } = parseOk(text);
    expect(article).toEqual(seed);
    expect(article.title.startsWith("\uFEFF")).toBe(false);
  });

  it("gives different documents different hashes", () => {
    expect(parseOk(SEED.replace("Putin called", "Putin named")).article.sourceHash).not.toBe(seed.sourceHash);
  });

  it("counts lines the same way with CRLF when it reports an error", () => {
    const error = parseError(seedLines().slice(0, 7).join("\r\n"));
    expect(error.line).toBe(7);
  });
});

describe("parseDocument: layout variants", () => {
  it("tolerates extra blank lines in the header and between paragraphs", () => {
    const spaced = SEED.replace(/\n/g, "\n\n\n");
    const { article } = parseOk(spaced);
    expect(article.title).toBe(SEED_TITLE);
    expect(article.lead).toBe(SEED_LEAD);
    expect(article.category.slug).toBe("other-countries");
    expect(article.datelineFound).toBe(true);
    expect(article.paragraphs).toHaveLength(5);
  });

  it("tolerates leading blank lines before the title", () => {
    expect(parseOk(`\n\n${SEED}`).article.title).toBe(SEED_TITLE);
  });

  it("has no lead when the lead line is missing", () => {
    const { article } = parseOk(seedWithout(3));
    expect(article.lead).toBeNull();
    expect(article.category.name).toBe("Other countries");
    expect(article.publishedAt.toISOString()).toBe("2024-11-18T08:04:00.000Z");
    expect(article.paragraphs).toHaveLength(5);
  });

  it("has no lead when the lead line is just the title", () => {
    const { article } = parseOk(seedWithLine(3, SEED_TITLE));
    expect(article.lead).toBeNull();
    expect(article.category.name).toBe("Other countries");
    expect(article.datelineFound).toBe(true);
    expect(article.paragraphs).toHaveLength(5);
  });

  it("finds the lead when the title in the lead line differs in spacing and dash style", () => {
    const line3 = `Biden  authorizes use of US long-range   weapons to strike inside Russia - media   ${SEED_LEAD}`;
    expect(parseOk(seedWithLine(3, line3)).article.lead).toBe(SEED_LEAD);
  });

  it("finds the lead when the title in the lead line differs in case", () => {
    const line3 = `${SEED_TITLE.toUpperCase()} ${SEED_LEAD}`;
    expect(parseOk(seedWithLine(3, line3)).article.lead).toBe(SEED_LEAD);
  });

  it.each([
    ["regular-expression characters", "Oil (Brent) up 5%? $80+ [sic] a*b \\ end."],
    ["emoji", "Baku 🌆 hosts COP29 🌍"],
    ["straight quotes where the lead line has curly ones", `Aliyev: "peace is near"`],
  ])("finds the lead after a title with %s", (_, title) => {
    const lead = "The lead sentence";
    const titleInLeadLine = title.replace(/"([^"]*)"/g, "“$1”");
    const text = [title, "", `${titleInLeadLine} ${lead}`, "Politics", "November 18, 2024 08:04", title, "", "Body."].join("\n");
    const { article } = parseOk(text);
    expect(article.lead).toBe(lead);
    expect(article.category.name).toBe("Politics");
    expect(article.paragraphs).toEqual(["Body."]);
  });

  it("takes a lead line without the title as the lead, with a warning", () => {
    const { article, warnings } = parseOk(seedWithLine(3, SEED_LEAD));
    expect(article.lead).toBe(SEED_LEAD);
    expect(article.category.name).toBe("Other countries");
    expect(warnings).toEqual([expect.stringContaining("line 3")]);
  });

  it("files a document without a category under Uncategorized, with a warning", () => {
    const { article, warnings } = parseOk(seedWithout(4));
    expect(article.category).toEqual({ name: "Uncategorized", slug: "uncategorized" });
    expect(article.lead).toBe(SEED_LEAD);
    expect(article.datelineFound).toBe(true);
    expect(warnings).toEqual([expect.stringContaining("Uncategorized")]);
  });

  it("publishes a document without a dateline at import time, with a warning", () => {
    const { article, warnings } = parseOk(seedWithout(5));
    expect(article.datelineFound).toBe(false);
    expect(article.publishedAt).toEqual(NOW);
    expect(article.category.name).toBe("Other countries");
    expect(article.lead).toBe(SEED_LEAD);
    expect(article.paragraphs).toHaveLength(5);
    expect(warnings).toEqual([expect.stringContaining("no dateline")]);
  });

  it("uses the current time when no `now` is given", () => {
    const before = Date.now();
    const { article } = parseOk(seedWithout(5), { now: undefined });
    expect(article.publishedAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(article.publishedAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("publishes at import time when the dateline names an impossible date", () => {
    const { article, warnings } = parseOk(seedWithLine(5, "February 30, 2024 08:04"));
    expect(article.datelineFound).toBe(false);
    expect(article.publishedAt).toEqual(NOW);
    expect(article.category.name).toBe("Other countries");
    expect(warnings).toEqual([expect.stringContaining("line 5")]);
  });

  it("copes with the dateline and the category both missing", () => {
    const { article } = parseOk(seedWithout(4, 5));
    expect(article.lead).toBe(SEED_LEAD);
    expect(article.category.slug).toBe("uncategorized");
    expect(article.datelineFound).toBe(false);
    expect(article.paragraphs).toHaveLength(5);
  });

  it("copes with the repeated title missing", () => {
    const { article } = parseOk(seedWithout(6));
    expect(article.lead).toBe(SEED_LEAD);
    expect(article.category.name).toBe("Other countries");
    expect(article.datelineFound).toBe(true);
    expect(article.paragraphs).toHaveLength(5);
  });

  it("accepts a header that is only a dateline", () => {
    const { article } = parseOk(seedWithout(3, 4, 6));
    expect(article.lead).toBeNull();
    expect(article.category.slug).toBe("uncategorized");
    expect(article.publishedAt.toISOString()).toBe("2024-11-18T08:04:00.000Z");
    expect(article.paragraphs).toHaveLength(5);
  });

  it("accepts a header that is only the repeated title", () => {
    const { article } = parseOk(seedWithout(3, 4, 5));
    expect(article.lead).toBeNull();
    expect(article.paragraphs).toHaveLength(5);
    expect(article.paragraphs[0]).toMatch(/^US President/);
  });

  it("accepts a header of lead line and category only", () => {
    const { article } = parseOk(seedWithout(5, 6));
    expect(article.lead).toBe(SEED_LEAD);
    expect(article.category.name).toBe("Other countries");
    expect(article.paragraphs).toHaveLength(5);
  });

  it("keeps typographic quotes, dashes and inner spacing, trimming only the ends", () => {
    const paragraph = "“Quoted,” he said — and ‘single’ «guillemets» … with  two spaces.";
    const { article } = parseOk(seedHeaderWith(`   ${paragraph}   `, "", "Latest news"));
    expect(article.paragraphs).toEqual([paragraph]);
  });

  it("keeps the lines of a paragraph that spans several lines", () => {
    const { article } = parseOk(seedHeaderWith("First line", "second line.", "", "Next paragraph."));
    expect(article.paragraphs).toEqual(["First line\nsecond line.", "Next paragraph."]);
  });
});

describe("parseDocument: site chrome", () => {
  const body = ["First paragraph.", "", "Second paragraph."];

  it.each([
    ["headlines listed after Latest news", ["", "Latest news", "", "08:00", "Other headline", "", "07:45", "Another headline", "", "Orphus sistemi"]],
    ["Orphus alone", ["", "Orphus sistemi"]],
    ["a long Orphus notice", ["", "Orphus system: select the mistake and press Ctrl+Enter"]],
    ["Latest news without a blank line before it", ["Latest news", "Orphus sistemi"]],
    ["Latest news with an arrow", ["", "Latest news »", "", "Other headline"]],
    ["Azerbaijani chrome", ["", "Son xəbərlər", "", "14:20", "Digər xəbər"]],
    ["Russian chrome", ["", "Последние новости", "", "Система Orphus"]],
    ["trailing share and read-more buttons", ["", "Share", "", "Read more"]],
    ["a trailing lone date and time", ["", "November 18, 2024 08:04", "", "12:30", "", "18.11.2024"]],
    ["the title repeated at the end", ["", SEED_TITLE, "", "Latest news"]],
  ])("drops %s", (_, chrome) => {
    const { article } = parseOk(seedHeaderWith(...body, ...chrome));
    expect(article.paragraphs).toEqual(["First paragraph.", "Second paragraph."]);
  });

  it("drops the title repeated between paragraphs", () => {
    const { article } = parseOk(seedHeaderWith("First paragraph.", "", SEED_TITLE, "", "Second paragraph."));
    expect(article.paragraphs).toEqual(["First paragraph.", "Second paragraph."]);
  });

  it("keeps paragraphs that merely mention chrome words", () => {
    const text = "The latest news from Baku: share prices rose.";
    const { article } = parseOk(seedHeaderWith(text, "", "Read more about it in the report."));
    expect(article.paragraphs).toEqual([text, "Read more about it in the report."]);
  });
});

describe("parseDocument: other languages and scripts", () => {
  const azerbaijani = [
    "Ceyhun Bayramov Avropa İttifaqının nümayəndəsi ilə görüşüb",
    "",
    "Ceyhun Bayramov Avropa İttifaqının nümayəndəsi ilə görüşüb Azərbaycanın xarici işlər naziri Aİ-nin xüsusi nümayəndəsi ilə görüşüb",
    "Xarici siyasət",
    "November 18, 2024 14:30",
    "Ceyhun Bayramov Avropa İttifaqının nümayəndəsi ilə görüşüb",
    "",
    "Azərbaycanın xarici işlər naziri Ceyhun Bayramov Aİ-nin Cənubi Qafqaz üzrə xüsusi nümayəndəsi ilə görüşüb.",
    "",
    "Görüşdə “sülh gündəliyi” müzakirə olunub.",
    "",
    "Son xəbərlər",
    "",
    "14:20",
    "Digər xəbər başlığı",
    "",
    "Orphus sistemi",
  ].join("\n");

  it("parses an Azerbaijani document", () => {
    const { article } = parseOk(azerbaijani, { timeZone: "Asia/Baku" });
    expect(article.title).toBe("Ceyhun Bayramov Avropa İttifaqının nümayəndəsi ilə görüşüb");
    expect(article.lead).toBe("Azərbaycanın xarici işlər naziri Aİ-nin xüsusi nümayəndəsi ilə görüşüb");
    expect(article.category).toEqual({ name: "Xarici siyasət", slug: "xarici-siyaset" });
    expect(article.publishedAt.toISOString()).toBe("2024-11-18T10:30:00.000Z");
    expect(article.paragraphs).toEqual([
      "Azərbaycanın xarici işlər naziri Ceyhun Bayramov Aİ-nin Cənubi Qafqaz üzrə xüsusi nümayəndəsi ilə görüşüb.",
      "Görüşdə “sülh gündəliyi” müzakirə olunub.",
    ]);
    expect(article.slug).toBe("ceyhun-bayramov-avropa-ittifaqinin-numayendesi-ile-gorusub");
  });

  it("matches Azerbaijani text in decomposed Unicode form", () => {
    expect(parseOk(azerbaijani.normalize("NFD")).article.category.name).toBe("Xarici siyasət");
  });

  it("accepts an Azerbaijani month name in the dateline", () => {
    const { article } = parseOk(azerbaijani.replace("November 18, 2024 14:30", "18 Noyabr 2024, 14:30"));
    expect(article.publishedAt.toISOString()).toBe("2024-11-18T14:30:00.000Z");
  });

  it("parses a Russian (Cyrillic) document", () => {
    const title = "Байден разрешил Украине наносить удары вглубь России";
    const text = [
      title,
      "",
      `${title} Президент США разрешил Украине использовать ракеты большой дальности`,
      "В мире",
      "18 ноября, 2024 08:04",
      title,
      "",
      "Президент США Джо Байден разрешил Украине использовать американские ракеты, сообщает The New York Times.",
      "",
      "«Это решение — серьёзное изменение политики США», — пишет газета.",
      "",
      "Последние новости",
      "",
      "Система Orphus",
    ].join("\n");
    const { article } = parseOk(text, { timeZone: "Europe/Moscow" });
    expect(article.title).toBe(title);
    expect(article.lead).toBe("Президент США разрешил Украине использовать ракеты большой дальности");
    expect(article.category).toEqual({ name: "В мире", slug: "v-mire" });
    expect(article.publishedAt.toISOString()).toBe("2024-11-18T05:04:00.000Z");
    expect(article.paragraphs).toHaveLength(2);
    expect(article.paragraphs[1]).toBe("«Это решение — серьёзное изменение политики США», — пишет газета.");
    expect(article.slug).toBe("bayden-razreshil-ukraine-nanosit-udary-vglub-rossii");
  });

  it("gives a title without transliterable letters a slug from its hash", () => {
    const title = "北京新闻";
    const { article } = parseOk([title, "", "November 18, 2024 08:04", "", "正文。"].join("\n"));
    expect(article.slug).toBe(`article-${article.sourceHash.slice(0, 12)}`);
  });
});

describe("parseDocument: malformed documents", () => {
  it.each([
    ["an empty document", "", 1, /no title/],
    ["a document of blank lines", "  \n\n\t\n", 1, /no title/],
    ["a BOM and nothing else", "\uFEFF", 1, /no title/],
    ["a single line", "Just a headline", 2, /no body paragraph/],
    ["a title and blank lines", "Just a headline\n\n\n", 2, /no body paragraph/],
  ])("rejects %s", (_, text, line, reason) => {
    const error = parseError(text);
    expect(error).toMatchObject({ file: "doc.txt", line });
    expect(error.reason).toMatch(reason);
  });

  it.each([
    ["a dateline", seedWithout(1, 2, 3, 4)],
    ["site chrome", "Latest news\n\n08:00\nSome headline\n\n07:30\nAnother headline"],
  ])("rejects a document whose first line is %s rather than a title", (_, text) => {
    const error = parseError(text);
    expect(error.line).toBe(1);
    expect(error.reason).toMatch(/no title/);
  });

  it("rejects prose that has none of the layout's landmarks, naming the first line after the title", () => {
    const prose = "Some notes\n\nThis is just text I wrote down.\n\nIt has paragraphs, but it is not an article.";
    const error = parseError(prose);
    expect(error.line).toBe(3);
    expect(error.reason).toMatch(/landmarks/);
  });

  it("rejects prose whose later lines are short labels", () => {
    expect(parseError("Shopping list\n\nEggs\nMilk\n\nBread").reason).toMatch(/landmarks/);
  });

  it("rejects a header without a body, naming the line after the header", () => {
    const error = parseError(seedLines().slice(0, 7).join("\n"));
    expect(error).toEqual({ file: "doc.txt", line: 7, reason: "no body paragraph after the header" });
  });

  it("rejects a header followed only by site chrome", () => {
    const error = parseError(seedHeaderWith("Latest news", "", "Orphus sistemi"));
    expect(error.line).toBe(7);
    expect(error.reason).toMatch(/no body paragraph/);
  });

  it("names the file it was given", () => {
    const result = parseDocument("", { fileName: "seeds/broken.txt", timeZone: "UTC" });
    expect(result).toMatchObject({ ok: false, error: { file: "seeds/broken.txt", line: 1 } });
  });
});

describe("parseDateline", () => {
  it.each([
    ["November 18, 2024 08:04", "UTC", "2024-11-18T08:04:00.000Z"],
    ["November 18, 2024 08:04", "Asia/Baku", "2024-11-18T04:04:00.000Z"],
    ["Nov 18, 2024 08:04", "UTC", "2024-11-18T08:04:00.000Z"],
    ["Nov. 18 2024, 8:04", "UTC", "2024-11-18T08:04:00.000Z"],
    ["18 November 2024 08:04", "UTC", "2024-11-18T08:04:00.000Z"],
    ["november 18, 2024 08:04:30", "UTC", "2024-11-18T08:04:30.000Z"],
    ["November 18, 2024", "UTC", "2024-11-18T00:00:00.000Z"],
    ["February 29, 2024 12:00", "UTC", "2024-02-29T12:00:00.000Z"],
    ["18 noyabr 2024 08:04", "Asia/Baku", "2024-11-18T04:04:00.000Z"],
    ["1 İyun 2024 10:00", "Asia/Baku", "2024-06-01T06:00:00.000Z"],
    ["18 ноября 2024 08:04", "Europe/Moscow", "2024-11-18T05:04:00.000Z"],
    // Daylight saving time
    ["July 1, 2024 12:00", "America/New_York", "2024-07-01T16:00:00.000Z"],
    ["January 15, 2024 12:00", "America/New_York", "2024-01-15T17:00:00.000Z"],
    ["June 1, 2024 10:00", "Europe/Berlin", "2024-06-01T08:00:00.000Z"],
    ["January 10, 2024 10:00", "Australia/Sydney", "2024-01-09T23:00:00.000Z"],
    ["March 10, 2024 01:59", "America/New_York", "2024-03-10T06:59:00.000Z"],
    ["March 10, 2024 03:00", "America/New_York", "2024-03-10T07:00:00.000Z"],
    // Skipped by the spring-forward transition: moved forward by the gap (02:30 EST → 03:30 EDT)
    ["March 10, 2024 02:30", "America/New_York", "2024-03-10T07:30:00.000Z"],
    // Occurs twice at the fall-back transition: the earlier instant (EDT)
    ["November 3, 2024 01:30", "America/New_York", "2024-11-03T05:30:00.000Z"],
    ["October 27, 2024 02:30", "Europe/Berlin", "2024-10-27T00:30:00.000Z"],
  ])("reads %s in %s", (line, timeZone, iso) => {
    expect(parseDateline(line, timeZone)?.toISOString()).toBe(iso);
  });

  it.each(["February 30, 2024 08:04", "February 29, 2023 08:04", "November 18, 2024 24:00", "November 18, 2024 08:60", "Smarch 18, 2024 08:04", "Other countries", "18.11.2024 08:04", ""])(
    "rejects %j",
    (line) => {
      expect(parseDateline(line, "UTC")).toBeNull();
    },
  );

  it("throws on an unknown time zone", () => {
    expect(() => parseDateline("November 18, 2024 08:04", "Mars/Olympus")).toThrow(RangeError);
  });
});

describe("slugify", () => {
  it.each([
    [SEED_TITLE, SEED_SLUG],
    ["Other countries", "other-countries"],
    ["Xarici siyasət", "xarici-siyaset"],
    ["Şəki, Gəncə, Ağdam: ölkə üzüm çay İlham Əliyev ı", "seki-gence-agdam-olke-uzum-cay-ilham-eliyev-i"],
    ["ŞƏKİ ÇAY ĞÖÜ", "seki-cay-gou"],
    ["Щука и ёж съели йогурт", "shchuka-i-yozh-seli-yogurt"],
    ["В мире", "v-mire"],
    ["Әлијев Һәсән", "eliyev-hesen"],
    ["Café Müller in São Paulo", "cafe-muller-in-sao-paulo"],
    ["Biden’s decision, Putin's reply", "bidens-decision-putins-reply"],
    ["  Hello,   World!  — 2024  ", "hello-world-2024"],
    ["COVID-19: 5 things", "covid-19-5-things"],
    ["!!!", ""],
    ["", ""],
  ])("%j → %j", (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it("cuts a long title on a word boundary at 80 characters", () => {
    const title = "The quick brown fox jumps over the lazy dog while the newsroom debates headline lengths at length";
    const slug = slugify(title);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toBe("the-quick-brown-fox-jumps-over-the-lazy-dog-while-the-newsroom-debates-headline");
    expect(slugify(title).endsWith("-")).toBe(false);
  });

  it("keeps a slug of exactly 80 characters whole", () => {
    const slug = `${"a".repeat(39)}-${"b".repeat(40)}`;
    expect(slugify(slug)).toBe(slug);
  });

  it("cuts a single overlong word at 80 characters", () => {
    expect(slugify("x".repeat(120))).toBe("x".repeat(80));
  });
});

describe("paragraphsToHtml", () => {
  it("escapes each paragraph and wraps it in <p>", () => {
    expect(paragraphsToHtml([`Tom & "Jerry" <b>'s</b>`, "Second — “typographic”"])).toBe(
      "<p>Tom &amp; &quot;Jerry&quot; &lt;b&gt;&#39;s&lt;/b&gt;</p>\n<p>Second — “typographic”</p>",
    );
  });

  it("keeps a line break inside a paragraph", () => {
    expect(paragraphsToHtml(["one\ntwo"])).toBe("<p>one<br>\ntwo</p>");
  });

  it("gives no HTML for no paragraphs", () => {
    expect(paragraphsToHtml([])).toBe("");
  });
});
