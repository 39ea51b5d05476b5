// `npm run test:faults`: proof under faults for several instances (issue 6).
// Starts its own cluster (two instances + nginx, scripts/lib/cluster.mjs) on a
// fresh PostgreSQL database and the machine's Redis, keeps a background read
// load on the balancer, and checks, each as PASS/FAIL:
//   a. an instance killed (SIGKILL) during the load: the balancer keeps serving
//      (at most the in-flight requests fail); restarted, it serves fresh content;
//   b. PostgreSQL restarted during the load: /api/health 503 on both instances,
//      cached pages still 200, a save fails with a clear message and writes
//      nothing, and everything recovers without restarting the app;
//   c. Redis stopped: pages keep being served, a warning is logged, a publish is
//      visible on both instances within a bounded staleness; Redis back, both
//      instances reconnect and a publish is visible within 1 s again;
//   d. two editors saving one article on different instances: one conflict;
//   e. scheduled articles due while both instances run: published once each.
// Needs root (it stops and starts PostgreSQL and Redis) and is meant to run
// alone. Exit code 0 only when every check passed.
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "@playwright/test";
import { closeAgents, get, runReaders, sleep, waitFor, type Target } from "../bench/lib/cluster-http";
import { ADMIN, createDatabase, importFixtures, prepareDatabase, withClient } from "../bench/lib/cluster-fixtures";
import {
  clickFormButton,
  createDraft,
  createUserViaAdmin,
  launchBrowser,
  leaksInternals,
  openArticle,
  openEditor,
  publishAndWatch,
  schedule,
  setLead,
  type Editor,
  type PublishTiming,
} from "../bench/lib/cluster-editor";
import { startCluster, type Cluster } from "../bench/lib/cluster-run";
import { connectedTo, deleteRedisKeys, postgresReady, startPostgres, startRedis, stopPostgres, stopRedis } from "../bench/lib/cluster-services";

const CLUSTER_NAME = "cluster-faults";
const LB_PORT = Number(process.env.FAULTS_LB_PORT ?? 3200);
const INSTANCE_PORTS = [LB_PORT + 1, LB_PORT + 2];
const REDIS_URL = process.env.FAULTS_REDIS_URL ?? "redis://127.0.0.1:6379/6";
const REDIS_PREFIX = "lede-faults:cache:";
const LOAD_CONCURRENCY = 4;
/** A publish during a Redis outage must be visible everywhere within this after “Published” (the fallback polls the database every ~250 ms). */
const REDIS_OUTAGE_STALENESS_MS = 2000;
const DEADLINE_MS = 6 * 60_000;
/** Longer than the editor's autosave delay (2.5 s after the last keystroke). */
const AUTOSAVE_SETTLE_MS = 3000;
/** `--only=a,d` runs just those scenarios (while debugging one). */
const ONLY = process.argv.find((arg) => arg.startsWith("--only="))?.slice("--only=".length).split(",");

// ── Checks ──────────────────────────────────────────────────────────────────

type Check = { name: string; ok: boolean; detail: string };
type Scenario = { id: string; title: string; checks: Check[]; error?: string; seconds?: number };

const scenarios: Scenario[] = [];

function scenario(id: string, title: string): Scenario {
  const entry: Scenario = { id, title, checks: [] };
  scenarios.push(entry);
  return entry;
}

function check(s: Scenario, name: string, ok: boolean, detail = ""): boolean {
  s.checks.push({ name, ok, detail });
  console.log(`    ${ok ? "✓" : "✗"} ${name}${detail ? ` — ${detail}` : ""}`);
  return ok;
}

async function runScenario(s: Scenario, body: () => Promise<void>): Promise<void> {
  console.log(`\n› ${s.id}. ${s.title}`);
  const started = performance.now();
  try {
    await body();
  } catch (error) {
    s.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.log(`    ✗ aborted: ${error instanceof Error ? error.message : error}`);
  }
  s.seconds = (performance.now() - started) / 1000;
}

const passed = (s: Scenario) => !s.error && s.checks.length > 0 && s.checks.every((c) => c.ok);

// ── Background read load ────────────────────────────────────────────────────

type Sample = { at: number; status: number; path: string };

