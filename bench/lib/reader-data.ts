// The reader bench's database: ~100,000 published articles in English,
// Azerbaijani and Russian, written with bulk inserts (one transaction of
// prepared statements on SQLite, `unnest` batches on PostgreSQL), so that
// generating it takes seconds rather than the ORM's minutes. Search terms
// occur at known rates (SEARCH_TERMS), and one long article is the page the
// bench measures. The data is deterministic; a marker row lets later runs
// reuse it.
import Database from "better-sqlite3";
import pg from "pg";
import { migrate } from "@/lib/db/migrate";

export const DATASET_VERSION = "reader-bench-v1";
const MARKER_KEY = "bench.reader.dataset";
/** Newest article (the measured one) is published at BASE_TIME; the others every 7 minutes before it. */
const BASE_TIME = Date.UTC(2026, 10, 30, 12, 0);
const STEP_MS = 7 * 60_000;

/** Words inserted at known rates, so search is measured on common, mid and rare terms in every script. */
export const SEARCH_TERMS = {
  /** In every third article (i % 3 == 0), whatever its language. */
  common: "pipeline",
  /** "oil pipeline" as a phrase in every sixth article. */
  phrase: "oil pipeline",
  /** Every tenth article. */
  mid: "summit",
  /** One article in a hundred. */
  rare: "ceasefire",
  /** A third of the Azerbaijani articles (≈8 % of all). */
  azerbaijani: "əməkdaşlıq",
  /** A third of the Russian articles (≈5 % of all). */
  cyrillic: "экономика",
} as const;

export const MEASURED_ARTICLE = { slug: "bench-measured-article", category: "energy" };

type Language = "en" | "az" | "ru";

const SYLLABLES: Record<Language, { consonants: string[]; vowels: string[] }> = {
  en: { consonants: "b c d f g h k l m n p r s t v w z br st tr pl gr".split(" "), vowels: "a e i o u ea ou".split(" ") },
  az: { consonants: "b c ç d f g ğ h x k q l m n p r s ş t v y z".split(" "), vowels: "a e ə ı i o ö u ü".split(" ") },
  ru: { consonants: "б в г д ж з к л м н п р с т ф х ц ч ш".split(" "), vowels: "а е и о у ы я ю".split(" ") },
};
const VOCABULARY_SIZE = 6000;

/** Deterministic pseudo-random numbers (mulberry32). */
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

/** Invented words with a Zipf distribution (a few very common, a long tail), like real text. */
function vocabulary(language: Language, random: Random) {
  const { consonants, vowels } = SYLLABLES[language];
  const reserved = new Set<string>(Object.values(SEARCH_TERMS).flatMap((term) => term.split(" ")));
  const words = new Set<string>();
  while (words.size < VOCABULARY_SIZE) {
    let word = "";
    for (let syllable = random.int(1, 4); syllable > 0; syllable -= 1) word += random.pick(consonants) + random.pick(vowels);
    if (!reserved.has(word)) words.add(word);
  }
  const list = [...words];
  const cumulative = new Float64Array(list.length);
  let sum = 0;
  list.forEach((_, rank) => (cumulative[rank] = sum += 1 / (rank + 1)));
  return () => {
    const target = random.next() * sum;
    let low = 0;
    let high = list.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return list[low]!;
  };
}

const capitalize = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

type Generated = {
  id: string;
  slug: string;
  title: string;
  lead: string;
  body: string;
  publishedAt: Date;
  categoryIndex: number;
  authorIndex: number;
  tagIndexes: number[];
};

const CATEGORIES = ["Politics", "Business", "Energy", "Sports", "Society", "Xarici siyasət", "Mədəniyyət", "В мире"];
const AUTHORS = Array.from({ length: 24 }, (_, index) => ["Aynur Əliyeva", "Rəşad Məmmədov", "Ольга Смирнова", "James Porter", "Leyla Hüseynova", "Иван Петров"][index % 6] + ` ${index + 1}`);
const TAGS = Array.from({ length: 40 }, (_, index) => `${["Oil", "Gas", "Elections", "Football", "Baku", "Caspian", "Markets", "Climate"][index % 8]} ${Math.floor(index / 8) + 1}`);
const slugify = (text: string) =>
  text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-|-$/g, "");

