// The first ADMIN, from /setup or from ADMIN_EMAIL/ADMIN_PASSWORD at start-up
// (scripts/prepare.ts). Takes the database client explicitly so it also runs
// outside Next, where "server-only" modules can't be imported.
import type { Db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/service";
import { ActionError } from "@/lib/auth/errors";
import { hashPassword } from "@/lib/auth/password";
import { emailField, newPasswordField } from "@/lib/auth/schema";
import { slugify } from "@/lib/text/slugify";

export const SETUP_DONE = "Lede is already set up.";

export async function createFirstAdminIn(
  db: Db,
  input: { email: string; name: string; password: string },
  context: { ip?: string | null; via: "setup" | "environment" },
) {
  const passwordHash = await hashPassword(input.password);
  const email = input.email.trim().toLowerCase();
  const name = input.name.trim();
  return db.$transaction(async (tx) => {
    if ((await tx.user.count()) > 0) throw new ActionError(SETUP_DONE);
    const slug = slugify(name) || slugify(email.split("@")[0] ?? "") || "admin";
    const user = await tx.user.create({ data: { email, name, slug, role: "ADMIN", passwordHash } });
    await recordAudit(tx, { actor: user, action: "user.created", targetType: "user", targetId: user.id, targetName: user.email, ip: context.ip, data: { role: "ADMIN", via: context.via } });
    return user;
  });
}

/** ADMIN_EMAIL / ADMIN_PASSWORD: the first admin without a browser. Does nothing once anyone has an account. */
export async function ensureAdminFromEnv(db: Db, env: Record<string, string | undefined> = process.env): Promise<"created" | "exists" | "not-configured"> {
  if (!env.ADMIN_EMAIL?.trim() || !env.ADMIN_PASSWORD) return "not-configured";
  if ((await db.user.count()) > 0) return "exists";
  const email = emailField.safeParse(env.ADMIN_EMAIL);
  if (!email.success) throw new Error(`ADMIN_EMAIL: ${email.error.issues[0]?.message}`);
  const password = newPasswordField.safeParse(env.ADMIN_PASSWORD);
  if (!password.success) throw new Error(`ADMIN_PASSWORD: ${password.error.issues[0]?.message}`);
  const name = env.ADMIN_NAME?.trim() || email.data.split("@")[0] || "Admin";
  await createFirstAdminIn(db, { email: email.data, password: password.data, name }, { via: "environment" });
  return "created";
}