/** Readers on the balancer for the whole run; every answer is kept with its time. */
class BackgroundLoad {
  readonly samples: Sample[] = [];
  private readonly controller = new AbortController();
  private running: Promise<void> | null = null;
  private n = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly slugs: string[],
  ) {}

  start(): void {
    this.running = runReaders({
      baseUrl: this.baseUrl,
      concurrency: LOAD_CONCURRENCY,
      pick: () => this.pick(),
      record: (target, reply) => this.samples.push({ at: performance.now(), status: reply.status, path: target.path }),
      signal: this.controller.signal,
      timeoutMs: 8000,
    });
  }

  /** Front page, article pages, and article pages with a fresh query string (past the micro-cache, into an instance). */
  private pick(): Target {
    const slug = this.slugs[this.n++ % this.slugs.length]!;
    const roll = this.n % 4;
    if (roll === 0) return { route: "/", path: "/" };
    if (roll === 1) return { route: "article", path: `/articles/${slug}` };
    return { route: "article, past the micro-cache", path: `/articles/${slug}?load=${this.n}` };
  }

  window(from: number, to = performance.now()): { total: number; failed: Sample[] } {
    const inWindow = this.samples.filter((sample) => sample.at >= from && sample.at <= to);
    return { total: inWindow.length, failed: inWindow.filter((sample) => sample.status < 200 || sample.status >= 400) };
  }

  async stop(): Promise<void> {
    this.controller.abort();
    await this.running;
  }
}

const describeFailures = (failed: Sample[]) =>
  failed.length ? ` (${[...new Set(failed.map((f) => `${f.status || "network error"} ${f.path.split("?")[0]}`))].slice(0, 4).join(", ")})` : "";

// ── Helpers ─────────────────────────────────────────────────────────────────

const tag = () => randomUUID().slice(0, 8);

async function health(base: string): Promise<number> {
  return (await get(`${base}/api/health`, { timeoutMs: 5000 })).status;
}

/** ms until `/articles/<slug>` on `base` contains `marker`, polled every 20 ms; null if not within `timeoutMs`. */
function visibleWithin(base: string, slug: string, marker: string, timeoutMs: number): Promise<number | null> {
  return waitFor(async () => (await get(`${base}/articles/${slug}`, { timeoutMs: 3000 })).body.includes(marker), { timeoutMs, intervalMs: 20 });
}

const fmtMs = (value: number | null) => (value === null ? "not visible" : `${Math.round(value)} ms`);

type ArticleRow = { version: number; lead: string | null; status: string; pending: unknown };

async function articleRow(url: string, id: string): Promise<ArticleRow> {
  return withClient(url, async (client) => (await client.query<ArticleRow>('SELECT "version", "lead", "status", "pending" FROM "Article" WHERE "id" = $1', [id])).rows[0]!);
}

async function revisionsOf(url: string, id: string): Promise<{ kind: string; lead: string | null; version: number }[]> {
  return withClient(url, async (client) => (await client.query('SELECT "kind", "lead", "version" FROM "Revision" WHERE "articleId" = $1 ORDER BY "createdAt"', [id])).rows);
}

// ── Scenarios ───────────────────────────────────────────────────────────────

type World = { cluster: Cluster; dbUrl: string; load: BackgroundLoad; browser: Browser; desk: Editor; second: Editor; slugs: string[] };

