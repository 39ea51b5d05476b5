/** Every audit action name Lede writes, grouped for the /admin/audit filter. */
export const AUDIT_ACTIONS = {
  "Sign-in": ["auth.sign_in", "auth.sign_in_failed", "auth.sign_out"],
  Users: ["user.created", "user.invited", "user.invite_accepted", "user.role_changed", "user.disabled", "user.enabled", "user.password_reset", "user.password_changed", "user.updated", "user.deleted"],
  Articles: [
    "article.published",
    "article.unpublished",
    "article.scheduled",
    "article.archived",
    "article.deleted",
    "article.restored",
    "article.slug_changed",
  ],
  Corrections: ["correction.accepted", "correction.dismissed"],
  "Categories and tags": ["category.created", "category.updated", "category.deleted", "tag.updated", "tag.merged", "tag.deleted"],
  Settings: ["settings.changed"],
} as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[keyof typeof AUDIT_ACTIONS][number];

export const ALL_AUDIT_ACTIONS: readonly string[] = Object.values(AUDIT_ACTIONS).flat();
