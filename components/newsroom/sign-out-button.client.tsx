"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

/** Signs out through next-auth (CSRF-checked POST), then shows the login page. */
export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className="btn btn--ghost btn--sm"
      disabled={pending}
      onClick={async () => {
        setPending(true);
        await signOut({ callbackUrl: "/login?signedOut=1" });
      }}
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