async function killInstance(w: World, s: Scenario) {
  const { cluster } = w;
  const live = await w.desk.page.context().newPage();
  await openArticle(live, (await createAndPublish(w.desk, "Kill-test story")).id);
  const slug = await live.getByLabel("Slug").inputValue();
  const killedPid = cluster.pids[1]!;

  const killedAt = performance.now();
  await cluster.kill(1);
  await sleep(4000);
  const during = w.load.window(killedAt);
  check(s, "the balancer keeps serving while instance 2 is dead", during.total - during.failed.length > 20, `${during.total - during.failed.length} of ${during.total} requests answered in 4 s`);
  check(s, "at most the in-flight requests fail", during.failed.length <= LOAD_CONCURRENCY, `${during.failed.length} failed (bound ${LOAD_CONCURRENCY})${describeFailures(during.failed)}`);

  // A change made while it is down must not be missed when it comes back.
  const marker = `Changed while instance 2 was down ${tag()}`;
  await setLead(live, marker);
  const published = await clickFormButton(live, "Publish");
  check(s, "instance 1 takes a publish while instance 2 is down", published.ok, published.message);

  const restartAt = performance.now();
  await cluster.restart(1);
  const back = await waitFor(async () => (await health(cluster.instanceUrls[1]!)) === 200, { timeoutMs: 60_000, intervalMs: 200 });
  check(s, "restarted, instance 2 answers /api/health 200", back !== null, back === null ? "not within 60 s" : `${Math.round((performance.now() - restartAt) / 100) / 10} s after restart`);
  check(s, "it is a new process", cluster.pids[1] !== killedPid, `pid ${killedPid} → ${cluster.pids[1]}`);
  const fresh = await get(`${cluster.instanceUrls[1]}/articles/${slug}`);
  check(s, "instance 2 serves the change made while it was down", fresh.status === 200 && fresh.body.includes(marker), `status ${fresh.status}`);
  const front = await get(`${cluster.instanceUrls[1]}/`);
  check(s, "instance 2 serves the front page", front.status === 200, `status ${front.status}`);
  const after = w.load.window(restartAt);
  check(s, "no failures while it rejoins", after.failed.length <= LOAD_CONCURRENCY, `${after.failed.length} of ${after.total}${describeFailures(after.failed)}`);
  await live.close();
}

async function restartPostgres(w: World, s: Scenario) {
  const { cluster, dbUrl } = w;
  const page = w.desk.page;
  const draft = await createDraft(page, { title: `Outage story ${tag()}`, lead: "First lead.", body: "Written before the database goes away." });
  const before = `Last good lead ${tag()}`;
  await setLead(page, before);
  const good = await clickFormButton(page, "Save draft");
  if (!check(s, "a save before the outage succeeds", good.ok, good.message)) return;
  await sleep(AUTOSAVE_SETTLE_MS); // an autosave of the same text may still follow the click
  const rowBefore = await articleRow(dbUrl, draft.id);
  const revisionsBefore = await revisionsOf(dbUrl, draft.id);

  // Pages readers already had: rendered on both instances before the outage.
  const cachedPaths = ["/", ...w.slugs.slice(0, 4).map((slug) => `/articles/${slug}`)];
  for (const base of cluster.instanceUrls) for (const path of cachedPaths) await get(base + path);
  const pids = [...cluster.pids];

  const stoppedAt = performance.now();
  stopPostgres();
  try {
    const down = await waitFor(async () => (await Promise.all(cluster.instanceUrls.map(health))).every((status) => status === 503), { timeoutMs: 15_000, intervalMs: 200 });
    check(s, "/api/health turns 503 on both instances", down !== null, down === null ? "not within 15 s" : `after ${Math.round(down)} ms`);
    const healthBody = (await get(`${cluster.instanceUrls[0]}/api/health`)).body;
    check(s, "the health answer shows no internals", leaksInternals(healthBody) === null, healthBody.slice(0, 120));

    const cached = await Promise.all(
      [...cluster.instanceUrls, cluster.lbUrl].flatMap((base) => cachedPaths.map(async (path) => ({ url: base + path, status: (await get(base + path)).status }))),
    );
    const notServed = cached.filter((r) => r.status !== 200);
    check(s, "already-cached pages are served (200) on each instance and through the balancer", notServed.length === 0, notServed.length ? notServed.map((r) => `${r.status} ${r.url}`).join(", ") : `${cached.length} pages`);

    const during = `Lead typed during the outage ${tag()}`;
    await setLead(page, during);
    const failed = await clickFormButton(page, "Save draft", { captureBody: true });
    check(s, "a save during the outage fails", !failed.ok && !failed.conflict, `indicator: ${failed.ok ? "saved" : "not saved"}`);
    check(s, "…with a clear message", failed.message.length > 10 && /try again|database|unavailable|went wrong/i.test(failed.message), `“${failed.message}”`);
    const leak = leaksInternals(failed.responseBody) ?? leaksInternals(await page.content());
    check(s, "…and no stack trace or internals in the response or the page", leak === null, leak ? `matched /${leak}/` : `${failed.responseBody.length} bytes of action response checked`);

    // Long enough for the form's autosave (2.5 s after typing) to hit the outage too.
    await sleep(Math.max(0, 5000 - (performance.now() - stoppedAt)));
    const load = w.load.window(stoppedAt);
    check(s, "the background load (cached pages) saw no failures during the outage", load.failed.length === 0, `${load.failed.length} of ${load.total} failed${describeFailures(load.failed)}`);
  } finally {
    startPostgres();
  }
  const startedAt = performance.now();
  const up = await waitFor(async () => (await Promise.all(cluster.instanceUrls.map(health))).every((status) => status === 200), { timeoutMs: 30_000, intervalMs: 200 });
  check(s, "after PostgreSQL is back, /api/health is 200 on both instances", up !== null, up === null ? "not within 30 s" : `${Math.round(performance.now() - startedAt)} ms after start`);
  check(s, "…without restarting the app", cluster.pids.every((pid, index) => pid === pids[index]), `pids ${cluster.pids.join(", ")}`);

  const rowAfter = await articleRow(dbUrl, draft.id);
  const revisionsAfter = await revisionsOf(dbUrl, draft.id);
  check(s, "the article is exactly its last successful version", rowAfter.version === rowBefore.version && rowAfter.lead === before, `version ${rowBefore.version} → ${rowAfter.version}, lead “${rowAfter.lead}”`);
  check(s, "no partial revision was written", revisionsAfter.length === revisionsBefore.length && !revisionsAfter.some((r) => r.lead?.includes("during the outage")), `${revisionsBefore.length} → ${revisionsAfter.length} revisions`);

  const retried = await clickFormButton(page, "Save draft");
  const rowSaved = await articleRow(dbUrl, draft.id);
  check(s, "writes work again", retried.ok && rowSaved.lead?.includes("during the outage") === true && rowSaved.version > rowBefore.version, `${retried.message}; sent version ${retried.sentVersion}, stored ${rowSaved.version}`);
  const published = await createAndPublish(w.desk, "After the outage");
  const visible = await Promise.all(cluster.instanceUrls.map((base) => visibleWithin(base, published.slug, published.title, 5000)));
  check(s, "a publish after recovery is visible on both instances", visible.every((v) => v !== null), visible.map(fmtMs).join(", "));
}

