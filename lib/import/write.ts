// Thin writer for parsed source documents: one PUBLISHED article (plus its
// IMPORT revision) per new document. A document's identity is the hash of its
// normalised text, so importing the same files again skips them.
//
// Speed comes from working in chunks: each chunk costs a handful of queries
// (existing hashes, taken slugs, one multi-row insert per table) in one
// transaction, instead of several queries per document.
import type { Db } from "@/lib/db/client";
import { paragraphsToHtml } from "@/lib/text/html";
import { parseDocument, type ParsedArticle } from "./parse";

export interface SourceDocument {
  /** Shown in results and stored as Article.sourceFile. */
  fileName: string;
  text: string;
}

export interface ImportOptions {
  /** IANA time zone the datelines are written in. */
  timeZone: string;
  /** Publication time of documents without a dateline (default: the time of import). */
  now?: Date;
  /** Author of the imported articles; imports have none by default. */
  authorId?: string;
  /** Documents per transaction. */
  chunkSize?: number;
}

export type ImportStatus = "imported" | "skipped" | "rejected";

export interface ImportResult {
  file: string;
  status: ImportStatus;
  reason?: string;
  /** For a rejected document: the 1-based line the reason refers to. */
  line?: number;
  warnings: string[];
  slug?: string;
}

export interface ImportSummary {
  results: ImportResult[];
  imported: number;
  skipped: number;
  rejected: number;
}

interface Candidate {
  /** Position in the input, so results come back in input order. */
  index: number;
  file: string;
  article: ParsedArticle;
  warnings: string[];
}

type IndexedResult = [index: number, result: ImportResult];

const DEFAULT_CHUNK_SIZE = 500;
const ATTEMPTS_PER_CHUNK = 3;

export async function importDocuments(
  db: Db,
  docs: readonly SourceDocument[],
  opts: ImportOptions,
): Promise<ImportSummary> {
  const results: ImportResult[] = new Array(docs.length);
  const { candidates, settled } = parseAll(docs, opts);
  for (const [index, result] of settled) results[index] = result;

  const categoryIds = await ensureCategories(db, candidates.map((candidate) => candidate.article.category));
  for (const chunk of chunksOf(candidates, opts.chunkSize ?? DEFAULT_CHUNK_SIZE)) {
    for (const [index, result] of await importChunk(db, chunk, categoryIds, opts)) results[index] = result;
  }
  return summarise(results);
}

/** Parses every document; rejects and repeats within this batch are settled at once. */
function parseAll(docs: readonly SourceDocument[], opts: ImportOptions) {
  const candidates: Candidate[] = [];
  const settled: IndexedResult[] = [];
  const fileByHash = new Map<string, string>();
  docs.forEach((doc, index) => {
    const parsed = parseDocument(doc.text, { fileName: doc.fileName, timeZone: opts.timeZone, now: opts.now });
    if (!parsed.ok) {
      const { line, reason } = parsed.error;
      settled.push([index, { file: doc.fileName, status: "rejected", line, reason, warnings: [] }]);
      return;
    }
    const { article, warnings } = parsed;
    const sameText = fileByHash.get(article.sourceHash);
    if (sameText !== undefined) {
      settled.push([index, { file: doc.fileName, status: "skipped", reason: `same text as ${sameText}`, warnings: [], slug: article.slug }]);
      return;
    }
    fileByHash.set(article.sourceHash, doc.fileName);
    candidates.push({ index, file: doc.fileName, article, warnings });
  });
  return { candidates, settled };
}

/** Category ids by slug, creating the categories that do not exist yet. */
async function ensureCategories(db: Db, categories: ParsedArticle["category"][]): Promise<Map<string, string>> {
  const wanted = new Map(categories.map((category) => [category.slug, category]));
  const ids = new Map<string, string>();
  if (wanted.size === 0) return ids;

  const existing = await db.category.findMany({
    where: { OR: [{ slug: { in: [...wanted.keys()] } }, { name: { in: [...wanted.values()].map((c) => c.name) } }] },
    select: { id: true, slug: true, name: true },
  });
  for (const { slug, name } of wanted.values()) {
    // An editor may have renamed a category's slug: a category of the same name is the same category.
    const match = existing.find((category) => category.slug === slug) ?? existing.find((category) => category.name === name);
    if (match) ids.set(slug, match.id);
  }
  for (const { slug, name } of wanted.values()) {
    if (ids.has(slug)) continue;
    // upsert rather than create: another import may be creating the same category right now.
    const created = await db.category.upsert({ where: { slug }, create: { slug, name }, update: {}, select: { id: true } });
    ids.set(slug, created.id);
  }
  return ids;
}

