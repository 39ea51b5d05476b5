"use client";

import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button.client";
import { initialActionState } from "@/lib/auth/action-state";
import { setupAction } from "@/lib/users/actions";
import { NewPasswordField } from "@/components/newsroom/auth/new-password-field";

export function SetupForm() {
  const [state, action] = useActionState(setupAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  return (
    <form className="form" action={action} noValidate aria-label="Create the first admin">
      <FormMessage state={state} />
      <TextField label="Name" name="name" autoComplete="name" required defaultValue={state.values?.name} error={errors.name} />
      <TextField label="Email" name="email" type="email" autoComplete="username" required defaultValue={state.values?.email} error={errors.email} />
      <NewPasswordField error={errors.password} />
      <SubmitButton pendingLabel="Creating account…">Create admin account</SubmitButton>
    </form>
  );
}
