import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { formDataToObject } from "@/lib/auth/action";
import { ipFromHeaders } from "@/lib/audit/request";
import { minutesUntil } from "@/lib/auth/throttle";

describe("safeCallbackUrl", () => {
  it("keeps same-site paths with their query", () => {
    expect(safeCallbackUrl("/editor/articles/abc?tab=revisions")).toBe("/editor/articles/abc?tab=revisions");
    expect(safeCallbackUrl("/admin/users")).toBe("/admin/users");
  });
  it("refuses other sites and odd values (no open redirect)", () => {
    for (const value of ["https://evil.example", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "", undefined, 42, ["/editor"]]) {
      expect(safeCallbackUrl(value)).toBe("/editor");
    }
  });
  it("doesn't send a fresh sign-in back to the sign-in page", () => {
    expect(safeCallbackUrl("/login?callbackUrl=/login")).toBe("/editor");
    expect(safeCallbackUrl("/api/auth/signout")).toBe("/editor");
  });
});

describe("ipFromHeaders", () => {
  const headers = (values: Record<string, string>) => (name: string) => values[name];
  it("takes the first hop of X-Forwarded-For", () => {
    expect(ipFromHeaders(headers({ "x-forwarded-for": "203.0.113.7, 10.0.0.2", "x-real-ip": "10.0.0.2" }))).toBe("203.0.113.7");
  });
  it("falls back to X-Real-IP, then to nothing", () => {
    expect(ipFromHeaders(headers({ "x-real-ip": "198.51.100.4" }))).toBe("198.51.100.4");
    expect(ipFromHeaders(headers({}))).toBeNull();
  });
});

describe("formDataToObject", () => {
  it("turns repeated names into arrays and skips Next's action fields", () => {
    const form = new FormData();
    form.append("email", "a@example.com");
    form.append("tags", "one");
    form.append("tags", "two");
    form.append("$ACTION_ID_abc", "");
    expect(formDataToObject(form)).toEqual({ email: "a@example.com", tags: ["one", "two"] });
  });
});

describe("minutesUntil", () => {
  it("rounds up and never says zero minutes", () => {
    expect(minutesUntil(1)).toBe(1);
    expect(minutesUntil(60_000)).toBe(1);
    expect(minutesUntil(60_001)).toBe(2);
    expect(minutesUntil(4 * 60_000)).toBe(4);
  });
});
