import { describe, expect, it } from "vitest";
import { slugify } from "@/lib/text/slugify";
import { articleFormSchema, articleContentSchema, parseTagList } from "@/lib/articles/schema";
import { parseZonedLocalDateTime, toZonedLocalInput } from "@/lib/articles/schedule-time";

describe("slugs for article titles", () => {
  it.each([
    ["Biden authorizes use of US long-range weapons to strike inside Russia — media", "biden-authorizes-use-of-us-long-range-weapons-to-strike-inside-russia-media"],
    ["Azərbaycan Respublikasının Prezidenti İlham Əliyev", "azerbaycan-respublikasinin-prezidenti-ilham-eliyev"],
    ["Şəhərdə güclü külək əsəcək", "seherde-guclu-kulek-esecek"],
    ["Президент подписал указ", "prezident-podpisal-ukaz"],
    ["Nazirlər Kabineti: “yeni qaydalar” 2025-ci ildən", "nazirler-kabineti-yeni-qaydalar-2025-ci-ilden"],
    ["Biden’s decision", "bidens-decision"],
    ["   --- ", ""],
  ])("%s → %s", (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it("cuts long headlines on a word boundary", () => {
    const slug = slugify("word ".repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith("-")).toBe(false);
  });
});

describe("article form schema", () => {
  it("requires a title and reports it on the field", () => {
    const result = articleContentSchema.safeParse({ title: "  " });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["title"]);
  });

  it("accepts an empty slug (generate) and rejects a malformed one", () => {
    expect(articleContentSchema.parse({ title: "T", slug: "" }).slug).toBe("");
    expect(articleContentSchema.parse({ title: "T", slug: "Budget-Vote" }).slug).toBe("budget-vote");
    expect(articleContentSchema.safeParse({ title: "T", slug: "budget vote" }).success).toBe(false);
    expect(articleContentSchema.safeParse({ title: "T", slug: "budget--vote" }).success).toBe(false);
  });

  it("needs a body before review or publishing, and a time to schedule", () => {
    const empty = articleFormSchema.safeParse({ title: "T", body: "<p></p>", intent: "publish" });
    expect(empty.error?.issues.map((issue) => issue.path.join("."))).toEqual(["body"]);
    const noTime = articleFormSchema.safeParse({ title: "T", body: "<p>x</p>", intent: "schedule" });
    expect(noTime.error?.issues.map((issue) => issue.path.join("."))).toEqual(["scheduledAt"]);
    expect(articleFormSchema.safeParse({ title: "T", body: "<p></p>", intent: "save" }).success).toBe(true);
  });

  it("parses tags from a comma list, dropping blanks and duplicates", () => {
    expect(parseTagList(" Ukraine, Russia,,ukraine ,  US  policy ")).toEqual(["Ukraine", "Russia", "US policy"]);
  });
});

describe("schedule times in the site time zone", () => {
  it("reads a datetime-local value as wall-clock time in the zone", () => {
    expect(parseZonedLocalDateTime("2026-12-02T14:30", "Asia/Baku")?.toISOString()).toBe("2026-12-02T10:30:00.000Z");
    expect(parseZonedLocalDateTime("2026-07-01T09:00", "Europe/London")?.toISOString()).toBe("2026-07-01T08:00:00.000Z");
    expect(parseZonedLocalDateTime("2026-12-02T14:30", "UTC")?.toISOString()).toBe("2026-12-02T14:30:00.000Z");
    expect(parseZonedLocalDateTime("yesterday", "UTC")).toBeNull();
  });

  it("round-trips to the input's value", () => {
    const date = new Date("2026-03-29T01:30:00Z");
    for (const zone of ["UTC", "Asia/Baku", "Europe/Berlin", "America/New_York"]) {
      expect(parseZonedLocalDateTime(toZonedLocalInput(date, zone), zone)?.toISOString()).toBe(date.toISOString());
    }
  });
});
