// `npm run seed` imports every *.txt under seeds/; `npm run seed -- <file-or-folder>…`
// imports just those. Exit code: 0 all imported or skipped, 1 some document was
// rejected (the others are still imported), 2 the import could not run at all.
import { databaseUrl } from "@/lib/config";
import { createClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { collectSourceFiles, readSourceDocuments } from "@/lib/import/sources";
import { importDocuments, type ImportResult } from "@/lib/import/write";
import { isTimeZone } from "@/lib/settings/schema";

const DEFAULT_SOURCE = "seeds";

async function main(): Promise<number> {
  const started = performance.now();
  const timeZone = process.env.SITE_TIME_ZONE?.trim() || "UTC";
  if (!isTimeZone(timeZone)) {
    throw new Error(`SITE_TIME_ZONE "${timeZone}" is not a known time zone (use an IANA name such as Asia/Baku)`);
  }
  const args = process.argv.slice(2);
  const docs = await readSourceDocuments(await collectSourceFiles(args.length > 0 ? args : [DEFAULT_SOURCE]));

  const url = databaseUrl();
  await migrate(url);
  const db = createClient(url);
  try {
    const summary = await importDocuments(db, docs, { timeZone });
    const elapsed = Math.round(performance.now() - started);
    const report = summary.results.flatMap(formatResult);
    report.push(`Imported ${summary.imported}, skipped ${summary.skipped}, rejected ${summary.rejected} in ${elapsed} ms`);
    process.stdout.write(`${report.join("\n")}\n`);
    return summary.rejected > 0 ? 1 : 0;
  } finally {
    await db.$disconnect();
  }
}

const INDENT = " ".repeat(10);

function formatResult(result: ImportResult): string[] {
  const label = result.status.padEnd(INDENT.length);
  const warnings = result.warnings.map((warning) => `${INDENT}warning: ${warning}`);
  switch (result.status) {
    case "imported":
      return [`${label}${result.file}  → /articles/${result.slug}`, ...warnings];
    case "skipped":
      return [`${label}${result.file}  (${result.reason})`, ...warnings];
    case "rejected":
      return [`${label}${result.file}:${result.line}  ${result.reason}`, ...warnings];
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`✗ seed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
