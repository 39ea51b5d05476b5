// What an export holds: every table of prisma/schema.prisma that carries content or people, in the
// order the import must write them (parents before the rows that point at them). Shared by
// export.ts and import.ts, so both databases and both directions go through one description.
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/types";

export const EXPORT_FORMAT = "lede-export";
export const EXPORT_VERSION = 1;

export type Row = Record<string, unknown>;

type TableSpec = {
  model: Prisma.ModelName;
  /** Primary key fields: export pages through the table by them. */
  key: readonly string[];
  /** Json columns, which Prisma writes with a sentinel rather than a plain null. */
  json?: readonly { field: string; nullable: boolean }[];
};

export const TABLES = [
  { model: "User", key: ["id"] },
  { model: "UserToken", key: ["id"] },
  { model: "Category", key: ["id"] },
  { model: "CategorySlugRedirect", key: ["slug"] },
  { model: "Tag", key: ["id"] },
  { model: "TagSlugRedirect", key: ["slug"] },
  { model: "Article", key: ["id"], json: [{ field: "pending", nullable: true }] },
  { model: "ArticleTag", key: ["articleId", "tagId"] },
  { model: "Revision", key: ["id"] },
  { model: "SlugRedirect", key: ["slug"] },
  { model: "Correction", key: ["id"] },
  { model: "AuditEvent", key: ["id"], json: [{ field: "data", nullable: true }] },
  { model: "Setting", key: ["key"], json: [{ field: "value", nullable: false }] },
] as const satisfies readonly TableSpec[];

export type ExportedModel = (typeof TABLES)[number]["model"];
export type Counts = Record<ExportedModel, number>;

/**
 * Models left out on purpose, with the reason. Every model of the schema is either in TABLES or
 * here (the transfer test checks it), so a new model forces a decision.
 */
export const SKIPPED_MODELS = {
  RateLimit: "login and typo-report counters: short-lived, rebuilt by use",
  CacheInvalidation: "cache bookkeeping: a restarted app renders everything afresh",
} as const satisfies Partial<Record<Prisma.ModelName, string>>;

/** The slice of a Prisma model delegate the transfer uses; identical on both generated clients. */
export type Delegate = {
  findMany(args: object): Promise<Row[]>;
  count(): Promise<number>;
  createMany(args: { data: Row[] }): Promise<{ count: number }>;
  deleteMany(): Promise<{ count: number }>;
};

export type Client = Db | Prisma.TransactionClient;

export function delegateOf(client: Client, model: ExportedModel): Delegate {
  const name = model.charAt(0).toLowerCase() + model.slice(1);
  return (client as unknown as Record<string, Delegate>)[name]!;
}

export function tableOf(model: string): (typeof TABLES)[number] | undefined {
  return TABLES.find((table) => table.model === model);
}

export const emptyCounts = (): Counts => Object.fromEntries(TABLES.map((t) => [t.model, 0])) as Counts;

export async function countRows(client: Client): Promise<Counts> {
  const counts = emptyCounts();
  for (const { model } of TABLES) counts[model] = await delegateOf(client, model).count();
  return counts;
}

/** "3 User, 120 Article, …" (tables with rows only), for messages and summaries. */
export const describeCounts = (counts: Counts): string =>
  TABLES.filter((t) => counts[t.model] > 0)
    .map((t) => `${counts[t.model].toLocaleString("en-US")} ${t.model}`)
    .join(", ") || "no rows";

/** A message for people, shown without a stack trace by the scripts. */
export class TransferError extends Error {
  override name = "TransferError";
}

/**
 * Long enough for 100k articles on a slow disk; a bound is still needed because Prisma rolls back
 * (and SQLite keeps its WAL growing behind) an interactive transaction that never ends.
 */
export const LONG_TRANSACTION = { maxWait: 30_000, timeout: 60 * 60 * 1000 } as const;
