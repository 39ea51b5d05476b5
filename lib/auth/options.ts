import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { requestIp } from "@/lib/audit/request";
import { signInWithPassword, recordSignOut } from "./service";
import { signInSchema } from "./schema";

/** How long a session cookie lasts; disabling a user or changing a password ends it sooner. */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

/** Error codes the login form turns into messages (next-auth passes them through the URL). */
export const SIGN_IN_ERROR = { invalid: "CredentialsSignin", lockedPrefix: "Locked:" } as const;

// JWT sessions in a signed, httpOnly cookie (next-auth marks it `secure` and
// prefixes it `__Secure-` when NEXTAUTH_URL is https). The token carries only the
// user id and session version; everything else is read from the database on
// every request (lib/auth/session.ts), so role changes and disabling apply at once.
export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) return null;
        const result = await signInWithPassword({ ...parsed.data, ip: await requestIp() });
        if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.name, sessionVersion: result.user.sessionVersion };
        if (result.reason === "locked") throw new Error(`${SIGN_IN_ERROR.lockedPrefix}${result.retryAfterMinutes}`);
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      session.user = { id: token.sub ?? "", sv: typeof token.sv === "number" ? token.sv : -1 };
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sub) await recordSignOut(token.sub, await requestIp());
    },
  },
};
