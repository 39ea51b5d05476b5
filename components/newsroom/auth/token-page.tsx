import Link from "next/link";
import type { TokenPurpose } from "@/lib/db/types";
import { SetPasswordForm } from "./set-password-form.client";

/** Shared body of /invite/[token] and /reset-password/[token]; `user` is null when the link is unusable. */
export function TokenPage({ token, purpose, user }: { token: string; purpose: TokenPurpose; user: { name: string; email: string } | null }) {
  if (!user) {
    return (
      <>
        <h1>This link no longer works</h1>
        <p className="auth-card__lead">It may have expired, been used already, or been replaced by a newer one. Ask your admin for a new link.</p>
        <Link className="btn btn--secondary" href="/login">
          Go to sign in
        </Link>
      </>
    );
  }
  const invite = purpose === "INVITE";
  return (
    <>
      <h1>{invite ? `Welcome, ${user.name}` : "Choose a new password"}</h1>
      <p className="auth-card__lead">
        {invite ? "Choose a password to finish setting up your newsroom account " : "Set a new password for "}
        <strong>{user.email}</strong>.
      </p>
      <SetPasswordForm token={token} purpose={purpose} email={user.email} />
    </>
  );
}
