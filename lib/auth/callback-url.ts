/** Only same-site paths may be a post-sign-in destination (no open redirects). */
export function safeCallbackUrl(value: unknown, fallback = "/editor"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (value.startsWith("/login") || value.startsWith("/setup") || value.startsWith("/api/")) return fallback;
  return value;
}
