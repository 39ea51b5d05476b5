"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

const INCORRECT = "Email or password is incorrect";

/** Turns next-auth's error code into the one message the form shows (locked out, or a generic failure). */
function messageFor(error: string): string {
  const locked = /^Locked:(\d+)$/.exec(error);
  if (locked) {
    const minutes = Number(locked[1]);
    return `Too many attempts — try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}`;
  }
  return error === "CredentialsSignin" ? INCORRECT : "Signing in failed. Please try again.";
}

/**
 * Posts the credentials to next-auth (which sets the session cookie) without a
 * page reload, so a failure keeps the typed email; success loads the destination.
 */
export function LoginForm({ callbackUrl, initialEmail }: { callbackUrl: string; initialEmail: string }) {
  const [email, setEmail] = useState(initialEmail);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const password = (form.elements.namedItem("password") as HTMLInputElement).value;
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", { email, password, redirect: false });
      if (result?.ok && !result.error) {
        window.location.assign(callbackUrl);
        return;
      }
      setError(messageFor(result?.error ?? ""));
      (form.elements.namedItem("password") as HTMLInputElement).value = "";
      (form.elements.namedItem("password") as HTMLInputElement).focus();
    } catch {
      setError("Could not reach the server. Check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Sign in">
      {error ? <Notice tone="error">{error}</Notice> : null}
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        required
        autoFocus={!initialEmail}
        value={email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required autoFocus={Boolean(initialEmail)} />
      <button type="submit" className="btn btn--primary" disabled={pending} aria-disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