async function stopRedisScenario(w: World, s: Scenario) {
  const { cluster } = w;
  const page = w.desk.page;
  if (!check(s, "both instances are connected to Redis before", cluster.pids.every((pid) => connectedTo(pid, 6379)))) return;
  const story = await createAndPublish(w.desk, "Cache-outage story");
  await openArticle(page, story.id);
  const timings = (t: PublishTiming) =>
    `answer → visible ${t.answerToVisibleMs.map(fmtMs).join(", ")}; click → visible ${t.clickToVisibleMs.map(fmtMs).join(", ")}; action ${fmtMs(t.outcome.ms)}`;

  const stoppedAt = performance.now();
  const stoppedEpoch = Date.now();
  try {
    stopRedis();
    await sleep(1500);
    const load = w.load.window(stoppedAt);
    check(s, "pages keep being served without Redis", load.failed.length === 0 && load.total > 0, `${load.failed.length} of ${load.total} failed${describeFailures(load.failed)}`);
    const outage = await publishAndWatch(page, cluster.instanceUrls, story.slug, `Published while Redis was down ${tag()}`, 10_000);
    check(s, "a publish during the outage succeeds", outage.outcome.ok, outage.outcome.message);
    check(
      s,
      `…and is visible on both instances within ${REDIS_OUTAGE_STALENESS_MS} ms of “Published”`,
      outage.answerToVisibleMs.every((v) => v !== null && v <= REDIS_OUTAGE_STALENESS_MS),
      timings(outage),
    );
    const warnings = cluster.pids.map((_, index) => redisLog(cluster, index, stoppedEpoch, WARNING_LEVELS));
    check(s, "each instance logged a warning about Redis", warnings.every((list) => list.length > 0), warnings.map((list, i) => `instance ${i + 1}: ${list.length ? `“${list[0]}”` : "none"}`).join(", "));
  } finally {
    startRedis();
  }
  const restartedAt = performance.now();
  const restartedEpoch = Date.now();
  // Connected again (a socket to Redis from each instance) and trusting the shared cache again (its log says so).
  const reconnected = await waitFor(async () => cluster.pids.every((pid, index) => connectedTo(pid, 6379) && redisLog(cluster, index, restartedEpoch, INFO_LEVELS).length > 0), {
    timeoutMs: 20_000,
    intervalMs: 200,
  });
  check(
    s,
    "both instances reconnect when Redis is back",
    reconnected !== null,
    reconnected === null ? "not within 20 s" : `${Math.round(performance.now() - restartedAt)} ms: “${redisLog(cluster, 0, restartedEpoch, INFO_LEVELS)[0]}”`,
  );
  const again = await publishAndWatch(page, cluster.instanceUrls, story.slug, `Published after Redis came back ${tag()}`, 10_000);
  check(s, "a publish after reconnecting is visible on both instances within 1 s of “Published”", again.outcome.ok && again.answerToVisibleMs.every((v) => v !== null && v <= 1000), timings(again));
  const load = w.load.window(stoppedAt);
  check(s, "the background load saw no failures throughout", load.failed.length === 0, `${load.failed.length} of ${load.total}${describeFailures(load.failed)}`);
}

