"use client";

import { useActionState, useState } from "react";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button.client";
import { CopyField } from "@/components/ui/copy-field.client";
import { NewPasswordField } from "@/components/newsroom/auth/new-password-field";
import { initialActionState, type ActionState } from "@/lib/auth/action-state";
import { createUserAction, inviteUserAction } from "@/lib/users/actions";
import { ROLES, ROLE_LABELS } from "@/lib/users/schema";

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
const ROLE_HINT = "Authors write their own drafts; editors publish anything; admins also manage people and settings.";

type Mode = "create" | "invite";

/**
 * "Add a person": create an account with a password, or invite by a single-use
 * link. `initialMode` comes from ?mode=invite, so either form can be linked to.
 */
export function AddUserPanel({ initialMode = "create" }: { initialMode?: Mode }) {
  const [mode, setMode] = useState<Mode>(initialMode);
  return (
    <section className="card" aria-labelledby="add-user-title">
      <h2 className="card__title" id="add-user-title">
        Add a person
      </h2>
      <p className="card__lead">Give them a password now, or send a link so they choose their own.</p>
      <div className="segmented" role="group" aria-label="How to add them">
        <button type="button" className="segmented__option" aria-pressed={mode === "create"} onClick={() => setMode("create")}>
          Set a password
        </button>
        <button type="button" className="segmented__option" aria-pressed={mode === "invite"} onClick={() => setMode("invite")}>
          Invite by link
        </button>
      </div>
      {mode === "create" ? <CreateUserForm /> : <InviteUserForm />}
    </section>
  );
}

function CreateUserForm() {
  const [state, action] = useActionState(createUserAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  return (
    <form className="form" action={action} noValidate aria-label="Create user">
      <FormMessage state={state} />
      <TextField label="Email" name="email" type="email" autoComplete="off" required defaultValue={values.email} error={errors.email} key={`email-${formKey(state)}`} />
      <TextField label="Name" name="name" autoComplete="off" required defaultValue={values.name} error={errors.name} key={`name-${formKey(state)}`} />
      <NewPasswordField note="Share it with them privately." error={errors.password} />
      <SelectField label="Role" name="role" options={ROLE_OPTIONS} defaultValue={values.role ?? "AUTHOR"} hint={ROLE_HINT} error={errors.role} key={`role-${formKey(state)}`} />
      <div className="form__actions">
        <SubmitButton pendingLabel="Creating…">Create user</SubmitButton>
      </div>
    </form>
  );
}

function InviteUserForm() {
  const [state, action] = useActionState(inviteUserAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const invite = state.status === "success" ? (state.data as { link: string; emailed: boolean } | undefined) : undefined;
  return (
    <form className="form" action={action} noValidate aria-label="Invite user">
      <FormMessage state={state} />
      {invite ? (
        <div className="stack">
          <CopyField label="Invitation link" value={invite.link} id="invite-link" />
          <p className="muted small">
            {invite.emailed ? "We also emailed it to them. " : "Email isn’t configured (SMTP_URL), so send it to them yourself. "}
            It works once, for 7 days.
          </p>
        </div>
      ) : null}
      <TextField label="Email" name="email" type="email" autoComplete="off" required defaultValue={values.email} error={errors.email} key={`email-${formKey(state)}`} />
      <TextField label="Name" name="name" autoComplete="off" required defaultValue={values.name} error={errors.name} key={`name-${formKey(state)}`} />
      <SelectField label="Role" name="role" options={ROLE_OPTIONS} defaultValue={values.role ?? "AUTHOR"} hint={ROLE_HINT} error={errors.role} key={`role-${formKey(state)}`} />
      <div className="form__actions">
        <SubmitButton pendingLabel="Creating link…">Create invitation</SubmitButton>
      </div>
    </form>
  );
}

/** A new key after each response, so the fields re-mount with the right default values. */
function formKey(state: ActionState) {
  return `${state.status}-${state.message ?? ""}-${JSON.stringify(state.values ?? {})}`;
}
