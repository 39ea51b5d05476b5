import "server-only";
import { headers } from "next/headers";

/** The client's IP as the first proxy saw it: first hop of X-Forwarded-For, else X-Real-IP. */
export async function requestIp(): Promise<string | null> {
  try {
    const list = await headers();
    return ipFromHeaders((name) => list.get(name));
  } catch {
    // Outside a request (scripts, tests): there is no client.
    return null;
  }
}

export function ipFromHeaders(get: (name: string) => string | null | undefined): string | null {
  const forwarded = get("x-forwarded-for")?.split(",")[0]?.trim();
  if (forwarded) return forwarded;
  return get("x-real-ip")?.trim() || null;
}
