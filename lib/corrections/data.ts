import "server-only";
import { db, type CorrectionStatus } from "@/lib/db";

export const CORRECTIONS_PAGE_SIZE = 30;

const STATUS: Record<"open" | "accepted" | "dismissed", CorrectionStatus> = { open: "OPEN", accepted: "ACCEPTED", dismissed: "DISMISSED" };

/** The corrections inbox: newest first for open reports, most recently handled first otherwise. */
export async function listCorrections({ status, page }: { status: keyof typeof STATUS; page: number }) {
  const where = { status: STATUS[status] };
  const [total, items, counts] = await Promise.all([
    db.correction.count({ where }),
    db.correction.findMany({
      where,
      orderBy: status === "open" ? [{ createdAt: "desc" }, { id: "desc" }] : [{ handledAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * CORRECTIONS_PAGE_SIZE,
      take: CORRECTIONS_PAGE_SIZE,
      select: {
        id: true,
        selectedText: true,
        context: true,
        comment: true,
        status: true,
        publicNote: true,
        createdAt: true,
        handledAt: true,
        handledBy: { select: { name: true } },
        article: { select: { id: true, title: true, slug: true, status: true } },
      },
    }),
    db.correction.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const count = (value: CorrectionStatus) => counts.find((row) => row.status === value)?._count._all ?? 0;
  return {
    items,
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / CORRECTIONS_PAGE_SIZE)),
    counts: { open: count("OPEN"), accepted: count("ACCEPTED"), dismissed: count("DISMISSED") },
  };
}
export type CorrectionRow = Awaited<ReturnType<typeof listCorrections>>["items"][number];
