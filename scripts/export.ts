// `npm run -s export -- [file|-]`: writes every content and user table of the database at
// DATABASE_URL (default data/lede.db) as NDJSON to the file, or to stdout (default, or `-`).
// Use `npm run -s` (silent) when writing to stdout, so npm's banner stays out of the data.
// A file is written under a temporary name and renamed when complete. Summary on stderr.
import fs from "node:fs";
import { once } from "node:events";
import { databaseUrl, dialectOf } from "@/lib/config";
import { createClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { exportData } from "@/lib/transfer/export";
import { TransferError, describeCounts } from "@/lib/transfer/tables";

async function main() {
  const started = performance.now();
  const args = process.argv.slice(2);
  if (args.length > 1 || args.some((a) => a.startsWith("--") && a !== "-"))
    throw new TransferError("Usage: npm run -s export -- [file|-]   (default: stdout)");
  const target = args[0] && args[0] !== "-" ? args[0] : undefined;
  // A plain `npm run export > file` would put npm's "> lede@… export" banner into the file.
  if (!target && process.env.npm_lifecycle_event && process.env.npm_config_loglevel !== "silent" && !process.stdout.isTTY)
    throw new TransferError("npm prints its banner to stdout, which would corrupt the export: use `npm run -s export > file` or `npm run export -- file`.");

  const url = databaseUrl();
  await migrate(url);
  const db = createClient(url);
  const partial = target ? `${target}.partial` : undefined;
  const out = partial ? fs.createWriteStream(partial) : process.stdout;
  try {
    const writeLine = (line: string) => (out.write(`${line}\n`) ? undefined : once(out, "drain"));
    const { counts } = await exportData(db, writeLine);
    if (partial && target) {
      out.end();
      await once(out, "finish");
      fs.renameSync(partial, target);
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    process.stderr.write(
      `✔ Exported ${total.toLocaleString("en-US")} rows from the ${dialectOf(url)} database to ${target ?? "stdout"} in ${seconds} s\n  ${describeCounts(counts)}\n`,
    );
  } catch (error) {
    if (partial) {
      out.destroy();
      fs.rmSync(partial, { force: true });
    }
    throw error;
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  const known = error instanceof TransferError;
  console.error(`✗ export: ${error instanceof Error ? error.message : String(error)}`);
  if (!known && process.env.DEBUG && error instanceof Error) console.error(error.stack);
  process.exit(1);
});
