// Pure over a transaction client (no "server-only"), so scripts can audit too.
import type { Prisma } from "@/lib/db/types";

export type AuditActor = { id: string; email: string } | null | undefined;

export type AuditEventInput = {
  actor?: AuditActor;
  /** e.g. "user.role_changed"; the names are listed in lib/audit/catalog.ts. */
  action: string;
  targetType?: string;
  targetId?: string;
  targetName?: string;
  ip?: string | null;
  /** A small JSON of what changed, e.g. { from: "AUTHOR", to: "EDITOR" }. */
  data?: Record<string, unknown>;
};

/**
 * Appends one audit event using the caller's transaction client, so the event
 * commits or rolls back together with the change it records. The app offers no
 * way to edit or delete events.
 */
export async function recordAudit(tx: Prisma.TransactionClient, event: AuditEventInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: event.actor?.id ?? null,
      actorEmail: event.actor?.email ?? null,
      action: event.action,
      targetType: event.targetType ?? null,
      targetId: event.targetId ?? null,
      targetName: event.targetName ?? null,
      ip: event.ip ?? null,
      data: (event.data ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  });
}
