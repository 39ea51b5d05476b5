import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatShortDateTime } from "@/components/newsroom/admin/format";
import { RoleBadge, UserStatusBadge } from "@/components/newsroom/admin/user-badges";
import { DeleteUserForm, UserAccessForms, UserProfileForm, UserRoleForm } from "@/components/newsroom/admin/user-forms.client";
import { requirePermission } from "@/lib/auth/session";
import { getSiteSettings } from "@/lib/settings/data";
import { getUserForAdmin, listReassignCandidates } from "@/lib/users/data";

export const metadata: Metadata = { title: "User" };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requirePermission("user.manage");
  const { id } = await params;
  const [user, settings] = await Promise.all([getUserForAdmin(id), getSiteSettings()]);
  if (!user) notFound();
  const candidates = user.articleCount > 0 ? await listReassignCandidates(user.id) : [];
  const isSelf = user.id === admin.id;
  const pendingLink = user.tokens[0];
  const when = (date: Date) => formatShortDateTime(date, settings.timeZone);

  return (
    <>
      <div className="nr-page-header">
        <div>
          <p className="nr-breadcrumb">
            <Link href="/admin/users">← Users</Link>
          </p>
          <h1>{user.name}</h1>
          <p className="row">
            <span>{user.email}</span>
            <RoleBadge role={user.role} />
            <UserStatusBadge status={user.status} />
          </p>
        </div>
      </div>
      <div className="nr-grid nr-grid--sidebar">
        <div>
          <section className="card" aria-labelledby="profile-title">
            <h2 className="card__title" id="profile-title">
              Profile
            </h2>
            <p className="card__lead">The name, slug and bio readers see on bylines and the author page.</p>
            <UserProfileForm user={user} />
          </section>
          <section className="card card--danger" aria-labelledby="delete-title">
            <h2 className="card__title" id="delete-title">
              Delete user
            </h2>
            {isSelf ? (
              <p className="card__lead">You can’t delete your own account. Ask another admin.</p>
            ) : (
              <>
                <p className="card__lead">
                  Removes their account for good. The audit log keeps what they did.
                  {user.articleCount > 0 ? " Their articles must go to someone else first." : ""}
                </p>
                <DeleteUserForm userId={user.id} articleCount={user.articleCount} candidates={candidates} />
              </>
            )}
          </section>
        </div>
        <div>
          <section className="card" aria-labelledby="role-title">
            <h2 className="card__title" id="role-title">
              Permissions
            </h2>
            <p className="card__lead">Authors write their own drafts; editors publish anything; admins also manage people and settings.</p>
            <UserRoleForm userId={user.id} role={user.role} disabled={isSelf ? "You can’t change your own role." : undefined} />
          </section>
          <section className="card" aria-labelledby="access-title">
            <h2 className="card__title" id="access-title">
              Access
            </h2>
            <dl className="dl" style={{ marginBottom: "1rem" }}>
              <dt>Last sign-in</dt>
              <dd>{user.lastSignInAt ? when(user.lastSignInAt) : "Never"}</dd>
              <dt>Added</dt>
              <dd>{when(user.createdAt)}</dd>
              <dt>Articles</dt>
              <dd>{user.articleCount}</dd>
              {user.disabledAt ? (
                <>
                  <dt>Disabled</dt>
                  <dd>{when(user.disabledAt)}</dd>
                </>
              ) : null}
              {pendingLink ? (
                <>
                  <dt>{pendingLink.purpose === "INVITE" ? "Invitation" : "Reset link"}</dt>
                  <dd>expires {when(pendingLink.expiresAt)}</dd>
                </>
              ) : null}
            </dl>
            <UserAccessForms userId={user.id} status={user.status} isSelf={isSelf} />
          </section>
        </div>
      </div>
    </>
  );
}
