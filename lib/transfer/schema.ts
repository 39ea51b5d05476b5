// The NDJSON export format: one header line, then one line per row.
//   {"type":"lede-export","version":1,"exportedAt":"…","dialect":"sqlite","counts":{"User":3,…}}
//   {"type":"User","data":{"id":"…","email":"…","createdAt":"2026-12-02T10:00:00.000Z",…}}
// Dates are ISO 8601 strings, BigInt values decimal strings, Json columns the JSON value itself.
import { z } from "zod";
import { EXPORT_FORMAT, TABLES, type ExportedModel } from "./tables";

const models = TABLES.map((t) => t.model) as [ExportedModel, ...ExportedModel[]];

export const headerSchema = z.object({
  type: z.literal(EXPORT_FORMAT),
  version: z.number().int().positive(),
  exportedAt: z.iso.datetime(),
  dialect: z.enum(["sqlite", "postgresql"]).optional(),
  counts: z.record(z.enum(models), z.number().int().nonnegative()),
});
export type ExportHeader = z.infer<typeof headerSchema>;

export const recordSchema = z.object({
  type: z.enum(models, { error: (issue) => `unknown record type ${JSON.stringify(issue.input)}` }),
  data: z.record(z.string(), z.unknown()),
});
export type ExportRecord = z.infer<typeof recordSchema>;
