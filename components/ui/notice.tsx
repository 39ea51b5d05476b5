import type { ReactNode } from "react";
import type { ActionState } from "@/lib/auth/action-state";

export type NoticeTone = "info" | "success" | "warning" | "error";

/**
 * A message box. Errors are role="alert" (announced at once), others
 * role="status". Tests should scope `getByRole('alert')` to a region, since Next's
 * route announcer is an alert too.
 */
export function Notice({ tone = "info", title, children, className }: { tone?: NoticeTone; title?: string; children?: ReactNode; className?: string }) {
  return (
    <div className={["notice", `notice--${tone}`, className ?? ""].filter(Boolean).join(" ")} role={tone === "error" ? "alert" : "status"}>
      {title ? <p className="notice__title">{title}</p> : null}
      {children ? <div className="notice__body">{children}</div> : null}
    </div>
  );
}

/** The form-level message of an ActionState (nothing while idle). */
export function FormMessage({ state }: { state: ActionState }) {
  if (state.status === "idle" || !state.message) return null;
  return <Notice tone={state.status === "error" ? "error" : "success"}>{state.message}</Notice>;
}
