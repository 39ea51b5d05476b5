import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "./password-rules";

export const emailField = z
  .string()
  .trim()
  .min(1, "Enter an email address")
  .max(254, "That email address is too long")
  .pipe(z.email({ message: "Enter a valid email address, e.g. name@example.com" }))
  .transform((email) => email.toLowerCase());

export const newPasswordField = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(200, "Use at most 200 characters");

export const signInSchema = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
});
