import { z } from "zod";
import { emailField, newPasswordField } from "@/lib/auth/schema";

export const ROLES = ["AUTHOR", "EDITOR", "ADMIN"] as const;
export const ROLE_LABELS: Record<(typeof ROLES)[number], string> = { AUTHOR: "Author", EDITOR: "Editor", ADMIN: "Admin" };

const role = z.enum(ROLES, { message: "Choose a role" });
const name = z.string().trim().min(1, "Enter a name").max(100, "Use at most 100 characters");
const bio = z
  .string()
  .trim()
  .max(1000, "Use at most 1,000 characters")
  .transform((text) => text || null);
const userId = z.string().trim().min(1, "Missing user").max(64);
const slug = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter a slug")
  .max(80, "Use at most 80 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens, e.g. jane-doe");

const passwordsMatch = { message: "The passwords don’t match", path: ["confirmPassword"] };

export const setupSchema = z.object({ email: emailField, name, password: newPasswordField });
export const createUserSchema = z.object({ email: emailField, name, password: newPasswordField, role });
export const inviteUserSchema = z.object({ email: emailField, name, role });
export const changeRoleSchema = z.object({ userId, role });
export const userIdSchema = z.object({ userId });
export const updateUserProfileSchema = z.object({ userId, name, slug, bio });
export const deleteUserSchema = z.object({
  userId,
  reassignTo: z
    .string()
    .trim()
    .max(64)
    .transform((id) => id || null),
  confirm: z.literal("on", { message: "Tick the box to confirm" }),
});
export const redeemTokenSchema = z
  .object({ token: z.string().trim().min(10).max(200), password: newPasswordField, confirmPassword: z.string() })
  .refine((input) => input.password === input.confirmPassword, passwordsMatch);
export const accountProfileSchema = z.object({ name, bio });
export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1, "Enter your current password").max(200), newPassword: newPasswordField, confirmPassword: z.string() })
  .refine((input) => input.newPassword === input.confirmPassword, passwordsMatch);
export const userSearchSchema = z.object({
  q: z.string().trim().max(100).catch(""),
  status: z.enum(["all", "active", "invited", "disabled"]).catch("all"),
  page: z.coerce.number().int().min(1).catch(1),
});

export type CreateUserInput = z.infer<typeof createUserSchema>;
export type InviteUserInput = z.infer<typeof inviteUserSchema>;
