// Writes every content and user table as NDJSON (format: ./schema.ts), from one consistent
// snapshot, a page of rows at a time, so the size of the newsroom does not matter.
import type { Db } from "@/lib/db/client";
import type { ExportHeader } from "./schema";
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  LONG_TRANSACTION,
  TABLES,
  TransferError,
  countRows,
  delegateOf,
  emptyCounts,
  type Counts,
  type ExportedModel,
  type Row,
} from "./tables";

export type ExportOptions = {
  /** Rows read per query. */
  pageSize?: number;
  /** Called once a table is written, with its row count. */
  onTable?: (model: ExportedModel, count: number) => void;
};

export type ExportSummary = { header: ExportHeader; counts: Counts };

/** Dates become ISO strings through Date#toJSON; BigInt has no JSON form of its own. */
const toJson = (value: unknown) => JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v));

/**
 * Calls `writeLine` (which may wait, e.g. for a stream to drain) with the header, then each row of
 * each table in dependency order, ordered by primary key.
 */
export async function exportData(db: Db, writeLine: (line: string) => unknown, options: ExportOptions = {}): Promise<ExportSummary> {
  const pageSize = options.pageSize ?? 500;
  // One read transaction: the header's counts and the rows come from the same snapshot while the
  // app keeps writing (SQLite WAL readers see a snapshot; PostgreSQL needs REPEATABLE READ).
  const isolation = db.dialect === "postgresql" ? { isolationLevel: "RepeatableRead" as "Serializable" } : {};
  return db.$transaction(
    async (tx) => {
      const counts = await countRows(tx);
      const header: ExportHeader = { type: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: new Date().toISOString(), dialect: db.dialect, counts };
      await writeLine(toJson(header));

      const written = emptyCounts();
      for (const { model, key } of TABLES) {
        const table = delegateOf(tx, model);
        const orderBy = key.map((field) => ({ [field]: "asc" }));
        let last: Row | undefined;
        for (;;) {
          const page = await table.findMany({
            orderBy,
            take: pageSize,
            ...(last ? { skip: 1, cursor: cursorOf(key, last) } : {}),
          });
          for (const data of page) await writeLine(toJson({ type: model, data }));
          written[model] += page.length;
          if (page.length < pageSize) break;
          last = page[page.length - 1];
        }
        if (written[model] !== counts[model])
          throw new TransferError(`Read ${written[model]} ${model} rows but counted ${counts[model]}; the export is incomplete.`);
        options.onTable?.(model, written[model]);
      }
      return { header, counts: written };
    },
    { ...LONG_TRANSACTION, ...isolation },
  );
}

/** Prisma's cursor for a row: `{ id }`, or `{ articleId_tagId: { articleId, tagId } }` for a compound key. */
function cursorOf(key: readonly string[], row: Row): Row {
  const values = Object.fromEntries(key.map((field) => [field, row[field]]));
  return key.length === 1 ? values : { [key.join("_")]: values };
}
