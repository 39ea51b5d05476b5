// Child process of bench/reader.ts: times lib/search's searchArticles itself
// (database query, row fetch and snippets; no HTTP, no rendering) on the
// database DATABASE_URL names. Run as
//   node --conditions=react-server --import tsx bench/lib/reader-search-direct.ts '<json>'
// where <json> is { queries: { label, q }[], rounds }. Prints one JSON line.
import { searchArticles } from "@/lib/search";
import { db } from "@/lib/db";

type Input = { queries: { label: string; q: string }[]; rounds: number; nonce: string };

async function main() {
  const input = JSON.parse(process.argv[2] ?? "{}") as Input;
  const timings: Record<string, number[]> = {};
  const totals: Record<string, number> = {};
  // One warm-up pass: connections, prepared statements, page cache.
  for (const { q } of input.queries) await searchArticles(`${q} -${input.nonce}warm`);
  for (let round = 0; round < input.rounds; round += 1) {
    for (const { label, q } of input.queries) {
      const started = process.hrtime.bigint();
      const { total } = await searchArticles(`${q} -${input.nonce}${round}`);
      (timings[label] ??= []).push(Number(process.hrtime.bigint() - started) / 1e6);
      totals[label] = total;
    }
  }
  await db.$disconnect();
  process.stdout.write(`DIRECT_JSON ${JSON.stringify({ timings, totals })}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
