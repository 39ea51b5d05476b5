import "server-only";
import { db, type Prisma, type Role, type TokenPurpose } from "@/lib/db";
import { hashToken } from "./tokens";

export const USERS_PAGE_SIZE = 25;

export type UserStatus = "active" | "invited" | "disabled";

export function statusOf(user: { disabledAt: Date | null; passwordHash: string | null }): UserStatus {
  if (user.disabledAt) return "disabled";
  return user.passwordHash ? "active" : "invited";
}

const statusWhere: Record<UserStatus, Prisma.UserWhereInput> = {
  active: { disabledAt: null, passwordHash: { not: null } },
  invited: { disabledAt: null, passwordHash: null },
  disabled: { disabledAt: { not: null } },
};

/** Case-insensitive "contains": PostgreSQL needs the mode, SQLite's LIKE already ignores ASCII case. */
function containsText(q: string): Prisma.StringFilter {
  return (db.dialect === "postgresql" ? { contains: q, mode: "insensitive" } : { contains: q }) as Prisma.StringFilter;
}

export type UserListRow = {
  id: string;
  email: string;
  name: string;
  slug: string;
  role: Role;
  status: UserStatus;
  lastSignInAt: Date | null;
  createdAt: Date;
  articleCount: number;
};

/** /admin/users: search by name or e-mail, filter by status, newest first. */
export async function listUsers({ q = "", status = "all", page = 1, pageSize = USERS_PAGE_SIZE }: { q?: string; status?: UserStatus | "all"; page?: number; pageSize?: number }) {
  const where: Prisma.UserWhereInput = {
    ...(status !== "all" ? statusWhere[status] : {}),
    ...(q ? { OR: [{ email: containsText(q.toLowerCase()) }, { name: containsText(q) }] } : {}),
  };
  const [total, rows] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        email: true,
        name: true,
        slug: true,
        role: true,
        disabledAt: true,
        passwordHash: true,
        lastSignInAt: true,
        createdAt: true,
        _count: { select: { articles: true } },
      },
    }),
  ]);
  const users: UserListRow[] = rows.map(({ passwordHash, disabledAt, _count, ...user }) => ({
    ...user,
    status: statusOf({ passwordHash, disabledAt }),
    articleCount: _count.articles,
  }));
  return { users, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

export async function countUsersByStatus(): Promise<Record<UserStatus, number>> {
  const [active, invited, disabled] = await Promise.all([
    db.user.count({ where: statusWhere.active }),
    db.user.count({ where: statusWhere.invited }),
    db.user.count({ where: statusWhere.disabled }),
  ]);
  return { active, invited, disabled };
}

/** One user for /admin/users/[id], with what the admin needs to decide (articles, pending links). */
export async function getUserForAdmin(id: string) {
  const user = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      name: true,
      slug: true,
      bio: true,
      role: true,
      disabledAt: true,
      passwordHash: true,
      lastSignInAt: true,
      createdAt: true,
      _count: { select: { articles: true } },
      tokens: { where: { usedAt: null, expiresAt: { gt: new Date() } }, select: { purpose: true, expiresAt: true }, orderBy: { createdAt: "desc" } },
    },
  });
  if (!user) return null;
  const { passwordHash, _count, ...rest } = user;
  return { ...rest, status: statusOf(user), articleCount: _count.articles };
}

/** Who can take over a deleted user's articles: active users other than them. */
export async function listReassignCandidates(excludeId: string) {
  return db.user.findMany({
    where: { id: { not: excludeId }, disabledAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true, role: true },
  });
}

export async function getAccount(userId: string) {
  return db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, slug: true, bio: true, role: true } });
}

/** Whether anyone has an account yet (/setup exists only while nobody does). */
export async function hasAnyUser(): Promise<boolean> {
  return (await db.user.count()) > 0;
}

/** The user a link belongs to, if it is unused, unexpired and the account is not disabled. */
export async function findUsableToken(token: string, purpose: TokenPurpose, now = new Date()) {
  const row = await db.userToken.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { select: { id: true, email: true, name: true, disabledAt: true } } },
  });
  if (!row || row.purpose !== purpose || row.usedAt || row.expiresAt <= now || row.user.disabledAt) return null;
  return { tokenId: row.id, user: row.user, expiresAt: row.expiresAt };
}
