import Link from "next/link";

/**
 * 403: a signed-in user opened something their role doesn't allow (requirePermission).
 * It renders inside the newsroom shell, so the sections they may use stay in reach.
 */
export default function NewsroomForbidden() {
  return (
    <div className="forbidden card">
      <p className="forbidden__code">403 · Forbidden</p>
      <h1>You don’t have access to this page</h1>
      <p className="muted">Your role doesn’t include this part of the newsroom. If you need it, ask an admin to change your role.</p>
      <p className="row" style={{ justifyContent: "center" }}>
        <Link className="btn btn--primary" href="/editor">
          Back to articles
        </Link>
        <Link className="btn btn--ghost" href="/account">
          Your account
        </Link>
      </p>
    </div>
  );
}
