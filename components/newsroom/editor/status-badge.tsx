import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ArticleStatus } from "@/lib/db/types";
import { statusLabel } from "@/lib/articles/workflow";

const TONE: Record<ArticleStatus, BadgeTone> = {
  DRAFT: "neutral",
  IN_REVIEW: "warning",
  SCHEDULED: "accent",
  PUBLISHED: "success",
  UNPUBLISHED: "info",
  ARCHIVED: "neutral",
};

export function StatusBadge({ status }: { status: ArticleStatus }) {
  return <Badge tone={TONE[status]}>{statusLabel(status)}</Badge>;
}
