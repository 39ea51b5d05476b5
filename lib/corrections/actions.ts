"use server";
import { validatedAction } from "@/lib/auth/action";
import { requestIp } from "@/lib/audit/request";
import { revalidateArticleChange } from "@/lib/cache/public";
import { revalidatePath } from "next/cache";
import { handleCorrectionSchema } from "./schema";
import { handleCorrection } from "./service";

/** Accept (optionally with a public note) or dismiss a reader's report. EDITOR+. */
export const handleCorrectionAction = validatedAction(handleCorrectionSchema, { permission: "correction.handle" }, async (input, user) => {
  const result = await handleCorrection(user, input, { ip: await requestIp() });
  if (!result.ok) return { status: "error", message: result.message };
  // A public note shows on the article page and in its JSON-LD.
  if (result.noted) await revalidateArticleChange({ slug: result.articleSlug });
  revalidatePath("/editor/corrections");
  return {
    status: "success",
    message: input.decision === "accept" ? (result.noted ? "Accepted; the correction note is on the article" : "Accepted") : "Dismissed",
  };
});
