import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/service";
import type { TypoReportInput } from "./schema";

export type ReportResult = { ok: true; id: string } | { ok: false; reason: "not_found" };

/** Stores a reader's report for a published article (never shown publicly). */
export async function createTypoReport(input: TypoReportInput): Promise<ReportResult> {
  const article = await db.article.findFirst({ where: { slug: input.articleSlug, status: "PUBLISHED" }, select: { id: true } });
  if (!article) return { ok: false, reason: "not_found" };
  const correction = await db.correction.create({
    data: { articleId: article.id, selectedText: input.selectedText, context: input.context || null, comment: input.comment || null },
    select: { id: true },
  });
  return { ok: true, id: correction.id };
}

export type HandleResult =
  | { ok: true; articleSlug: string; articleId: string; noted: boolean }
  | { ok: false; message: string };

/**
 * Accepts (marks fixed, optionally with a public dated note under the article)
 * or dismisses an open report, with an audit row in the same transaction.
 */
export async function handleCorrection(
  actor: Actor & { email: string },
  input: { id: string; decision: "accept" | "dismiss"; publicNote: string },
  options: { ip?: string | null; now?: Date } = {},
): Promise<HandleResult> {
  if (!can(actor, "correction.handle")) return { ok: false, message: "You don’t have permission to do that." };
  const now = options.now ?? new Date();
  const note = input.decision === "accept" && input.publicNote ? input.publicNote : null;
  return db.$transaction(async (tx) => {
    // Only an open report can be handled, once: a second editor gets a clear message.
    const claimed = await tx.correction.updateMany({
      where: { id: input.id, status: "OPEN" },
      data: { status: input.decision === "accept" ? "ACCEPTED" : "DISMISSED", publicNote: note, handledById: actor.id, handledAt: now },
    });
    const correction = await tx.correction.findUnique({ where: { id: input.id }, select: { selectedText: true, article: { select: { id: true, slug: true, title: true } } } });
    if (!correction) return { ok: false, message: "This report no longer exists." };
    if (claimed.count === 0) return { ok: false, message: "Someone already handled this report." };
    await recordAudit(tx, {
      actor,
      action: input.decision === "accept" ? "correction.accepted" : "correction.dismissed",
      targetType: "article",
      targetId: correction.article.id,
      targetName: correction.article.title,
      ip: options.ip,
      data: { correctionId: input.id, selectedText: correction.selectedText.slice(0, 120), ...(note ? { publicNote: note } : {}) },
    });
    return { ok: true, articleSlug: correction.article.slug, articleId: correction.article.id, noted: note !== null };
  });
}
