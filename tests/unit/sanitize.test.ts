import { describe, expect, it } from "vitest";
import { sanitizeArticleHtml } from "@/lib/text/sanitize";
import { OWASP_XSS_PAYLOADS } from "./fixtures/owasp-xss-payloads";

const ALLOWED_TAGS = new Set(["p", "br", "h2", "h3", "h4", "strong", "em", "a", "ul", "ol", "li", "blockquote"]);
const ALLOWED_ATTRIBUTES: Record<string, Set<string>> = { a: new Set(["href", "title", "target", "rel"]) };

/** Every tag and attribute in sanitised output; text `<` is always escaped, so each `<` starts a tag. */
function tagsOf(html: string) {
  return [...html.matchAll(/<\/?([a-zA-Z0-9]+)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/g)].map((match) => ({
    name: match[1]!.toLowerCase(),
    attributes: [...match[2]!.matchAll(/([^\s=]+)(?:="([^"]*)")?/g)].map((attr) => ({ name: attr[1]!.toLowerCase(), value: attr[2] ?? "" }))
      .filter((attr) => attr.name !== "/"), // the self-closing slash of <br />
  }));
}

function expectHarmless(output: string) {
  // Nothing that looks like markup survives outside the parsed allow-listed tags.
  const stripped = output.replace(/<\/?([a-zA-Z0-9]+)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/g, "");
  expect(stripped).not.toMatch(/</);
  for (const tag of tagsOf(output)) {
    expect(ALLOWED_TAGS, `tag <${tag.name}> in ${output}`).toContain(tag.name);
    for (const attribute of tag.attributes) {
      expect(ALLOWED_ATTRIBUTES[tag.name], `attribute ${attribute.name} on <${tag.name}> in ${output}`).toBeDefined();
      expect(ALLOWED_ATTRIBUTES[tag.name]!.has(attribute.name), `attribute ${attribute.name} in ${output}`).toBe(true);
      if (attribute.name === "href") expect(attribute.value, output).toMatch(/^(https?:\/\/|mailto:)/i);
    }
  }
  expect(output).not.toMatch(/href="[^"]*script:/i);
}

describe("sanitizeArticleHtml", () => {
  it("has a representative OWASP payload list", () => {
    expect(OWASP_XSS_PAYLOADS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(OWASP_XSS_PAYLOADS.map((payload, index) => [index, payload] as const))("neutralises OWASP payload #%i", (_index, payload) => {
    const output = sanitizeArticleHtml(payload);
    expectHarmless(output);
    // Idempotent: sanitising on render what was sanitised on save changes nothing.
    expect(sanitizeArticleHtml(output)).toBe(output);
  });

  it("drops script and style contents instead of showing them as text", () => {
    expect(sanitizeArticleHtml(`<p>Before</p><script>alert("x")</script><style>p{}</style><p>After</p>`)).toBe("<p>Before</p><p>After</p>");
  });

  it("keeps the editor's formatting: paragraphs, sub-headings, bold/italic, links, lists, quotes", () => {
    const html =
      `<h2>Section</h2><h3>Sub</h3><h4>Minor</h4><p>Some <strong>bold</strong>, <em>italic</em> and a <a href="https://example.com/a?b=1">link</a>.</p>` +
      `<ul><li><p>one</p></li></ul><ol><li><p>two</p></li></ol><blockquote><p>“Quoted” — said.</p></blockquote>`;
    const output = sanitizeArticleHtml(html);
    expect(output).toContain("<h2>Section</h2><h3>Sub</h3><h4>Minor</h4>");
    expect(output).toContain("<strong>bold</strong>");
    expect(output).toContain("<em>italic</em>");
    expect(output).toContain('<a href="https://example.com/a?b=1" rel="noopener noreferrer nofollow">link</a>');
    expect(output).toContain("<ul><li><p>one</p></li></ul><ol><li><p>two</p></li></ol>");
    expect(output).toContain("<blockquote><p>“Quoted” — said.</p></blockquote>");
  });

  it("turns b/i into strong/em and strips everything else but its text", () => {
    expect(sanitizeArticleHtml(`<p><b>B</b><i>I</i><span style="color:red">S</span><img src="x.png" alt="pic"><u>U</u></p><h1>H1</h1>`)).toBe(
      "<p><strong>B</strong><em>I</em>SU</p>H1",
    );
  });

  it("forces safe rel on links and keeps new-tab links opening safely", () => {
    expect(sanitizeArticleHtml(`<a href="https://x.test" target="_self" rel="opener">x</a>`)).toBe(
      '<a href="https://x.test" target="_blank" rel="noopener noreferrer nofollow">x</a>',
    );
  });
});
