import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { decode, encode } from "next-auth/jwt";
import { db, type Role } from "@/lib/db";
import { can, type Action, type ArticleRef } from "./permissions";
import { authOptions, SESSION_MAX_AGE_SECONDS } from "./options";

export type SessionUser = { id: string; email: string; name: string; role: Role; slug: string };

/**
 * The signed-in user, read from the database on every request: null when there
 * is no session, the user is gone or disabled, or the session was revoked
 * (the token's session version is older than the user's).
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, slug: true, disabledAt: true, sessionVersion: true },
  });
  if (!user || user.disabledAt || user.sessionVersion !== session.user.sv) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, slug: user.slug };
});

/** The signed-in user, or a redirect to /login that comes back here afterwards. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(await currentPath())}`);
  return user;
}

/** The signed-in user if they may do `action`; otherwise the 403 page (app/forbidden.tsx). */
export async function requirePermission(action: Action, article?: ArticleRef): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user, action, article)) forbidden();
  return user;
}

/** Path of the page being rendered, as set by proxy.ts (falls back to the newsroom home). */
async function currentPath(): Promise<string> {
  const path = (await headers()).get("x-lede-path");
  return path && path.startsWith("/") && !path.startsWith("//") ? path : "/editor";
}

const sessionCookieName = () =>
  (process.env.NEXTAUTH_URL ?? "").startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";

/**
 * Re-issues the current session cookie at the user's new session version, so a
 * user who changes their own password stays signed in here while every other
 * session of theirs ends. Only callable from a server action or route handler.
 */
export async function renewSessionCookie(sessionVersion: number): Promise<void> {
  const jar = await cookies();
  const name = sessionCookieName();
  const secret = process.env.NEXTAUTH_SECRET!;
  const current = await decode({ token: jar.get(name)?.value, secret }).catch(() => null);
  if (!current) return;
  const token = await encode({ token: { ...current, sv: sessionVersion }, secret, maxAge: SESSION_MAX_AGE_SECONDS });
  jar.set(name, token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: name.startsWith("__Secure-"),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}
