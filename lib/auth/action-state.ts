// The state every form's server action returns (useActionState). Client-safe.
export type ActionState = {
  status: "idle" | "success" | "error";
  message?: string;
  /** Messages per field name, shown next to the field. */
  fieldErrors?: Partial<Record<string, string[]>>;
  /** The submitted strings (passwords excluded), so a rejected form re-renders what was typed. */
  values?: Record<string, string>;
  data?: unknown;
};

export const initialActionState: ActionState = { status: "idle" };
