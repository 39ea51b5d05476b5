import type { Metadata } from "next";
import { TokenPage } from "@/components/newsroom/auth/token-page";
import { findUsableToken } from "@/lib/users/data";

// Always read the link's state fresh: it is single-use.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Accept invitation", referrer: "no-referrer" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = await findUsableToken(token, "INVITE");
  return <TokenPage token={token} purpose="INVITE" user={found?.user ?? null} />;
}
