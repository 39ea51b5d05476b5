import { z } from "zod";
import { MAX_REPORT_COMMENT, MAX_SELECTED_TEXT } from "./limits";

/** A reader's typo report, as POSTed by the article page's dialog (which checks the same limits). */
export const typoReportSchema = z.object({
  articleSlug: z.string().trim().min(1, "Which article?").max(120),
  selectedText: z
    .string()
    .trim()
    .min(1, "Select or type the text that has the mistake")
    .max(MAX_SELECTED_TEXT, `The text with the mistake can be at most ${MAX_SELECTED_TEXT} characters`),
  context: z.string().trim().max(1000).optional().default(""),
  comment: z.string().trim().max(MAX_REPORT_COMMENT, `The comment can be at most ${MAX_REPORT_COMMENT} characters`).optional().default(""),
});
export type TypoReportInput = z.infer<typeof typoReportSchema>;

export const handleCorrectionSchema = z.object({
  id: z.string().trim().min(1).max(40),
  decision: z.enum(["accept", "dismiss"]),
  /** Optional public note, shown under the article as "Correction (date): …". */
  publicNote: z.string().trim().max(500, "At most 500 characters").optional().default(""),
});

export const correctionListSchema = z.object({
  status: z.enum(["open", "accepted", "dismissed"]).catch("open"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  /** What the editor just did, said once at the top of the inbox. */
  done: z.enum(["noted", "accepted", "dismissed"]).optional().catch(undefined),
});
