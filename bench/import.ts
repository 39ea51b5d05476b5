// `npx tsx bench/import.ts [N=10000]`: generates N varied source documents in a
// temp folder, imports them into a fresh database (a temp SQLite file, or a
// temp database on the PostgreSQL server DATABASE_URL names), and reports
// documents per second for the first import and for the idempotent re-run.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { collectSourceFiles, readSourceDocuments } from "@/lib/import/sources";
import { importDocuments, type ImportSummary } from "@/lib/import/write";

const FILES_PER_FOLDER = 1000;

const VOCABULARY = {
  en: "government minister president talks agreement economy energy pipeline summit delegation border region security parliament budget reform exports gas oil market bank growth forecast election court ruling ceasefire negotiations visit capital cooperation investment project railway airport port festival football championship".split(" "),
  az: "hökumət nazir prezident danışıqlar razılaşma iqtisadiyyat enerji boru kəməri sammit nümayəndə heyəti sərhəd region təhlükəsizlik parlament büdcə islahat ixrac qaz neft bazar bank artım proqnoz seçki məhkəmə qərar atəşkəs səfər paytaxt əməkdaşlıq investisiya layihə dəmir yolu hava limanı liman festival futbol çempionat".split(" "),
  ru: "правительство министр президент переговоры соглашение экономика энергетика трубопровод саммит делегация граница регион безопасность парламент бюджет реформа экспорт газ нефть рынок банк рост прогноз выборы суд решение перемирие визит столица сотрудничество инвестиции проект железная дорога аэропорт порт фестиваль футбол чемпионат".split(" "),
};
const CATEGORIES = {
  en: ["Other countries", "Politics", "Business", "Energy", "Sports", "Society", "ICT", "Analytics"],
  az: ["Xarici siyasət", "Daxili siyasət", "Biznes", "Energetika", "İdman", "Cəmiyyət"],
  ru: ["В мире", "Политика", "Бизнес", "Энергетика", "Спорт", "Общество"],
};
const MONTHS = "January February March April May June July August September October November December".split(" ");

type Language = keyof typeof VOCABULARY;

/** Deterministic pseudo-random numbers (mulberry32), so every run imports the same documents. */
function randomSource(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]) => items[int(0, items.length - 1)]!;
  return { next, int, pick };
}

type Random = ReturnType<typeof randomSource>;

function sentence(random: Random, language: Language): string {
  const words = Array.from({ length: random.int(8, 20) }, () => random.pick(VOCABULARY[language]));
  const text = words.join(" ");
  const quoted = random.next() < 0.2 ? ` “${random.pick(VOCABULARY[language])}” — ${random.pick(VOCABULARY[language])}` : "";
  return `${text[0]!.toUpperCase()}${text.slice(1)}${quoted}.`;
}

/** One document in the seeds/ layout, with the variations real exports show. */
function generateDocument(index: number, random: Random, previousTitle: string): { text: string; title: string } {
  const language: Language = index % 20 < 12 ? "en" : index % 20 < 17 ? "az" : "ru";
  // Now and then a different story under an earlier headline, so slugs collide.
  const title =
    index % 50 === 49
      ? previousTitle
      : Array.from({ length: random.int(6, 11) }, () => random.pick(VOCABULARY[language])).join(" ").replace(/^./, (c) => c.toUpperCase());
  if (index % 100 === 99) return { text: title, title }; // malformed: nothing but a title

  const lead = sentence(random, language).slice(0, -1);
  const dateline = `${random.pick(MONTHS)} ${random.int(1, 28)}, ${random.int(2015, 2025)} ${String(random.int(0, 23)).padStart(2, "0")}:${String(random.int(0, 59)).padStart(2, "0")}`;
  const header = [
    title,
    "",
    ...(index % 20 === 3 ? [] : [`${title} ${lead}`]),
    ...(index % 33 === 5 ? [] : [random.pick(CATEGORIES[language])]),
    ...(index % 30 === 7 ? [] : [dateline]),
    title,
    "",
  ];
  const paragraphs = Array.from({ length: random.int(3, 8) }, () =>
    Array.from({ length: random.int(2, 5) }, () => sentence(random, language)).join(" "),
  );
  const chrome = ["Latest news", "", ...Array.from({ length: 5 }, () => `${random.int(10, 23)}:${random.int(10, 59)}\n${sentence(random, language)}`), "", "Orphus sistemi"];
  let text = [...header, paragraphs.join("\n\n"), "", ...chrome].join("\n");
  if (index % 20 === 11) text = text.replace(/\n/g, "\r\n");
  if (index % 40 === 13) text = `\uFEFF${text}`;
  return { text, title };
}

