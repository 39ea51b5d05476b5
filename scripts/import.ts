// `npm run import -- <file|-> [--replace]`: reads an NDJSON export (from `npm run export`, either
// database) into the database at DATABASE_URL (default data/lede.db), after applying migrations.
// The target must hold no content or users; --replace deletes them first. Summary on stderr.
import fs from "node:fs";
import readline from "node:readline";
import { databaseUrl, dialectOf } from "@/lib/config";
import { createClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { importData } from "@/lib/transfer/import";
import { TransferError, describeCounts } from "@/lib/transfer/tables";

const USAGE = "Usage: npm run import -- <file|-> [--replace]";

async function main() {
  const started = performance.now();
  const args = process.argv.slice(2);
  const replace = args.includes("--replace");
  const files = args.filter((a) => a !== "--replace");
  const unknown = files.filter((a) => a.startsWith("--"));
  if (unknown.length) throw new TransferError(`Unknown option ${unknown.join(", ")}. ${USAGE}`);
  if (files.length !== 1) throw new TransferError(USAGE);
  const source = files[0]!;
  if (source !== "-" && !fs.existsSync(source)) throw new TransferError(`No such file: ${source}`);

  const url = databaseUrl();
  await migrate(url);
  const db = createClient(url);
  try {
    const input = source === "-" ? process.stdin : fs.createReadStream(source, { encoding: "utf8" });
    const lines = readline.createInterface({ input, crlfDelay: Infinity });
    const { counts, replaced, header } = await importData(db, lines, { replace });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const from = header.dialect ? `a ${header.dialect} export of ${header.exportedAt}` : `an export of ${header.exportedAt}`;
    process.stderr.write(
      (replaced ? `› Deleted the previous content: ${describeCounts(replaced)}\n` : "") +
        `✔ Imported ${total.toLocaleString("en-US")} rows from ${from} into the ${dialectOf(url)} database in ${seconds} s; counts verified\n` +
        `  ${describeCounts(counts)}\n`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  const known = error instanceof TransferError;
  console.error(`✗ import: ${error instanceof Error ? error.message : String(error)}`);
  if (!known && process.env.DEBUG && error instanceof Error) console.error(error.stack);
  process.exit(1);
});
