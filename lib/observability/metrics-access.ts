import { createHash, timingSafeEqual } from "node:crypto";

export type MetricsAccess = "disabled" | "denied" | "granted";

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * Who may read /api/metrics: nobody unless METRICS_TOKEN is set (the endpoint then does not exist),
 * otherwise whoever sends `Authorization: Bearer <METRICS_TOKEN>`. Compared as digests in constant
 * time, so neither the token nor its length leaks through timing.
 */
export function metricsAccess(authorization: string | null, token = process.env.METRICS_TOKEN?.trim()): MetricsAccess {
  if (!token) return "disabled";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match) return "denied";
  return timingSafeEqual(digest(match[1]!), digest(token)) ? "granted" : "denied";
}