class Generator {
  private random = randomSource(20261130);
  private words: Record<Language, () => string>;

  constructor() {
    this.words = { en: vocabulary("en", this.random), az: vocabulary("az", this.random), ru: vocabulary("ru", this.random) };
  }

  private sentence(language: Language, count: number, extra: string[] = []): string {
    const words = Array.from({ length: count }, () => this.words[language]());
    for (const word of extra) words.splice(this.random.int(0, words.length), 0, word);
    return capitalize(words.join(" ")) + ".";
  }

  article(index: number): Generated {
    const language: Language = index % 20 < 12 ? "en" : index % 20 < 17 ? "az" : "ru";
    const extra: string[] = [];
    if (index % 6 === 0) extra.push(SEARCH_TERMS.phrase);
    else if (index % 3 === 0) extra.push(SEARCH_TERMS.common);
    if (index % 10 === 0) extra.push(SEARCH_TERMS.mid);
    if (index % 100 === 7) extra.push(SEARCH_TERMS.rare);
    if (index % 3 === 1 && language === "az") extra.push(SEARCH_TERMS.azerbaijani);
    if (index % 3 === 1 && language === "ru") extra.push(SEARCH_TERMS.cyrillic);
    const paragraphs = Array.from({ length: this.random.int(4, 8) }, () => [this.sentence(language, this.random.int(8, 20)), this.sentence(language, this.random.int(10, 24))]);
    // The terms go into random paragraphs; now and then the common one is in the title too (it ranks higher).
    for (const word of extra) paragraphs[this.random.int(0, paragraphs.length - 1)]!.push(this.sentence(language, this.random.int(4, 10), [word]));
    const titleExtra = index % 9 === 0 ? [SEARCH_TERMS.common] : [];
    const title = this.sentence(language, this.random.int(5, 9), titleExtra).slice(0, -1);
    return {
      id: `bench${index.toString(36).padStart(5, "0")}`,
      slug: `${slugify(title).slice(0, 60)}-${index}`,
      title,
      lead: this.sentence(language, this.random.int(14, 26)),
      body: paragraphs.map((sentences) => `<p>${sentences.join(" ")}</p>`).join("\n"),
      publishedAt: new Date(BASE_TIME - (index + 1) * STEP_MS),
      categoryIndex: index % CATEGORIES.length,
      authorIndex: index % AUTHORS.length,
      tagIndexes: index % 4 === 0 ? [index % TAGS.length, (index * 7 + 3) % TAGS.length].filter((tag, position, all) => all.indexOf(tag) === position) : [],
    };
  }

  /** The page the bench measures: a long story with the usual furniture (subheads, a quote, a list, tags). */
  measuredArticle(): Generated {
    const paragraph = (language: Language) => `<p>${[0, 1, 2, 3].map(() => this.sentence(language, this.random.int(12, 22))).join(" ")}</p>`;
    const body = [
      paragraph("en"),
      paragraph("en"),
      `<h2>${this.sentence("en", 5).slice(0, -1)}</h2>`,
      paragraph("az"),
      `<blockquote><p>“${this.sentence("az", 18)}” — ${AUTHORS[0]}</p></blockquote>`,
      paragraph("en"),
      `<ul><li>${this.sentence("en", 9)}</li><li>${this.sentence("en", 11)}</li><li>${this.sentence("ru", 10)}</li></ul>`,
      paragraph("ru"),
      `<h2>${this.sentence("en", 4).slice(0, -1)}</h2>`,
      paragraph("en"),
      paragraph("az"),
      `<p>${this.sentence("en", 14)} <a href="https://example.org/report">${this.sentence("en", 3).slice(0, -1)}</a> ${this.sentence("en", 12)}</p>`,
      paragraph("en"),
      paragraph("en"),
    ].join("\n");
    return {
      id: "benchmeasured",
      slug: MEASURED_ARTICLE.slug,
      title: "Caspian pipeline deal: ministers agree on the route, the price and əməkdaşlıq",
      lead: this.sentence("en", 32),
      body,
      publishedAt: new Date(BASE_TIME),
      categoryIndex: CATEGORIES.findIndex((name) => slugify(name) === MEASURED_ARTICLE.category),
      authorIndex: 0,
      tagIndexes: [0, 1, 5],
    };
  }
}

