// Inputs of the editor's forms, one schema per form, used by the form (client)
// and by the server action alike.
import { z } from "zod";
import { WORKFLOW_ACTIONS } from "./workflow";

export const MAX_TITLE_LENGTH = 200;
export const MAX_LEAD_LENGTH = 600;
export const MAX_BODY_LENGTH = 200_000;
export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 50;
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** "a, b ,, c" → ["a", "b", "c"]; duplicates (ignoring case) dropped, first spelling kept. */
export function parseTagList(text: string): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const raw of text.split(",")) {
    const name = raw.trim().replace(/\s+/g, " ");
    if (!name || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}

/** True when an HTML body has no visible text (an empty editor yields "<p></p>"). */
export function isBlankHtml(html: string): boolean {
  return html.replace(/<[^>]*>/g, "").replace(/&nbsp;|\s/g, "") === "";
}

const optionalText = (max: number, message: string) => z.string().trim().max(max, message).optional().default("");

/** The article's content: what a save stores. */
export const articleContentSchema = z.object({
  title: z.string().trim().min(1, "Give the article a title").max(MAX_TITLE_LENGTH, `At most ${MAX_TITLE_LENGTH} characters`),
  lead: optionalText(MAX_LEAD_LENGTH, `At most ${MAX_LEAD_LENGTH} characters`),
  body: z.string().max(MAX_BODY_LENGTH, "The body is too long").optional().default(""),
  categoryId: z.string().trim().max(40).optional().default(""),
  tags: z
    .string()
    .optional()
    .default("")
    .transform(parseTagList)
    .refine((tags) => tags.length <= MAX_TAGS, `At most ${MAX_TAGS} tags`)
    .refine((tags) => tags.every((tag) => tag.length <= MAX_TAG_LENGTH), `A tag has at most ${MAX_TAG_LENGTH} characters`),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .max(80, "At most 80 characters")
    .refine((slug) => slug === "" || SLUG_PATTERN.test(slug), "Use lowercase letters, digits and single hyphens, e.g. budget-vote-delayed")
    .optional()
    .default(""),
});
export type ArticleContentInput = z.infer<typeof articleContentSchema>;

/** `YYYY-MM-DDTHH:mm` from an <input type="datetime-local">, read in the site's time zone. */
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, "Pick a date and time");

/** The editor form: content, the version it was loaded at, and what the button asked for. */
export const articleFormSchema = articleContentSchema
  .extend({
    id: z.string().trim().max(40).optional().default(""),
    version: z.coerce.number().int().min(0).optional().default(0),
    intent: z.enum(["save", ...WORKFLOW_ACTIONS]).optional().default("save"),
    autosave: z
      .string()
      .optional()
      .transform((value) => value === "1" || value === "true"),
    scheduledAt: z.union([z.literal(""), localDateTime]).optional().default(""),
    /** "Keep mine (overwrite)" after a conflict: save over the named newer version on purpose. */
    overwrite: z
      .string()
      .optional()
      .transform((value) => value === "1" || value === "true"),
  })
  .superRefine((input, ctx) => {
    const goingOut = input.intent === "publish" || input.intent === "schedule" || input.intent === "submit";
    if (goingOut && isBlankHtml(input.body)) {
      ctx.addIssue({ code: "custom", path: ["body"], message: "Write the story before it goes to review or live" });
    }
    if (input.intent === "schedule" && !input.scheduledAt) {
      ctx.addIssue({ code: "custom", path: ["scheduledAt"], message: "Pick the date and time to publish at" });
    }
  });
export type ArticleFormInput = z.infer<typeof articleFormSchema>;

/** Status-only workflow buttons (Unpublish, Archive, …) that do not save content. */
export const workflowActionSchema = z.object({
  id: z.string().trim().min(1).max(40),
  version: z.coerce.number().int().min(0),
  intent: z.enum(WORKFLOW_ACTIONS),
});

export const restoreRevisionSchema = z.object({
  id: z.string().trim().min(1).max(40),
  version: z.coerce.number().int().min(0),
  revisionId: z.string().trim().min(1).max(40),
});

export const revisionDiffSchema = z.object({
  id: z.string().trim().min(1).max(40),
  from: z.string().trim().min(1).max(40),
  to: z.string().trim().min(1).max(40),
});

export const previewLinkSchema = z.object({ id: z.string().trim().min(1).max(40) });

/** "Delete article", after the confirmation step: the version the editor saw. */
export const deleteArticleSchema = z.object({
  id: z.string().trim().min(1).max(40),
  version: z.coerce.number().int().min(0),
});

export const editorListSchema = z.object({
  status: z.enum(["drafts", "review", "scheduled", "published", "archived", "all"]).catch("all"),
  q: z.string().trim().max(200).catch(""),
  author: z.string().trim().max(40).catch(""),
  mine: z
    .string()
    .optional()
    .transform((value) => value === "1")
    .catch(false),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type EditorListQuery = z.infer<typeof editorListSchema>;