async function importChunk(
  db: Db,
  chunk: Candidate[],
  categoryIds: Map<string, string>,
  opts: ImportOptions,
): Promise<IndexedResult[]> {
  for (let attempt = 1; ; attempt++) {
    const { skipped, fresh } = await planChunk(db, chunk);
    try {
      await writeArticles(db, fresh, categoryIds, opts);
      const imported = fresh.map(({ candidate, slug }): IndexedResult => [
        candidate.index,
        { file: candidate.file, status: "imported", warnings: candidate.warnings, slug },
      ]);
      return [...skipped, ...imported];
    } catch (error) {
      // Another import wrote one of these documents or slugs in the meantime: plan again against what is there now.
      if (!isUniqueViolation(error) || attempt === ATTEMPTS_PER_CHUNK) throw error;
    }
  }
}

interface PlannedArticle {
  candidate: Candidate;
  slug: string;
}

/** Splits a chunk into documents already in the database and new ones, each with a free slug. */
async function planChunk(db: Db, chunk: Candidate[]): Promise<{ skipped: IndexedResult[]; fresh: PlannedArticle[] }> {
  const existing = await db.article.findMany({
    where: { sourceHash: { in: chunk.map((candidate) => candidate.article.sourceHash) } },
    select: { sourceHash: true, slug: true },
  });
  const existingSlugByHash = new Map(existing.map((article) => [article.sourceHash, article.slug]));

  const skipped: IndexedResult[] = [];
  const newCandidates: Candidate[] = [];
  for (const candidate of chunk) {
    const slug = existingSlugByHash.get(candidate.article.sourceHash);
    if (slug === undefined) newCandidates.push(candidate);
    else skipped.push([candidate.index, { file: candidate.file, status: "skipped", reason: "already imported", warnings: [], slug }]);
  }

  const taken = await findTakenSlugs(db, newCandidates.map((candidate) => candidate.article.slug));
  const fresh = newCandidates.map((candidate) => {
    const slug = firstFreeSlug(candidate.article.slug, taken);
    taken.add(slug);
    return { candidate, slug };
  });
  return { skipped, fresh };
}

/**
 * Slugs in use (by articles or as redirects) among the wanted ones and, for
 * wanted slugs that are contested, their numbered variants (-2, -3…).
 */
async function findTakenSlugs(db: Db, wanted: string[]): Promise<Set<string>> {
  const unique = [...new Set(wanted)];
  const taken = await findSlugs(db, { in: unique });
  const wantedTwice = wanted.filter((slug, i) => wanted.indexOf(slug) !== i);
  const contested = [...new Set([...unique.filter((slug) => taken.has(slug)), ...wantedTwice])];
  for (const slug of contested) {
    for (const variant of await findSlugs(db, { startsWith: `${slug}-` })) taken.add(variant);
  }
  return taken;
}

async function findSlugs(db: Db, filter: { in: string[] } | { startsWith: string }): Promise<Set<string>> {
  const [articles, redirects] = await Promise.all([
    db.article.findMany({ where: { slug: filter }, select: { slug: true } }),
    db.slugRedirect.findMany({ where: { slug: filter }, select: { slug: true } }),
  ]);
  return new Set([...articles, ...redirects].map((row) => row.slug));
}

function firstFreeSlug(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/** One transaction: the chunk's articles, then one IMPORT revision for each. */
async function writeArticles(db: Db, planned: PlannedArticle[], categoryIds: Map<string, string>, opts: ImportOptions) {
  if (planned.length === 0) return;
  const authorId = opts.authorId ?? null;
  const rows = planned.map(({ candidate: { article, file }, slug }) => ({
    slug,
    title: article.title,
    lead: article.lead,
    body: paragraphsToHtml(article.paragraphs),
    status: "PUBLISHED" as const,
    publishedAt: article.publishedAt,
    authorId,
    categoryId: categoryIds.get(article.category.slug) ?? null,
    sourceHash: article.sourceHash,
    sourceFile: file,
  }));

  await db.$transaction(
    async (tx) => {
      const created = await tx.article.createManyAndReturn({ data: rows, select: { id: true, sourceHash: true } });
      const idByHash = new Map(created.map((article) => [article.sourceHash, article.id]));
      await tx.revision.createMany({
        data: rows.map((row) => ({
          articleId: idByHash.get(row.sourceHash)!,
          authorId,
          kind: "IMPORT",
          version: 1,
          title: row.title,
          lead: row.lead,
          body: row.body,
          slug: row.slug,
          categoryId: row.categoryId,
          status: row.status,
        })),
      });
    },
    { maxWait: 30_000, timeout: 120_000 },
  );
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

function* chunksOf<T>(items: T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}

function summarise(results: ImportResult[]): ImportSummary {
  const count = (status: ImportStatus) => results.filter((result) => result.status === status).length;
  return { results, imported: count("imported"), skipped: count("skipped"), rejected: count("rejected") };
}
