import { z } from "zod";

const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .catch("")
  .optional()
  .transform((value) => value || "");

/** /admin/audit's filters, from the query string; anything malformed is ignored rather than an error. */
export const auditFilterSchema = z.object({
  actor: z.string().trim().max(254).catch("").optional().transform((value) => value || ""),
  action: z
    .string()
    .trim()
    .regex(/^[a-z_.*]*$/)
    .max(60)
    .catch("")
    .optional()
    .transform((value) => value || ""),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(100_000).catch(1).optional().transform((value) => value ?? 1),
});

export type AuditFilter = z.infer<typeof auditFilterSchema>;
