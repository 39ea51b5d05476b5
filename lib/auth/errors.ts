/**
 * A rule the user's request broke ("the last admin can't be disabled"). Services
 * throw it; validatedAction shows its message (and field errors) on the form.
 * Anything else thrown is treated as unexpected and never shown.
 */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Partial<Record<string, string[]>>,
  ) {
    super(message);
    this.name = "ActionError";
  }
}
