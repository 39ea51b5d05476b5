"use server";
import { redirect } from "next/navigation";
import { validatedAction } from "@/lib/auth/action";
import { requestIp } from "@/lib/audit/request";
import { revalidateArticleChange } from "@/lib/cache/public";
import { handleCorrectionSchema } from "./schema";
import { handleCorrection } from "./service";

/**
 * Accept (optionally with a public note) or dismiss a reader's report. EDITOR+.
 * The handled row leaves the Open list, so the outcome is said on the page the
 * editor comes back to rather than inside the row that disappears.
 */
export const handleCorrectionAction = validatedAction(handleCorrectionSchema, { permission: "correction.handle" }, async (input, user) => {
  const result = await handleCorrection(user, input, { ip: await requestIp() });
  if (!result.ok) return { status: "error", message: result.message };
  // A public note shows on the article page and in its JSON-LD.
  if (result.noted) await revalidateArticleChange({ slug: result.articleSlug });
  redirect(`/editor/corrections?done=${input.decision === "accept" ? (result.noted ? "noted" : "accepted") : "dismissed"}`);
});
