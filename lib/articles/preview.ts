import "server-only";
// Signed, expiring preview links: /preview/<articleId>.<expiry>.<signature>,
// where signature = HMAC-SHA256(NEXTAUTH_SECRET, "preview:" + articleId + "." + expiry).
// Anyone holding the link sees the current draft until it expires; nothing else.
import { createHmac, timingSafeEqual } from "node:crypto";

export const PREVIEW_TTL_MS = 24 * 60 * 60 * 1000;

function secret(): string {
  const value = process.env.NEXTAUTH_SECRET;
  if (!value) throw new Error("NEXTAUTH_SECRET is not set; preview links cannot be signed");
  return value;
}

function sign(payload: string, key: string): string {
  return createHmac("sha256", key).update(`preview:${payload}`).digest("base64url");
}

export function createPreviewToken(articleId: string, { now = Date.now(), ttlMs = PREVIEW_TTL_MS, key = secret() } = {}): { token: string; expiresAt: Date } {
  const expiry = now + ttlMs;
  const payload = `${articleId}.${expiry.toString(36)}`;
  return { token: `${payload}.${sign(payload, key)}`, expiresAt: new Date(expiry) };
}

/** The article id a token grants, or null when it is malformed, forged or expired. */
export function verifyPreviewToken(token: string, { now = Date.now(), key = secret() } = {}): string | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [articleId, expiryText, signature] = parts as [string, string, string];
  if (!/^[a-z0-9]{1,40}$/i.test(articleId) || !/^[a-z0-9]{1,12}$/.test(expiryText)) return null;
  const expected = Buffer.from(sign(`${articleId}.${expiryText}`, key));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  if (parseInt(expiryText, 36) <= now) return null;
  return articleId;
}
