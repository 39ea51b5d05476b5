import { initialActionState, type ActionState } from "@/lib/auth/action-state";

type ServerAction = (state: ActionState, data: FormData) => Promise<ActionState>;

/** Calls a server action with plain values; an unreachable server becomes an error state, never a throw. */
export async function callAction(action: ServerAction, values: Record<string, string>): Promise<ActionState> {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.set(name, value);
  try {
    return await action(initialActionState, data);
  } catch {
    return { status: "error", message: "You appear to be offline. Nothing was changed — try again." };
  }
}