async function generateDocuments(count: number, dir: string): Promise<void> {
  const random = randomSource(20241118);
  let previousTitle = "Opening headline";
  for (let start = 0; start < count; start += FILES_PER_FOLDER) {
    const folder = path.join(dir, String(start / FILES_PER_FOLDER).padStart(3, "0"));
    await mkdir(folder, { recursive: true });
    const writes: Promise<void>[] = [];
    for (let index = start; index < Math.min(count, start + FILES_PER_FOLDER); index++) {
      const { text, title } = generateDocument(index, random, previousTitle);
      previousTitle = title;
      writes.push(writeFile(path.join(folder, `${String(index).padStart(6, "0")}.txt`), text));
    }
    await Promise.all(writes);
  }
}

/** A throw-away database: a SQLite file in `dir`, or a new database on DATABASE_URL's PostgreSQL server. */
async function freshDatabase(dir: string): Promise<{ url: string; label: string; drop: () => Promise<void> }> {
  const baseUrl = process.env.DATABASE_URL ?? "";
  if (!/^postgres(ql)?:\/\//i.test(baseUrl)) {
    return { url: `file:${path.join(dir, "bench.db")}`, label: "SQLite (temp file)", drop: async () => {} };
  }
  const name = `lede_bench_${process.pid}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), label: `PostgreSQL (temp database ${name})`, drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

const elapsedSince = (start: number) => performance.now() - start;
/** CPU time (user + system) this process used since `start`: steadier than wall time on a busy machine. */
const cpuMsSince = (start: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(start);
  return Math.round((user + system) / 1000);
};
const rate = (docs: number, ms: number) => `${Math.round((docs / ms) * 1000).toLocaleString("en-US")} docs/s`;
const counts = (summary: ImportSummary) => `imported ${summary.imported}, skipped ${summary.skipped}, rejected ${summary.rejected}`;

async function main() {
  const count = Number(process.argv[2] ?? 10_000);
  if (!Number.isInteger(count) || count < 1) throw new Error(`N must be a positive whole number (got "${process.argv[2]}")`);
  const dir = await mkdtemp(path.join(os.tmpdir(), "lede-bench-"));
  const database = await freshDatabase(dir);
  try {
    let start = performance.now();
    await generateDocuments(count, path.join(dir, "seeds"));
    console.log(`Generated ${count} documents in ${Math.round(elapsedSince(start))} ms`);

    await migrate(database.url);
    const db = createClient(database.url);
    try {
      start = performance.now();
      let cpu = process.cpuUsage();
      const docs = await readSourceDocuments(await collectSourceFiles([path.join(dir, "seeds")]), dir);
      const readMs = elapsedSince(start);
      const first = await importDocuments(db, docs, { timeZone: "Asia/Baku" });
      const firstMs = elapsedSince(start);
      const firstCpu = cpuMsSince(cpu);
      start = performance.now();
      cpu = process.cpuUsage();
      const again = await importDocuments(db, docs, { timeZone: "Asia/Baku" });
      const againMs = elapsedSince(start);
      const againCpu = cpuMsSince(cpu);

      console.log(`Database: ${database.label}`);
      console.log(
        `Import:    ${counts(first)} in ${Math.round(firstMs)} ms (reading files ${Math.round(readMs)} ms; ` +
          `this process's CPU ${firstCpu} ms) → ${rate(count, firstMs)}`,
      );
      console.log(`Re-import: ${counts(again)} in ${Math.round(againMs)} ms (CPU ${againCpu} ms) → ${rate(count, againMs)}`);
    } finally {
      await db.$disconnect();
    }
  } finally {
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
