import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { can, type Action } from "./permissions";
import { getCurrentUser, type SessionUser } from "./session";
import type { ActionState } from "./action-state";
import { ActionError } from "./errors";

export { initialActionState, type ActionState } from "./action-state";
export { ActionError } from "./errors";

export const SIGN_IN_AGAIN = "Please sign in again.";
export const NOT_PERMITTED = "You don’t have permission to do that.";
const UNEXPECTED = "Something went wrong on our side. Nothing was lost — please try again.";

type Permission<I> = Action | ((user: SessionUser, input: I) => boolean | Promise<boolean>);

/**
 * The one wrapper every server action goes through: parses the FormData with the
 * zod schema, loads the signed-in user, checks the permission on the server, and
 * only then runs `fn`. Bad input comes back as field errors plus the submitted
 * values; an `ActionError` as its message; anything unexpected is logged and
 * answered with a generic message (never a stack trace). Next's redirect() and
 * notFound() pass through.
 */
export function validatedAction<S extends z.ZodType>(
  schema: S,
  options: { permission?: Permission<z.output<S>> },
  fn: (input: z.output<S>, user: SessionUser) => Promise<ActionState>,
): (prevState: ActionState, formData: FormData) => Promise<ActionState> {
  return async (_prevState, formData) => {
    const raw = formDataToObject(formData);
    const values = submittedValues(formData);
    try {
      const user = await getCurrentUser();
      if (!user) return { status: "error", message: SIGN_IN_AGAIN, values };

      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        return { status: "error", message: "Please correct the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error), values };
      }

      const permission = options.permission;
      const allowed = permission === undefined ? true : typeof permission === "string" ? can(user, permission) : await permission(user, parsed.data);
      if (!allowed) return { status: "error", message: NOT_PERMITTED, values };

      return await fn(parsed.data, user);
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof ActionError) return { status: "error", message: error.message, fieldErrors: error.fieldErrors, values };
      console.error("Server action failed:", error);
      return { status: "error", message: UNEXPECTED, values };
    }
  };
}

/** Repeated names become arrays (checkbox groups, multi-selects); files are ignored. */
export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = formData.getAll(key).filter((value): value is string => typeof value === "string");
    if (all.length === 0) continue;
    result[key] = all.length === 1 ? all[0]! : all;
  }
  return result;
}

/** What to put back into the form: every text value except passwords, which are never echoed into HTML. */
function submittedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION") || /password/i.test(key)) continue;
    values[key] = key in values ? `${values[key]},${value}` : value;
  }
  return values;
}

export function fieldErrorsOf(error: z.ZodError): Partial<Record<string, string[]>> {
  const fieldErrors: Partial<Record<string, string[]>> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}
