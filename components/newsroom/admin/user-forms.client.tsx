"use client";

import { useActionState } from "react";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button.client";
import { CopyField } from "@/components/ui/copy-field.client";
import { initialActionState } from "@/lib/auth/action-state";
import {
  changeRoleAction,
  deleteUserAction,
  disableUserAction,
  enableUserAction,
  issueAccessLinkAction,
  updateUserProfileAction,
} from "@/lib/users/actions";
import { ROLES, ROLE_LABELS } from "@/lib/users/schema";

// The forms of /admin/users/[id]. Each posts to its own server action, which
// checks the ADMIN role and the guard rails again on the server.

type Profile = { id: string; name: string; slug: string; bio: string | null };

export function UserProfileForm({ user }: { user: Profile }) {
  const [state, action] = useActionState(updateUserProfileAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const values = state.status === "error" ? state.values : undefined;
  return (
    <form className="form" action={action} noValidate aria-label="Profile">
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={user.id} />
      <div className="form__row form__row--2">
        <TextField label="Name" name="name" required defaultValue={values?.name ?? user.name} error={errors.name} />
        <TextField label="Slug" name="slug" required defaultValue={values?.slug ?? user.slug} error={errors.slug} hint={`Their author page: /authors/${user.slug}`} />
      </div>
      <TextAreaField label="Bio" name="bio" defaultValue={values?.bio ?? user.bio ?? ""} error={errors.bio} hint="Shown on their author page." />
      <div className="form__actions">
        <SubmitButton pendingLabel="Saving…">Save profile</SubmitButton>
      </div>
    </form>
  );
}

export function UserRoleForm({ userId, role, disabled }: { userId: string; role: (typeof ROLES)[number]; disabled?: string }) {
  const [state, action] = useActionState(changeRoleAction, initialActionState);
  return (
    <form className="form" action={action} aria-label="Permissions">
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      <SelectField
        label="Role"
        name="role"
        defaultValue={role}
        options={ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }))}
        error={state.fieldErrors?.role}
        hint={disabled}
        disabled={Boolean(disabled)}
        key={role}
      />
      <div className="form__actions">
        <SubmitButton variant="secondary" pendingLabel="Changing…" disabled={Boolean(disabled)}>
          Change role
        </SubmitButton>
      </div>
    </form>
  );
}

export function UserAccessForms({ userId, status, isSelf }: { userId: string; status: "active" | "invited" | "disabled"; isSelf: boolean }) {
  const [linkState, issueLink] = useActionState(issueAccessLinkAction, initialActionState);
  const link = linkState.status === "success" ? (linkState.data as { link: string; emailed: boolean }) : undefined;
  return (
    <div className="stack">
      <form className="form" action={issueLink} aria-label={status === "invited" ? "Invitation link" : "Password reset"}>
        <FormMessage state={linkState} />
        <input type="hidden" name="userId" value={userId} />
        {link ? (
          <>
            <CopyField label={status === "invited" ? "Invitation link" : "Password reset link"} value={link.link} id="access-link" />
            <p className="muted small">{link.emailed ? "We also emailed it to them." : "Email isn’t configured (SMTP_URL): send it to them yourself."}</p>
          </>
        ) : null}
        {status !== "disabled" ? (
          <div className="form__actions">
            <SubmitButton variant="secondary" pendingLabel="Creating link…">
              {status === "invited" ? "Create new invitation link" : "Create password reset link"}
            </SubmitButton>
          </div>
        ) : null}
      </form>
      <DisableToggleForm key={status} userId={userId} disabled={status === "disabled"} isSelf={isSelf} />
    </div>
  );
}

function DisableToggleForm({ userId, disabled, isSelf }: { userId: string; disabled: boolean; isSelf: boolean }) {
  const [state, action] = useActionState(disabled ? enableUserAction : disableUserAction, initialActionState);
  return (
    <form className="form" action={action} aria-label={disabled ? "Enable user" : "Disable user"}>
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      <div className="form__actions">
        {disabled ? (
          <SubmitButton variant="secondary" pendingLabel="Enabling…">
            Enable user
          </SubmitButton>
        ) : (
          <SubmitButton variant="danger" pendingLabel="Disabling…" disabled={isSelf} title={isSelf ? "You can’t disable your own account" : undefined}>
            Disable user
          </SubmitButton>
        )}
      </div>
      {!disabled ? <p className="muted small">A disabled user is signed out at once and can’t sign in until enabled.</p> : null}
    </form>
  );
}

export function DeleteUserForm({
  userId,
  articleCount,
  candidates,
}: {
  userId: string;
  articleCount: number;
  candidates: { id: string; name: string; email: string }[];
}) {
  const [state, action] = useActionState(deleteUserAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  return (
    <form className="form" action={action} noValidate aria-label="Delete user">
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      {articleCount > 0 ? (
        <SelectField
          label="Give their articles to"
          name="reassignTo"
          defaultValue={state.values?.reassignTo ?? ""}
          options={[{ value: "", label: "Choose a person…" }, ...candidates.map((c) => ({ value: c.id, label: `${c.name} (${c.email})` }))]}
          hint={`${articleCount} ${articleCount === 1 ? "article" : "articles"} will be reassigned.`}
          error={errors.reassignTo}
        />
      ) : (
        <input type="hidden" name="reassignTo" value="" />
      )}
      <label className="checkbox">
        <input type="checkbox" name="confirm" aria-describedby={errors.confirm ? "delete-confirm-error" : undefined} />
        <span>I understand this can’t be undone.</span>
      </label>
      {errors.confirm ? (
        <p className="field__error" id="delete-confirm-error">
          {errors.confirm[0]}
        </p>
      ) : null}
      <div className="form__actions">
        <SubmitButton variant="danger" pendingLabel="Deleting…">
          Delete user
        </SubmitButton>
      </div>
    </form>
  );
}
