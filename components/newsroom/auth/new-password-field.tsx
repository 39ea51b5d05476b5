import { TextField } from "@/components/ui/field";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";

/**
 * A password being chosen, on every form that sets one: password managers offer to generate and store
 * it (new-password), and the length rule is said before the first try.
 */
export function NewPasswordField({ label = "Password", name = "password", note, error }: { label?: string; name?: string; note?: string; error?: string[] | string }) {
  return (
    <TextField
      label={label}
      name={name}
      type="password"
      autoComplete="new-password"
      required
      hint={`At least ${MIN_PASSWORD_LENGTH} characters.${note ? ` ${note}` : ""}`}
      error={error}
    />
  );
}
