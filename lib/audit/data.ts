import "server-only";
import { db, type Prisma } from "@/lib/db";
import { toZonedIso } from "@/lib/text/dates";
import type { AuditFilter } from "./schema";

export const AUDIT_PAGE_SIZE = 50;

/** Start of a calendar day (YYYY-MM-DD) in the site's time zone, as an instant. */
export function startOfZonedDay(day: string, timeZone: string): Date {
  const utcMidnight = new Date(`${day}T00:00:00Z`);
  const offset = toZonedIso(utcMidnight, timeZone).slice(19); // "+04:00"
  return new Date(`${day}T00:00:00${offset === "Z" ? "+00:00" : offset}`);
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/**
 * Filters: actor (their e-mail, or part of it), action (exact, or a group such as
 * "auth.*"), and an inclusive date range of site-local days.
 */
export function auditWhere(filter: Omit<AuditFilter, "page">, timeZone: string): Prisma.AuditEventWhereInput {
  const createdAt: Prisma.DateTimeFilter = {};
  if (filter.from) createdAt.gte = startOfZonedDay(filter.from, timeZone);
  if (filter.to) createdAt.lt = startOfZonedDay(nextDay(filter.to), timeZone);
  const actor = filter.actor.toLowerCase();
  return {
    // PostgreSQL compares case-sensitively unless told; SQLite's LIKE already ignores ASCII case (and has no `mode`).
    ...(actor ? { actorEmail: (db.dialect === "postgresql" ? { contains: actor, mode: "insensitive" } : { contains: actor }) as Prisma.StringNullableFilter } : {}),
    ...(filter.action ? (filter.action.endsWith(".*") ? { action: { startsWith: filter.action.slice(0, -1) } } : { action: filter.action }) : {}),
    ...(filter.from || filter.to ? { createdAt } : {}),
  };
}

// Newest first; the id breaks ties between events of the same millisecond.
const newestFirst: Prisma.AuditEventOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];

export async function listAuditEvents(filter: AuditFilter, timeZone: string, pageSize = AUDIT_PAGE_SIZE) {
  const where = auditWhere(filter, timeZone);
  const [total, events] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({ where, orderBy: newestFirst, skip: (filter.page - 1) * pageSize, take: pageSize }),
  ]);
  return { events, total, page: filter.page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** Every e-mail that appears as an actor, for the filter's suggestions. */
export async function listAuditActors(): Promise<string[]> {
  const rows = await db.auditEvent.findMany({ where: { actorEmail: { not: null } }, distinct: ["actorEmail"], select: { actorEmail: true }, orderBy: { actorEmail: "asc" }, take: 500 });
  return rows.map((row) => row.actorEmail!).filter(Boolean);
}

const CSV_COLUMNS = ["time", "actor", "action", "target_type", "target_id", "target", "ip", "data"] as const;

function csvCell(value: unknown): string {
  const text = value == null ? "" : value instanceof Date ? value.toISOString() : typeof value === "string" ? value : JSON.stringify(value);
  // Quote everything that needs it; a leading = + - @ is defused so spreadsheets don't run it as a formula.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The filtered log as CSV, oldest first, read in batches so a long log never sits in memory at once. */
export function auditCsvStream(filter: Omit<AuditFilter, "page">, timeZone: string, batchSize = 1000): ReadableStream<Uint8Array> {
  const where = auditWhere(filter, timeZone);
  const encoder = new TextEncoder();
  let cursor: { createdAt: Date; id: string } | null = null;
  let headerSent = false;
  return new ReadableStream({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`${CSV_COLUMNS.join(",")}\r\n`));
        return;
      }
      const after: Prisma.AuditEventWhereInput | undefined = cursor
        ? { OR: [{ createdAt: { gt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { gt: cursor.id } }] }
        : undefined;
      const rows = await db.auditEvent.findMany({
        where: after ? { AND: [where, after] } : where,
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: batchSize,
      });
      if (rows.length === 0) return controller.close();
      const last = rows[rows.length - 1]!;
      cursor = { createdAt: last.createdAt, id: last.id };
      const lines = rows.map((row) =>
        [row.createdAt, row.actorEmail, row.action, row.targetType, row.targetId, row.targetName, row.ip, row.data].map(csvCell).join(","),
      );
      controller.enqueue(encoder.encode(`${lines.join("\r\n")}\r\n`));
      if (rows.length < batchSize) controller.close();
    },
  });
}
