import { describe, expect, it } from "vitest";
import { foldWord, highlightWords, isEmptyQuery, parseSearchQuery, toFts5Match, toWebsearch } from "@/lib/search/query";
import { bestSnippet, buildSnippet, plainText } from "@/lib/search/snippet";
import { MAX_SEARCH_RESULTS, resultCountLabel } from "@/lib/search/result-count";

describe("parseSearchQuery", () => {
  it("splits words, keeps quoted phrases together and collects -exclusions", () => {
    expect(parseSearchQuery('Oil "long-range missiles" -sport')).toEqual({ include: [["oil"], ["long", "range", "missiles"]], exclude: ["sport"] });
  });

  it("keeps Azerbaijani and Cyrillic letters", () => {
    expect(parseSearchQuery("Bakı Şəhər Москва").include).toEqual([["bakı"], ["şəhər"], ["москва"]]);
  });

  it("reduces query syntax and punctuation to plain words, so nothing reaches the database parser raw", () => {
    for (const input of ['"', "NEAR(", "a* OR b", "title:x", "(((", "-", '""', "AND", "^x", "a'b", "'; DROP TABLE x; --"]) {
      const query = parseSearchQuery(input);
      const fts = toFts5Match(query);
      // Every token is inside double quotes.
      expect(fts.replace(/"(?:[^"]|"")*"/g, "").replace(/\b(AND|NOT|OR)\b|[() ]/g, "")).toBe("");
      expect(toWebsearch(query)).not.toMatch(/[():*'^]/);
    }
    expect(isEmptyQuery(parseSearchQuery('" - ( ) *'))).toBe(true);
    expect(isEmptyQuery(parseSearchQuery("-sport"))).toBe(true);
  });

  it("writes the same query for FTS5 and for websearch_to_tsquery", () => {
    const query = parseSearchQuery('oil "crude price" -gas');
    expect(toFts5Match(query)).toBe('("oil" AND "crude price") NOT ("gas")');
    expect(toWebsearch(query)).toBe('oil "crude price" -gas');
  });
});

describe("buildSnippet", () => {
  it("marks matched words, diacritics and case folded, and escapes everything else", () => {
    const words = highlightWords(parseSearchQuery("baki"));
    expect(foldWord("BAKİ")).toBe("baki");
    const html = buildSnippet("News from <Bakı> & “BAKI” today", words);
    expect(html).toBe("News from &lt;<mark>Bakı</mark>&gt; &amp; “<mark>BAKI</mark>” today");
  });

  it("starts near the first match in a long text", () => {
    const text = `${Array.from({ length: 60 }, (_, i) => `w${i}`).join(" ")} target ${Array.from({ length: 60 }, (_, i) => `x${i}`).join(" ")}`;
    const html = buildSnippet(text, new Set(["target"]));
    expect(html.startsWith("…")).toBe(true);
    expect(html.endsWith("…")).toBe(true);
    expect(html).toContain("<mark>target</mark>");
    expect(html).not.toContain("w0 ");
  });

  it("shows the beginning when only the title matched", () => {
    expect(buildSnippet("Plain text here.", new Set(["absent"]))).toBe("Plain text here.");
  });
});

describe("bestSnippet", () => {
  it("prefers the lead when it matches, then the body, then the lead as it is", () => {
    const words = new Set(["oil"]);
    expect(bestSnippet(["Oil prices rise", "Body about oil"], words)).toBe("<mark>Oil</mark> prices rise");
    expect(bestSnippet(["Prices rise", "Body about oil"], words)).toBe("Body about <mark>oil</mark>");
    expect(bestSnippet([null, "Body without it"], words)).toBe("Body without it");
    expect(bestSnippet([null, ""], words)).toBe("");
  });

  it("highlights every form of a word that folds to the query's, however often it repeats", () => {
    const words = highlightWords(parseSearchQuery("bakı"));
    expect(bestSnippet(["Baki, BAKI, Bakı and bakı; not Bakıda."], words)).toBe(
      "<mark>Baki</mark>, <mark>BAKI</mark>, <mark>Bakı</mark> and <mark>bakı</mark>; not Bakıda.",
    );
  });
});

describe("plainText", () => {
  it("gives a body's text with a line break after each block and the sanitiser's entities decoded once", () => {
    expect(plainText('<h2>Sub</h2><p>A <a href="https://x.test/?a=1&amp;b=2">link</a> &amp; &lt;b&gt; &quot;q&quot; &#39;s&nbsp;end</p>\n<ul><li>one</li><li>two</li></ul> ')).toBe(
      "Sub\nA link & <b> \"q\" 's end\n\none\ntwo",
    );
    expect(plainText("<p>&amp;lt;script&amp;gt;</p>")).toBe("&lt;script&gt;");
  });
});

describe("resultCountLabel", () => {
  it("counts exactly below the ranked set's size and says 'or more' once it is full", () => {
    expect(resultCountLabel(1)).toBe("1 result");
    expect(resultCountLabel(2)).toBe("2 results");
    expect(resultCountLabel(MAX_SEARCH_RESULTS - 1)).toBe("999 results");
    expect(resultCountLabel(MAX_SEARCH_RESULTS)).toBe("1,000+ results");
  });
});
