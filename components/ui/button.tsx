import Link from "next/link";
import type { AnchorHTMLAttributes, ButtonHTMLAttributes, ComponentProps } from "react";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";
export type ButtonSize = "sm" | "md";

type Look = { variant?: ButtonVariant; size?: ButtonSize };

export function buttonClass({ variant = "secondary", size = "md" }: Look = {}, extra?: string) {
  return ["btn", `btn--${variant}`, size === "sm" ? "btn--sm" : "", extra ?? ""].filter(Boolean).join(" ");
}

/** A button. `variant`: primary (the one main action of a view), secondary (default), danger, ghost. */
export function Button({ variant, size, className, type = "button", ...props }: Look & ButtonHTMLAttributes<HTMLButtonElement>) {
  return <button type={type} className={buttonClass({ variant, size }, className)} {...props} />;
}

/** A link that looks like a button (navigation, not an action). */
export function ButtonLink({ variant, size, className, ...props }: Look & ComponentProps<typeof Link> & AnchorHTMLAttributes<HTMLAnchorElement>) {
  return <Link className={buttonClass({ variant, size }, className)} {...props} />;
}