async function conflictingEditors(w: World, s: Scenario) {
  const { dbUrl } = w;
  const story = await createDraft(w.desk.page, { title: `Contested story ${tag()}`, lead: "Original lead.", body: "Two editors open this at once." });
  const a = w.desk.page;
  const b = w.second.page;
  await openArticle(a, story.id);
  await openArticle(b, story.id);
  const start = await articleRow(dbUrl, story.id);

  const first = `Editor on instance 1 saved first ${tag()}`;
  await setLead(a, first);
  const saved = await clickFormButton(a, "Save draft");
  check(s, "the first save (instance 1) succeeds", saved.ok, saved.message);

  const second = `Editor on instance 2 saved second ${tag()}`;
  await setLead(b, second);
  const conflict = await clickFormButton(b, "Save draft");
  check(s, "the second save (instance 2) gets the conflict message", conflict.conflict, `“${conflict.message}”`);

  const row = await articleRow(dbUrl, story.id);
  const revisions = await revisionsOf(dbUrl, story.id);
  // (The version may have moved more than once: the first editor's form can autosave the same text again.)
  check(s, "nothing was overwritten: the article holds the first save", row.lead === first && row.version > start.version, `version ${start.version} → ${row.version}, lead “${row.lead}”`);
  // The refused text may be kept for its author as a CONFLICT revision, never as a version of the article.
  const kept = revisions.filter((r) => r.lead === second);
  check(s, "the refused text is no version of the article", kept.every((r) => r.kind === "CONFLICT"), kept.length ? `kept as ${kept.map((r) => r.kind).join(", ")} revision` : "not kept");
}

