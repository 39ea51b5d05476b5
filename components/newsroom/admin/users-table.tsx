import Link from "next/link";
import { Table } from "@/components/ui/table";
import type { UserListRow } from "@/lib/users/data";
import { formatRelative, formatShortDateTime } from "./format";
import { RoleBadge, UserStatusBadge } from "./user-badges";

export function UsersTable({ users, currentUserId, timeZone }: { users: UserListRow[]; currentUserId: string; timeZone: string }) {
  return (
    <Table caption="Users">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Role</th>
          <th scope="col">Status</th>
          <th scope="col">Last sign-in</th>
          <th scope="col" className="num">
            Articles
          </th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <tr key={user.id} data-user-email={user.email}>
            <td>
              <Link className="table__primary" href={`/admin/users/${user.id}`}>
                {user.name}
              </Link>
              {user.id === currentUserId ? <span className="muted small"> (you)</span> : null}
              <span className="table__sub">{user.email}</span>
            </td>
            <td>
              <RoleBadge role={user.role} />
            </td>
            <td>
              <UserStatusBadge status={user.status} />
            </td>
            <td className="nowrap">
              {user.lastSignInAt ? (
                <time dateTime={user.lastSignInAt.toISOString()} title={formatShortDateTime(user.lastSignInAt, timeZone)}>
                  {formatRelative(user.lastSignInAt)}
                </time>
              ) : (
                <span className="muted">Never</span>
              )}
            </td>
            <td className="num">{user.articleCount}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
