"use client";

import { useFormStatus } from "react-dom";
import type { ButtonHTMLAttributes } from "react";
import { buttonClass, type ButtonSize, type ButtonVariant } from "./button";

/**
 * A form's submit button: disabled with `pendingLabel` while its form's action
 * runs, so a double click can't submit twice.
 */
export function SubmitButton({
  children,
  pendingLabel,
  variant = "primary",
  size,
  className,
  disabled,
  ...props
}: { pendingLabel?: string; variant?: ButtonVariant; size?: ButtonSize } & Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type">) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={buttonClass({ variant, size }, className)} disabled={pending || disabled} aria-disabled={pending || disabled} {...props}>
      {pending && pendingLabel ? pendingLabel : children}
      {pending ? <span className="btn__spinner" aria-hidden="true" /> : null}
    </button>
  );
}
