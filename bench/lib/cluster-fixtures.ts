// A throw-away PostgreSQL database for a cluster run (bench or fault script),
// brought up the way `npm start` does it (scripts/prepare.ts: migrations, the
// seeds/, the first admin from ADMIN_EMAIL/ADMIN_PASSWORD), plus generated
// agency documents through the real importer so readers have articles to read.
import { spawnSync } from "node:child_process";
import pg from "pg";
import { createClient } from "@/lib/db/client";
import { importDocuments, type SourceDocument } from "@/lib/import/write";

export const PG_SERVER_URL = process.env.CLUSTER_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export const ADMIN = { email: "cluster-admin@lede.test", password: "cluster admin password 1", name: "Cluster Admin" };

async function onServer<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_SERVER_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export type FreshDatabase = { name: string; url: string; drop: () => Promise<void> };

/** Creates database `name` (dropping a leftover of the same name first). */
export async function createDatabase(name: string): Promise<FreshDatabase> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad database name ${name}`);
  await onServer(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
  const url = new URL(PG_SERVER_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => onServer(async (client) => void (await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))),
  };
}

/** Migrations, seeds/ and the first admin, exactly as `npm start` prepares a database. */
export function prepareDatabase(url: string): void {
  const result = spawnSync("node_modules/.bin/tsx", ["scripts/prepare.ts"], {
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, DATABASE_URL: url, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, ADMIN_NAME: ADMIN.name },
  });
  if (result.status !== 0) throw new Error(`scripts/prepare.ts failed: ${result.stderr || result.stdout || result.error?.message}`);
}

const WORDS =
  "government minister president talks agreement economy energy pipeline summit delegation border region security parliament budget reform exports gas oil market bank growth forecast election court ruling ceasefire negotiations visit capital cooperation investment project railway airport port festival football championship".split(
    " ",
  );
const CATEGORIES = ["Politics", "Business", "Energy", "Sports", "Society", "Other countries"];
const MONTHS = "January February March April May June July August September October November December".split(" ");

/** Deterministic pseudo-random numbers (mulberry32): every run reads the same site. */
function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]) => items[int(0, items.length - 1)]!;
  return { int, pick };
}

function sentence(r: ReturnType<typeof random>): string {
  const text = Array.from({ length: r.int(10, 22) }, () => r.pick(WORDS)).join(" ");
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** `count` documents in the seeds/ layout, about the size of a real agency story. */
export function generateDocuments(count: number): SourceDocument[] {
  const r = random(20261126);
  return Array.from({ length: count }, (_, index) => {
    const title = `${Array.from({ length: r.int(5, 9) }, () => r.pick(WORDS)).join(" ").replace(/^./, (c) => c.toUpperCase())} ${index + 1}`;
    const lead = sentence(r).slice(0, -1);
    const dateline = `${r.pick(MONTHS)} ${r.int(1, 28)}, ${r.int(2023, 2025)} ${String(r.int(0, 23)).padStart(2, "0")}:${String(r.int(0, 59)).padStart(2, "0")}`;
    const paragraphs = Array.from({ length: r.int(6, 12) }, () => Array.from({ length: r.int(3, 6) }, () => sentence(r)).join(" "));
    const text = [title, "", `${title} ${lead}`, r.pick(CATEGORIES), dateline, title, "", paragraphs.join("\n\n"), "", "Latest news", "", "Orphus sistemi"].join("\n");
    return { fileName: `cluster-fixture-${String(index).padStart(4, "0")}.txt`, text };
  });
}

/** Imports `count` generated stories through the real importer; returns every published slug. */
export async function importFixtures(url: string, count: number): Promise<string[]> {
  const db = createClient(url);
  try {
    const summary = await importDocuments(db, generateDocuments(count), { timeZone: "UTC" });
    if (summary.rejected > 0) throw new Error(`fixture import rejected ${summary.rejected} documents`);
    const rows = await db.article.findMany({ where: { status: "PUBLISHED" }, select: { slug: true }, orderBy: { publishedAt: "desc" } });
    return rows.map((row) => row.slug);
  } finally {
    await db.$disconnect();
  }
}

/** Words that occur in the fixtures, for search queries that find something. */
export const SEARCH_WORDS: readonly string[] = WORDS;

/** A direct client on the run's database, for assertions (reads only, never the app's writes). */
export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
