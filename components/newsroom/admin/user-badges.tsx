import { Badge } from "@/components/ui/badge";
import type { Role } from "@/lib/db/types";
import type { UserStatus } from "@/lib/users/data";
import { ROLE_LABELS } from "@/lib/users/schema";

const STATUS: Record<UserStatus, { label: string; tone: "success" | "warning" | "danger" }> = {
  active: { label: "Active", tone: "success" },
  invited: { label: "Invited", tone: "warning" },
  disabled: { label: "Disabled", tone: "danger" },
};

export function UserStatusBadge({ status }: { status: UserStatus }) {
  return <Badge tone={STATUS[status].tone}>{STATUS[status].label}</Badge>;
}

export function RoleBadge({ role }: { role: Role }) {
  return <Badge tone={role === "ADMIN" ? "accent" : "neutral"}>{ROLE_LABELS[role]}</Badge>;
}
