"use client";

import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button.client";
import { initialActionState } from "@/lib/auth/action-state";
import { redeemTokenAction } from "@/lib/users/actions";
import { NewPasswordField } from "@/components/newsroom/auth/new-password-field";

/** The form behind an invite or password-reset link. */
export function SetPasswordForm({ token, purpose, email }: { token: string; purpose: "INVITE" | "PASSWORD_RESET"; email: string }) {
  const [state, action] = useActionState(redeemTokenAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  return (
    <form className="form" action={action} noValidate aria-label="Choose a password">
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="purpose" value={purpose} />
      {/* Lets password managers store the new password under the right account. */}
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <NewPasswordField error={errors.password} />
      <TextField label="Confirm password" name="confirmPassword" type="password" autoComplete="new-password" required error={errors.confirmPassword} />
      <SubmitButton pendingLabel="Saving…">{purpose === "INVITE" ? "Set password and continue" : "Change password"}</SubmitButton>
    </form>
  );
}
