import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SetupForm } from "@/components/newsroom/auth/setup-form.client";
import { hasAnyUser } from "@/lib/users/data";

export const metadata: Metadata = { title: "Set up Lede" };
// Must ask the database on every request: the page disappears once an account exists.
export const dynamic = "force-dynamic";

export default async function SetupPage() {
  if (await hasAnyUser()) notFound();
  return (
    <>
      <h1>Welcome to Lede</h1>
      <p className="auth-card__lead">Create the first admin account. You can invite editors and authors once you are in.</p>
      <SetupForm />
    </>
  );
}