async function scheduledOnce(w: World, s: Scenario) {
  const { cluster, dbUrl } = w;
  const page = w.desk.page;
  const stories: { id: string; slug: string; title: string }[] = [];
  for (let i = 1; i <= 3; i++) {
    const title = `Scheduled story ${i} ${tag()}`;
    stories.push({ ...(await createDraft(page, { title, lead: "Publishes itself.", body: "Due while two instances run their schedulers." })), title });
  }
  // Each story open in its own tab first, so that all three can be scheduled for one time a few
  // seconds ahead: both instances' schedulers then race for every one of them.
  const tabs = await Promise.all(
    stories.map(async (story) => {
      const tab = await w.desk.context.newPage();
      await openArticle(tab, story.id);
      return tab;
    }),
  );
  const due = new Date(Date.now() + 8000);
  for (const [index, tab] of tabs.entries()) {
    const scheduled = await schedule(tab, due);
    if (!check(s, `story ${index + 1} scheduled for ${due.toISOString().slice(11, 19)} UTC`, scheduled.ok, scheduled.message)) return;
  }
  await Promise.all(tabs.map((tab) => tab.close()));
  const remaining = due.getTime() - Date.now();
  check(s, "scheduled ahead of time", remaining > 0, `${Math.round(remaining / 100) / 10} s before due`);

  const live = await Promise.all(stories.flatMap((story) => cluster.instanceUrls.map((base) => visibleWithin(base, story.slug, story.title, remaining + 15_000))));
  check(s, "each story goes live on both instances", live.every((v) => v !== null), `${live.filter((v) => v !== null).length} of ${live.length}`);
  await sleep(4000); // more scheduler ticks on both instances
  const counts = await withClient(dbUrl, async (client) => {
    const ids = stories.map((story) => story.id);
    const audits = await client.query<{ targetId: string; n: string }>(
      `SELECT "targetId", count(*) AS n FROM "AuditEvent" WHERE "action" = 'article.published' AND "targetId" = ANY($1) GROUP BY "targetId"`,
      [ids],
    );
    const revisions = await client.query<{ articleId: string; n: string }>(
      `SELECT "articleId", count(*) AS n FROM "Revision" WHERE "kind" = 'PUBLISH' AND "articleId" = ANY($1) GROUP BY "articleId"`,
      [ids],
    );
    return stories.map((story) => ({
      audits: Number(audits.rows.find((r) => r.targetId === story.id)?.n ?? 0),
      revisions: Number(revisions.rows.find((r) => r.articleId === story.id)?.n ?? 0),
    }));
  });
  check(s, "exactly one audit row “article.published” per story", counts.every((c) => c.audits === 1), counts.map((c) => c.audits).join(", "));
  check(s, "exactly one PUBLISH revision per story", counts.every((c) => c.revisions === 1), counts.map((c) => c.revisions).join(", "));
}

async function createAndPublish(editor: Editor, title: string): Promise<{ id: string; slug: string; title: string }> {
  const full = `${title} ${tag()}`;
  const draft = await createDraft(editor.page, { title: full, lead: "A story for the fault script.", body: "Published by the fault script." });
  const published = await clickFormButton(editor.page, "Publish");
  if (!published.ok) throw new Error(`could not publish "${full}": ${published.message}`);
  return { ...draft, title: full };
}

const WARNING_LEVELS = new Set<string | number>(["warn", "error", "fatal", 40, 50, 60]);
const INFO_LEVELS = new Set<string | number>(["info", 30]);

/** Messages at one of `levels` that instance `index` logged about Redis at or after `since` (epoch ms). */
function redisLog(cluster: Cluster, index: number, since: number, levels: Set<string | number>): string[] {
  return cluster
    .logs(index)
    .split("\n")
    .filter((line) => /redis/i.test(line) && !line.includes('"msg":"request"'))
    .flatMap((line) => {
      try {
        const entry = JSON.parse(line) as { level?: string | number; time?: string | number; msg?: string };
        const at = typeof entry.time === "string" ? Date.parse(entry.time) : (entry.time ?? 0);
        return levels.has(entry.level ?? "") && at >= since && /redis/i.test(entry.msg ?? "") ? [entry.msg!] : [];
      } catch {
        return [];
      }
    });
}

// ── Main ────────────────────────────────────────────────────────────────────

