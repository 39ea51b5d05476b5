import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/newsroom/auth/login-form.client";
import { Notice } from "@/components/ui/notice";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };

type Search = Promise<Record<string, string | string[] | undefined>>;

const NOTICES: Record<string, string> = {
  setup: "Your admin account is ready. Sign in to start.",
  welcome: "Your password is set. Sign in to start.",
  reset: "Your password was changed. Sign in with the new one.",
  signedOut: "You are signed out.",
};

export default async function LoginPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(first(params.callbackUrl));
  if (await getCurrentUser()) redirect(callbackUrl);
  const notice = Object.keys(NOTICES).find((key) => params[key]);
  return (
    <>
      <h1>Sign in to the newsroom</h1>
      <p className="auth-card__lead">Use the email address your admin registered for you.</p>
      {notice ? <Notice tone="success">{NOTICES[notice]}</Notice> : null}
      <LoginForm callbackUrl={callbackUrl} initialEmail={first(params.email) ?? ""} />
    </>
  );
}

function first(value: string | string[] | undefined) {
  return Array.isArray(value) ? value[0] : value;
}
