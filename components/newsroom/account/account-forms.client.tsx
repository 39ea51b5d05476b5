"use client";

import { useActionState } from "react";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button.client";
import { initialActionState } from "@/lib/auth/action-state";
import { changePasswordAction, updateAccountAction } from "@/lib/users/actions";
import { NewPasswordField } from "@/components/newsroom/auth/new-password-field";

export function AccountProfileForm({ name, bio }: { name: string; bio: string | null }) {
  const [state, action] = useActionState(updateAccountAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const values = state.status === "error" ? state.values : undefined;
  return (
    <form className="form" action={action} noValidate aria-label="Your profile">
      <FormMessage state={state} />
      <TextField label="Name" name="name" autoComplete="name" required defaultValue={values?.name ?? name} error={errors.name} />
      <TextAreaField label="Bio" name="bio" defaultValue={values?.bio ?? bio ?? ""} error={errors.bio} hint="A sentence or two for your author page." />
      <div className="form__actions">
        <SubmitButton pendingLabel="Saving…">Save profile</SubmitButton>
      </div>
    </form>
  );
}

export function ChangePasswordForm({ email }: { email: string }) {
  const [state, action] = useActionState(changePasswordAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  return (
    <form className="form" action={action} noValidate aria-label="Change password" key={`${state.status}-${state.message}`}>
      <FormMessage state={state} />
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={errors.currentPassword} />
      <NewPasswordField label="New password" name="newPassword" error={errors.newPassword} />
      <TextField label="Confirm new password" name="confirmPassword" type="password" autoComplete="new-password" required error={errors.confirmPassword} />
      <div className="form__actions">
        <SubmitButton variant="secondary" pendingLabel="Changing…">
          Change password
        </SubmitButton>
      </div>
    </form>
  );
}
