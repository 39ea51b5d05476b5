// Reads an NDJSON export (format: ./schema.ts) into an empty database of either dialect, in
// dependency order and chunked transactions, then checks that every row arrived.
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/types";
import { headerSchema, recordSchema, type ExportHeader } from "./schema";
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  LONG_TRANSACTION,
  TABLES,
  TransferError,
  countRows,
  delegateOf,
  describeCounts,
  emptyCounts,
  tableOf,
  type Counts,
  type ExportedModel,
  type Row,
} from "./tables";

export type ImportOptions = {
  /** Delete every exported table's rows in the target first, instead of refusing a non-empty target. */
  replace?: boolean;
  /** Rows per insert transaction. */
  chunkSize?: number;
  /** Called once a table is written, with its row count. */
  onTable?: (model: ExportedModel, count: number) => void;
};

export type ImportSummary = { header: ExportHeader; counts: Counts; replaced: Counts | null };

/** A chunk is also written once its lines add up to this many characters, to bound memory. */
const CHUNK_CHARS = 8_000_000;

/** Deletes every exported table's rows, children first, in one transaction. */
async function wipe(db: Db): Promise<Counts> {
  return db.$transaction(async (tx) => {
    const deleted = emptyCounts();
    for (const { model } of [...TABLES].reverse()) deleted[model] = (await delegateOf(tx, model).deleteMany()).count;
    return deleted;
  }, LONG_TRANSACTION);
}

/** Turns a record's JSON back into Prisma create input: a null Json column needs Prisma's sentinel. */
function toCreateInput(model: ExportedModel, data: Row): Row {
  const table = tableOf(model)!;
  if (!("json" in table)) return data;
  const row = { ...data };
  for (const { field, nullable } of table.json) if (row[field] == null) row[field] = nullable ? Prisma.DbNull : Prisma.JsonNull;
  return row;
}

export async function importData(db: Db, lines: AsyncIterable<string>, options: ImportOptions = {}): Promise<ImportSummary> {
  const chunkSize = options.chunkSize ?? 500;
  const iterator = lines[Symbol.asyncIterator]();
  let lineNumber = 0;
  const nextLine = async (): Promise<string | undefined> => {
    for (;;) {
      const { value, done } = await iterator.next();
      if (done) return undefined;
      lineNumber++;
      if (value.trim()) return value;
    }
  };
  const parseLine = (line: string): unknown => {
    try {
      return JSON.parse(line);
    } catch {
      throw new TransferError(`Line ${lineNumber} is not valid JSON.`);
    }
  };

  const first = await nextLine();
  if (first === undefined) throw new TransferError("The file is empty: it is not a Lede export.");
  const headerInput = parseLine(first) as { type?: unknown; version?: unknown } | null;
  if (headerInput?.type !== EXPORT_FORMAT) throw new TransferError(`Line 1 is not a Lede export header (expected "type":"${EXPORT_FORMAT}").`);
  if (headerInput.version !== EXPORT_VERSION)
    throw new TransferError(`This export has format version ${String(headerInput.version)}; this version of Lede reads version ${EXPORT_VERSION}.`);
  const parsedHeader = headerSchema.safeParse(headerInput);
  if (!parsedHeader.success) throw new TransferError(`Line 1 is not a valid export header: ${parsedHeader.error.issues[0]?.message}.`);
  const header = parsedHeader.data;

  const existing = await countRows(db);
  const nonEmpty = Object.values(existing).some((n) => n > 0);
  if (nonEmpty && !options.replace)
    throw new TransferError(
      `The target database is not empty (${describeCounts(existing)}). Import into an empty database, ` +
        "or pass --replace to delete its content and users first.",
    );
  const replaced = nonEmpty ? await wipe(db) : null;

  const imported = emptyCounts();
  try {
    let current: ExportedModel | undefined;
    let chunk: Row[] = [];
    let chunkChars = 0;
    let chunkFirstLine = 0;
    const flush = async () => {
      if (!current || chunk.length === 0) return;
      const rows = chunk;
      const model = current;
      const firstLine = chunkFirstLine;
      chunk = [];
      chunkChars = 0;
      try {
        await db.$transaction(async (tx) => {
          imported[model] += (await delegateOf(tx, model).createMany({ data: rows })).count;
        });
      } catch (error) {
        throw new TransferError(`Could not write the ${model} rows from line ${firstLine} on: ${problemOf(error)}`, { cause: error });
      }
    };
    const finishTable = async () => {
      await flush();
      if (current) options.onTable?.(current, imported[current]);
    };

    for (let line = await nextLine(); line !== undefined; line = await nextLine()) {
      const parsed = recordSchema.safeParse(parseLine(line));
      if (!parsed.success) throw new TransferError(`Line ${lineNumber} is not an export record: ${parsed.error.issues[0]?.message}.`);
      const { type, data } = parsed.data;
      if (type !== current) {
        const order = (model?: ExportedModel) => TABLES.findIndex((t) => t.model === model);
        if (order(type) < order(current))
          throw new TransferError(`Line ${lineNumber}: ${type} records must come before ${current} records (the export writes parents first).`);
        await finishTable();
        current = type;
      }
      if (chunk.length === 0) chunkFirstLine = lineNumber;
      chunk.push(toCreateInput(type, data));
      chunkChars += line.length;
      if (chunk.length >= chunkSize || chunkChars >= CHUNK_CHARS) await flush();
    }
    await finishTable();

    // Every row read was written (or flush threw), so `imported` is also what the file held.
    const missing = TABLES.filter((t) => imported[t.model] !== header.counts[t.model]);
    if (missing.length)
      throw new TransferError(
        `The file is incomplete or altered: it holds ${missing.map((t) => `${imported[t.model]} ${t.model} rows where its header counts ${header.counts[t.model]}`).join(", ")}.`,
      );
    const stored = await countRows(db);
    const wrong = TABLES.filter((t) => stored[t.model] !== header.counts[t.model]);
    if (wrong.length)
      throw new TransferError(`After the import the database holds ${wrong.map((t) => `${stored[t.model]} ${t.model} (expected ${header.counts[t.model]})`).join(", ")}.`);
    return { header, counts: stored, replaced };
  } catch (error) {
    // The target was empty (or emptied by --replace) before: leave it empty rather than half-filled.
    const cleaned = await wipe(db).then(
      () => true,
      () => false,
    );
    const message = error instanceof Error ? error.message : String(error);
    const after = cleaned ? "Nothing was imported: the target database is empty again." : "The target database could not be emptied again: rerun with --replace.";
    throw new TransferError(`${message} ${after}`, { cause: error });
  }
}

/** Prisma's messages run over many lines (query, arguments); the last line names the problem. */
function problemOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
  return lines[lines.length - 1] ?? text;
}
