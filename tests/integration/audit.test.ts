// The audit log: rows are written in the same transaction as the change they
// record (a failed change leaves none, a successful one always one), filters,
// and the CSV export.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createClient, type Db } from "@/lib/db/client";
import { databaseUrl } from "@/lib/config";
import { migrate } from "@/lib/db/migrate";
import { recordAudit } from "@/lib/audit/service";
import { auditCsvStream, listAuditEvents, startOfZonedDay } from "@/lib/audit/data";
import { auditFilterSchema } from "@/lib/audit/schema";
import { ActionError } from "@/lib/auth/errors";
import { hashPassword } from "@/lib/auth/password";
import { changeRole, createUser, setUserDisabled } from "@/lib/users/service";
import { createFirstAdminIn, ensureAdminFromEnv } from "@/lib/users/first-admin";

const RUN = randomUUID().slice(0, 8);
const admin = { id: "", email: `auditor-${RUN}@example.test`, role: "ADMIN" as const };

beforeAll(async () => {
  await migrate(databaseUrl());
  const user = await db.user.create({ data: { email: admin.email, name: "Auditor", slug: `auditor-${RUN}`, role: "ADMIN", passwordHash: await hashPassword("correct horse battery") } });
  admin.id = user.id;
});

describe("atomic audit rows", () => {
  it("rolls the audit row back with a change that fails after it was written", async () => {
    const action = `test.rollback_${RUN}`;
    await expect(
      db.$transaction(async (tx) => {
        await recordAudit(tx, { actor: admin, action, targetType: "user", targetId: admin.id });
        await tx.user.create({ data: { email: admin.email, name: "Duplicate", slug: `dup-${RUN}` } }); // unique e-mail: fails
      }),
    ).rejects.toThrow();
    expect(await db.auditEvent.count({ where: { action } })).toBe(0);
  });

  it("writes no row for a refused change and exactly one for each successful change", async () => {
    const target = await createUser(admin, { email: `target-${RUN}@example.test`, name: "Target", password: "correct horse battery", role: "AUTHOR" });
    await expect(createUser(admin, { email: target.email, name: "Again", password: "correct horse battery", role: "AUTHOR" })).rejects.toBeInstanceOf(ActionError);
    await expect(changeRole({ ...admin, id: target.id, role: "ADMIN" }, target.id, "EDITOR")).rejects.toBeInstanceOf(ActionError); // self
    expect(await db.auditEvent.count({ where: { targetId: target.id } })).toBe(1); // user.created only

    await changeRole(admin, target.id, "EDITOR");
    await changeRole(admin, target.id, "EDITOR"); // no change: nothing to record
    await setUserDisabled(admin, target.id, true);
    const events = await db.auditEvent.findMany({ where: { targetId: target.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(events.map((event) => event.action)).toEqual(["user.created", "user.role_changed", "user.disabled"]);
    expect(events.every((event) => event.actorId === admin.id && event.actorEmail === admin.email)).toBe(true);
  });
});

describe("listing and filtering", () => {
  const actorEmail = `filter-${RUN}@example.test`;
  beforeAll(async () => {
    const at = (iso: string) => new Date(iso);
    // Baku is UTC+4: 2031-03-10T21:30Z is already March 11 there.
    await db.auditEvent.createMany({
      data: [
        { actorEmail, action: "auth.sign_in", createdAt: at("2031-03-09T08:00:00Z") },
        { actorEmail, action: "article.published", targetName: "Budget", createdAt: at("2031-03-10T12:00:00Z") },
        { actorEmail, action: "auth.sign_out", createdAt: at("2031-03-10T21:30:00Z") },
        { actorEmail: `someone-else-${RUN}@example.test`, action: "auth.sign_in", createdAt: at("2031-03-10T13:00:00Z") },
      ],
    });
  });
  const filter = (input: Record<string, string>) => auditFilterSchema.parse(input);

  it("filters by actor (case-insensitive part of the e-mail), exact action and action group", async () => {
    const byActor = await listAuditEvents(filter({ actor: `FILTER-${RUN}` }), "UTC");
    expect(byActor.events.map((event) => event.action)).toEqual(["auth.sign_out", "article.published", "auth.sign_in"]);
    const byAction = await listAuditEvents(filter({ actor: RUN, action: "auth.sign_in" }), "UTC");
    expect(byAction.total).toBe(2);
    const byGroup = await listAuditEvents(filter({ actor: actorEmail, action: "auth.*" }), "UTC");
    expect(byGroup.events.map((event) => event.action)).toEqual(["auth.sign_out", "auth.sign_in"]);
  });

  it("filters by an inclusive range of days in the site's time zone", async () => {
    const utc = await listAuditEvents(filter({ actor: actorEmail, from: "2031-03-10", to: "2031-03-10" }), "UTC");
    expect(utc.events.map((event) => event.action)).toEqual(["auth.sign_out", "article.published"]);
    const baku = await listAuditEvents(filter({ actor: actorEmail, from: "2031-03-10", to: "2031-03-10" }), "Asia/Baku");
    expect(baku.events.map((event) => event.action)).toEqual(["article.published"]);
    expect(startOfZonedDay("2031-03-10", "Asia/Baku").toISOString()).toBe("2031-03-09T20:00:00.000Z");
  });

  it("paginates newest first", async () => {
    const first = await listAuditEvents(filter({ actor: actorEmail, page: "1" }), "UTC", 2);
    const second = await listAuditEvents(filter({ actor: actorEmail, page: "2" }), "UTC", 2);
    expect(first).toMatchObject({ total: 3, pageCount: 2 });
    expect([...first.events, ...second.events].map((event) => event.action)).toEqual(["auth.sign_out", "article.published", "auth.sign_in"]);
  });

  it("ignores malformed filter values instead of failing", () => {
    expect(auditFilterSchema.parse({ action: "DROP TABLE", from: "yesterday", page: "-3" })).toEqual({ actor: "", action: "", from: "", to: "", page: 1 });
  });
});

describe("CSV export", () => {
  it("exports the filtered events oldest first, escaped, with formulas defused, across batches", async () => {
    const actorEmail = `csv-${RUN}@example.test`;
    await db.auditEvent.createMany({
      data: [
        { actorEmail, action: "settings.changed", targetName: 'Site "Daily", Baku', data: { changed: { siteName: { from: "A", to: "B" } } }, createdAt: new Date("2031-04-01T10:00:00Z") },
        { actorEmail, action: "user.created", targetName: "=HYPERLINK(\"http://evil\")", createdAt: new Date("2031-04-01T11:00:00Z") },
        { actorEmail, action: "auth.sign_in", ip: "203.0.113.9", createdAt: new Date("2031-04-01T12:00:00Z") },
      ],
    });
    const { page: _page, ...csvFilter } = auditFilterSchema.parse({ actor: actorEmail });
    const text = await new Response(auditCsvStream(csvFilter, "UTC", 2)).text();
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toBe("time,actor,action,target_type,target_id,target,ip,data");
    expect(lines).toHaveLength(4);
    // The data column is compared as JSON: PostgreSQL's jsonb does not keep key order.
    const prefix = `2031-04-01T10:00:00.000Z,${actorEmail},settings.changed,,,"Site ""Daily"", Baku",,`;
    expect(lines[1]!.startsWith(prefix)).toBe(true);
    const dataField = lines[1]!.slice(prefix.length);
    expect(dataField.startsWith('"') && dataField.endsWith('"')).toBe(true);
    expect(JSON.parse(dataField.slice(1, -1).replaceAll('""', '"'))).toEqual({ changed: { siteName: { from: "A", to: "B" } } });
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(lines[3]).toBe(`2031-04-01T12:00:00.000Z,${actorEmail},auth.sign_in,,,,203.0.113.9,`);
  });
});

describe("first admin", () => {
  let dir: string;
  let fresh: Db;
  beforeAll(async () => {
    // An empty database of its own: the shared one already has users.
    dir = mkdtempSync(path.join(tmpdir(), "lede-first-admin-"));
    const url = `file:${path.join(dir, "fresh.db")}`;
    await migrate(url);
    fresh = createClient(url);
  });
  afterAll(async () => {
    await fresh.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  });

  it("creates the first ADMIN from ADMIN_EMAIL/ADMIN_PASSWORD once, audited, and never again", async () => {
    expect(await ensureAdminFromEnv(fresh, {})).toBe("not-configured");
    await expect(ensureAdminFromEnv(fresh, { ADMIN_EMAIL: "boss@example.test", ADMIN_PASSWORD: "short" })).rejects.toThrow(/ADMIN_PASSWORD/);
    expect(await ensureAdminFromEnv(fresh, { ADMIN_EMAIL: "Boss@Example.test", ADMIN_PASSWORD: "correct horse battery" })).toBe("created");
    expect(await ensureAdminFromEnv(fresh, { ADMIN_EMAIL: "other@example.test", ADMIN_PASSWORD: "correct horse battery" })).toBe("exists");
    const users = await fresh.user.findMany();
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ email: "boss@example.test", role: "ADMIN" });
    expect(await fresh.auditEvent.count({ where: { action: "user.created", targetId: users[0]!.id } })).toBe(1);
  });

  it("refuses /setup once anyone has an account", async () => {
    await expect(createFirstAdminIn(fresh, { email: "late@example.test", name: "Late", password: "correct horse battery" }, { via: "setup" })).rejects.toBeInstanceOf(ActionError);
    expect(await fresh.user.count()).toBe(1);
  });
});
