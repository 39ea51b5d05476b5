import type { Metadata } from "next";
import Link from "next/link";
import { AccountProfileForm, ChangePasswordForm } from "@/components/newsroom/account/account-forms.client";
import { RoleBadge } from "@/components/newsroom/admin/user-badges";
import { requireUser } from "@/lib/auth/session";
import { getAccount } from "@/lib/users/data";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requireUser();
  const account = (await getAccount(user.id))!;
  return (
    <>
      <div className="nr-page-header">
        <div>
          <h1>Your account</h1>
          <p className="row">
            <span>{account.email}</span>
            <RoleBadge role={account.role} />
            <Link href={`/authors/${account.slug}`}>Your author page</Link>
          </p>
        </div>
      </div>
      <div className="nr-grid nr-grid--two">
        <section className="card" aria-labelledby="account-profile-title">
          <h2 className="card__title" id="account-profile-title">
            Profile
          </h2>
          <p className="card__lead">Your byline and author page.</p>
          <AccountProfileForm name={account.name} bio={account.bio} />
        </section>
        <section className="card" aria-labelledby="account-password-title">
          <h2 className="card__title" id="account-password-title">
            Password
          </h2>
          <p className="card__lead">Changing it signs you out everywhere else.</p>
          <ChangePasswordForm email={account.email} />
        </section>
      </div>
    </>
  );
}