const categoryId = (index: number) => `benchcat${index}`;
const authorId = (index: number) => `benchauthor${index}`;
const tagId = (index: number) => `benchtag${index}`;

export type DatasetInfo = { articles: number; generatedSeconds: number | null };

/** A fresh (or reused) SQLite file with the bench data set. */
export async function prepareSqliteDataset(file: string, count: number, regenerate: boolean): Promise<DatasetInfo> {
  const url = `file:${file}`;
  if (!regenerate) {
    const existing = readMarkerSqlite(file);
    if (existing === `${DATASET_VERSION}:${count}`) {
      // A data set from before a later migration gets it (e.g. a rebuilt search index).
      await migrate(url);
      return { articles: count + 1, generatedSeconds: null };
    }
  }
  const { rmSync } = await import("node:fs");
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  const started = Date.now();
  await migrate(url);
  const sqlite = new Database(file);
  try {
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = OFF");
    const time = (date: Date) => date.toISOString().replace("Z", "+00:00");
    const now = time(new Date(BASE_TIME));
    const insertCategory = sqlite.prepare(`INSERT INTO "Category" ("id", "name", "slug", "description", "position", "createdAt") VALUES (?, ?, ?, ?, ?, ?)`);
    const insertUser = sqlite.prepare(
      `INSERT INTO "User" ("id", "email", "name", "slug", "bio", "role", "sessionVersion", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, 'AUTHOR', 0, ?, ?)`,
    );
    const insertTag = sqlite.prepare(`INSERT INTO "Tag" ("id", "name", "slug") VALUES (?, ?, ?)`);
    const insertArticle = sqlite.prepare(
      `INSERT INTO "Article" ("id", "slug", "title", "lead", "body", "status", "publishedAt", "version", "authorId", "categoryId", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, ?, 'PUBLISHED', ?, 1, ?, ?, ?, ?)`,
    );
    const insertArticleTag = sqlite.prepare(`INSERT INTO "ArticleTag" ("articleId", "tagId") VALUES (?, ?)`);
    const generator = new Generator();
    sqlite.transaction(() => {
      CATEGORIES.forEach((name, index) => insertCategory.run(categoryId(index), name, slugify(name), `News about ${name}.`, index, now));
      AUTHORS.forEach((name, index) => insertUser.run(authorId(index), `author${index}@bench.test`, name, slugify(name), "Staff writer.", now, now));
      TAGS.forEach((name, index) => insertTag.run(tagId(index), name, slugify(name)));
      const write = (article: Generated) => {
        const published = time(article.publishedAt);
        insertArticle.run(article.id, article.slug, article.title, article.lead, article.body, published, authorId(article.authorIndex), categoryId(article.categoryIndex), published, published);
        for (const tag of article.tagIndexes) insertArticleTag.run(article.id, tagId(tag));
      };
      write(generator.measuredArticle());
      for (let index = 0; index < count; index += 1) write(generator.article(index));
    })();
    // One merged FTS5 segment and fresh planner statistics, as a long-running site gets from automerge and `PRAGMA optimize`.
    sqlite.exec(`INSERT INTO "ArticleSearch" ("ArticleSearch") VALUES ('optimize')`);
    sqlite.exec("ANALYZE");
    sqlite
      .prepare(`INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES (?, ?, ?)`)
      .run(MARKER_KEY, JSON.stringify(`${DATASET_VERSION}:${count}`), now);
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    sqlite.close();
  }
  return { articles: count + 1, generatedSeconds: (Date.now() - started) / 1000 };
}

function readMarkerSqlite(file: string): string | null {
  try {
    const sqlite = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const row = sqlite.prepare(`SELECT "value" FROM "Setting" WHERE "key" = ?`).get(MARKER_KEY) as { value: string } | undefined;
      return row ? (JSON.parse(row.value) as string) : null;
    } finally {
      sqlite.close();
    }
  } catch {
    return null;
  }
}

