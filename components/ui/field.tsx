import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

// Form fields with a visible label, an optional hint and the server's error
// message right under the control, wired up with aria-describedby/aria-invalid
// so screen readers announce them. Works in server and client components.

type ControlProps = {
  id: string;
  name: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
};

export type FieldProps = {
  /** Visible label text; tests and users find the control by it. */
  label: string;
  name: string;
  /** Messages from ActionState.fieldErrors[name]; the first is shown. */
  error?: string[] | string;
  /** Help text under the control. */
  hint?: ReactNode;
  /** Defaults to `field-<name>`; pass one when a page has two forms with the same field name. */
  id?: string;
  className?: string;
  /** Renders the control with the ids and aria attributes it needs. */
  children: (control: ControlProps) => ReactNode;
};

export function Field({ label, name, error, hint, id, className, children }: FieldProps) {
  const controlId = id ?? `field-${name}`;
  const message = Array.isArray(error) ? error[0] : error;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = message ? `${controlId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={["field", message ? "field--invalid" : "", className ?? ""].filter(Boolean).join(" ")}>
      <label className="field__label" htmlFor={controlId}>
        {label}
      </label>
      {children({ id: controlId, name, "aria-describedby": describedBy, ...(message ? { "aria-invalid": true as const } : {}) })}
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {message ? (
        <p className="field__error" id={errorId}>
          {message}
        </p>
      ) : null}
    </div>
  );
}

type Common = Omit<FieldProps, "children">;

/** <input> with label and error. `defaultValue` is what the form shows (pass ActionState.values[name] after a failed submit). */
export function TextField({ label, name, error, hint, id, className, ...input }: Common & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id">) {
  return (
    <Field label={label} name={name} error={error} hint={hint} id={id} className={className}>
      {(control) => <input className="input" type="text" {...input} {...control} />}
    </Field>
  );
}

export function TextAreaField({ label, name, error, hint, id, className, ...textarea }: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id">) {
  return (
    <Field label={label} name={name} error={error} hint={hint} id={id} className={className}>
      {(control) => <textarea className="input textarea" rows={4} {...textarea} {...control} />}
    </Field>
  );
}

export type SelectOption = { value: string; label: string };

export function SelectField({
  label,
  name,
  error,
  hint,
  id,
  className,
  options,
  ...select
}: Common & { options: readonly SelectOption[] } & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id">) {
  return (
    <Field label={label} name={name} error={error} hint={hint} id={id} className={className}>
      {(control) => (
        <select className="input select" {...select} {...control}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