async function main(): Promise<number> {
  if (process.getuid?.() !== 0) throw new Error("the fault script stops and starts PostgreSQL and Redis: run it as root");
  const deadline = setTimeout(() => {
    console.error(`✗ Fault script exceeded ${DEADLINE_MS / 60_000} minutes; stopping.`);
    process.kill(process.pid, "SIGTERM");
  }, DEADLINE_MS);
  deadline.unref();

  const cleanups: (() => Promise<void>)[] = [];
  // Whatever happens, PostgreSQL and Redis are left running.
  cleanups.push(async () => {
    if (!postgresReady()) startPostgres();
    startRedis();
    deleteRedisKeys(REDIS_URL, REDIS_PREFIX);
  });
  let cleaning: Promise<void> | null = null;
  const cleanup = () =>
    (cleaning ??= (async () => {
      while (cleanups.length) await cleanups.pop()!().catch((error: unknown) => console.error("cleanup:", error instanceof Error ? error.message : error));
      closeAgents();
    })());
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void cleanup().finally(() => process.exit(130)));
  for (const event of ["uncaughtException", "unhandledRejection"] as const) {
    process.once(event, (error: unknown) => {
      console.error(`✗ ${event}:`, error);
      void cleanup().finally(() => process.exit(1));
    });
  }

  const started = performance.now();
  try {
    if (!postgresReady()) startPostgres();
    startRedis();
    const database = await createDatabase(`lede_faults_${process.pid}`);
    cleanups.push(database.drop);
    prepareDatabase(database.url);
    const slugs = await importFixtures(database.url, 20);
    console.log(`› Fresh database ${database.name} (${slugs.length} articles), Redis ${REDIS_URL}`);

    const cluster = await startCluster({ name: CLUSTER_NAME, lbPort: LB_PORT, instancePorts: INSTANCE_PORTS, env: { DATABASE_URL: database.url, REDIS_URL, REDIS_CACHE_PREFIX: REDIS_PREFIX } });
    cleanups.push(() => cluster.stop());
    // Kept for reading after a failed run (CI artefacts): each instance's whole output.
    cleanups.push(async () => {
      const dir = path.join(process.env.LEDE_TEST_DIR ?? "data/test", CLUSTER_NAME);
      cluster.instanceUrls.forEach((_, index) => writeFileSync(path.join(dir, `instance-${index + 1}.log`), cluster.logs(index)));
      console.log(`› Instance logs: ${dir}/instance-*.log`);
    });
    console.log(`› Cluster: balancer ${cluster.lbUrl}, instances ${cluster.instanceUrls.join(", ")}`);

    const browser = await launchBrowser();
    cleanups.push(() => browser.close());
    const desk = await openEditor(browser, cluster.instanceUrls[0]!, ADMIN);
    const colleague = { email: `faults-editor-${process.pid}@lede.test`, name: "Fault Editor", password: "fault editor password 1", role: "EDITOR" as const };
    await createUserViaAdmin(desk, colleague);
    const second = await openEditor(browser, cluster.instanceUrls[1]!, colleague);

    const load = new BackgroundLoad(cluster.lbUrl, slugs);
    load.start();
    cleanups.push(() => load.stop());
    const world: World = { cluster, dbUrl: database.url, load, browser, desk, second, slugs };

    const a = scenario("a", "kill one instance (SIGKILL) during load, then restart it");
    const b = scenario("b", "restart PostgreSQL during load");
    const c = scenario("c", "stop Redis during load, then start it again");
    const d = scenario("d", "two editors save the same article on different instances");
    const e = scenario("e", "scheduled articles due while two instances run");
    // Least disruptive first; the database outage last.
    const plan: [Scenario, (w: World, s: Scenario) => Promise<void>][] = [
      [d, conflictingEditors],
      [e, scheduledOnce],
      [a, killInstance],
      [c, stopRedisScenario],
      [b, restartPostgres],
    ];
    for (const [s, body] of plan) {
      if (ONLY && !ONLY.includes(s.id)) scenarios.splice(scenarios.indexOf(s), 1);
      else await runScenario(s, () => body(world, s));
    }
  } catch (error) {
    const setup = scenario("setup", "set-up");
    setup.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.error(`✗ set-up failed: ${setup.error}`);
  } finally {
    await cleanup();
  }

  console.log(`\nFault script summary (${Math.round((performance.now() - started) / 1000)} s)`);
  const ordered = [...scenarios].sort((x, y) => x.id.localeCompare(y.id));
  for (const s of ordered) {
    const failedChecks = s.checks.filter((c) => !c.ok).length;
    console.log(`  ${passed(s) ? "PASS" : "FAIL"}  ${s.id}. ${s.title}${s.seconds ? ` (${s.seconds.toFixed(1)} s)` : ""}${failedChecks ? ` — ${failedChecks} check(s) failed` : ""}${s.error ? ` — aborted: ${s.error.split("\n")[0]}` : ""}`);
    // Repeated here because CI keeps only the tail of the output.
    for (const failed of s.checks.filter((c) => !c.ok)) console.log(`        ✗ ${failed.name}${failed.detail ? ` — ${failed.detail}` : ""}`);
  }
  return ordered.every(passed) ? 0 : 1;
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