/** A database `name` on the server `adminUrl` names, with the bench data set (created or reused). */
export async function preparePostgresDataset(adminUrl: string, name: string, count: number, regenerate: boolean): Promise<{ url: string } & DatasetInfo> {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount === 1;
    if (exists && !regenerate) {
      const marker = await readMarkerPostgres(databaseUrl);
      if (marker === `${DATASET_VERSION}:${count}`) {
        await migrate(databaseUrl);
        return { url: databaseUrl, articles: count + 1, generatedSeconds: null };
      }
    }
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const started = Date.now();
  await migrate(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SET synchronous_commit = off");
    await client.query("SET maintenance_work_mem = '512MB'");
    const now = new Date(BASE_TIME);
    await client.query("BEGIN");
    // Building the GIN index once after the load is several times faster than updating it per row.
    await client.query(`DROP INDEX "ArticleSearch_searchVector_idx"`);
    for (const [index, name] of CATEGORIES.entries()) {
      await client.query(`INSERT INTO "Category" ("id", "name", "slug", "description", "position", "createdAt") VALUES ($1, $2, $3, $4, $5, $6)`, [
        categoryId(index),
        name,
        slugify(name),
        `News about ${name}.`,
        index,
        now,
      ]);
    }
    for (const [index, name] of AUTHORS.entries()) {
      await client.query(
        `INSERT INTO "User" ("id", "email", "name", "slug", "bio", "role", "sessionVersion", "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, 'Staff writer.', 'AUTHOR', 0, $5, $5)`,
        [authorId(index), `author${index}@bench.test`, name, slugify(name), now],
      );
    }
    for (const [index, name] of TAGS.entries()) {
      await client.query(`INSERT INTO "Tag" ("id", "name", "slug") VALUES ($1, $2, $3)`, [tagId(index), name, slugify(name)]);
    }
    const generator = new Generator();
    const BATCH = 2000;
    let batch: Generated[] = [generator.measuredArticle()];
    const flush = async () => {
      if (batch.length === 0) return;
      const column = <T>(pick: (article: Generated) => T) => batch.map(pick);
      await client.query(
        `INSERT INTO "Article" ("id", "slug", "title", "lead", "body", "status", "publishedAt", "version", "authorId", "categoryId", "createdAt", "updatedAt")
         SELECT id, slug, title, lead, body, 'PUBLISHED'::"ArticleStatus", published, 1, author, category, published, published
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamp(3)[], $7::text[], $8::text[])
           AS t(id, slug, title, lead, body, published, author, category)`,
        [
          column((a) => a.id),
          column((a) => a.slug),
          column((a) => a.title),
          column((a) => a.lead),
          column((a) => a.body),
          column((a) => a.publishedAt.toISOString().replace("T", " ").replace("Z", "")),
          column((a) => authorId(a.authorIndex)),
          column((a) => categoryId(a.categoryIndex)),
        ],
      );
      const pairs = batch.flatMap((article) => article.tagIndexes.map((tag) => [article.id, tagId(tag)] as const));
      if (pairs.length) {
        await client.query(`INSERT INTO "ArticleTag" ("articleId", "tagId") SELECT * FROM unnest($1::text[], $2::text[])`, [
          pairs.map(([article]) => article),
          pairs.map(([, tag]) => tag),
        ]);
      }
      batch = [];
    };
    for (let index = 0; index < count; index += 1) {
      batch.push(generator.article(index));
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    await client.query(`CREATE INDEX "ArticleSearch_searchVector_idx" ON "ArticleSearch" USING GIN ("searchVector")`);
    await client.query(`INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES ($1, $2, $3)`, [MARKER_KEY, JSON.stringify(`${DATASET_VERSION}:${count}`), now]);
    await client.query("COMMIT");
    await client.query("VACUUM ANALYZE");
  } finally {
    await client.end();
  }
  return { url: databaseUrl, articles: count + 1, generatedSeconds: (Date.now() - started) / 1000 };
}

async function readMarkerPostgres(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ value: string }>(`SELECT "value" #>> '{}' AS value FROM "Setting" WHERE "key" = $1`, [MARKER_KEY]);
    return rows[0]?.value ?? null;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}
