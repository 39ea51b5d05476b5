// `npm run bench:cluster [-- --seconds=60 --wrk-seconds=10 --repeats=3 --readers=16]`
//
// Proof under load for several instances (issue 6, ../shared/BENCH.md), on a
// fresh PostgreSQL database and the machine's Redis:
//   1. mixed traffic through the balancer for --seconds: readers on /, article
//      pages, search (distinct queries) and /feed.xml, while one editor per
//      instance saves and publishes through the real newsroom form; every
//      publish is timed until its text shows on each instance directly;
//   2. read throughput of one instance vs two (reads that reach the app), with
//      server CPU µs per request per instance;
//   3. an article page through the micro-caching balancer vs nginx serving the
//      same HTML as a file.
// Parts 2 and 3 repeat --repeats times; the medians are reported. Results go to
// bench/results/cluster-<time>.json.
import { mkdirSync, writeFileSync, rmSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "@playwright/test";
import { closeAgents, get, ms, RouteStats, runReaders, sleep, type Reply, type RouteSummary, type Target } from "./lib/cluster-http";
import { ensureWrk, measureCpu, median, pinTree, runWrk, type WrkResult } from "./lib/cluster-proc";
import { ADMIN, createDatabase, importFixtures, prepareDatabase, SEARCH_WORDS, type FreshDatabase } from "./lib/cluster-fixtures";
import { clickFormButton, createDraft, createUserViaAdmin, launchBrowser, openArticle, openEditor, publishAndWatch, setLead, type Editor } from "./lib/cluster-editor";
import { startCluster, type Cluster } from "./lib/cluster-run";
import { startStaticNginx, type StaticServer } from "./lib/cluster-static";
import { findBalancer } from "./lib/cluster-balancer";
import { deleteRedisKeys } from "./lib/cluster-services";

const LB_PORT = 3200;
const INSTANCE_PORTS = [3201, 3202];
const STATIC_PORT = 3203;
const FIXTURE_ARTICLES = 200;
const VISIBLE_TIMEOUT_MS = 10_000;
const REDIS_PREFIX = "lede-bench:cache:";

function option(name: string, fallback: number, min: number, max: number): number {
  const arg = process.argv.find((value) => value.startsWith(`--${name}=`));
  const raw = arg ? arg.split("=")[1] : process.env[`BENCH_${name.toUpperCase().replace(/-/g, "_")}`];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) throw new Error(`--${name} must be a number from ${min} to ${max} (got ${raw})`);
  return value;
}

const config = {
  seconds: option("seconds", 60, 10, 600),
  wrkSeconds: option("wrk-seconds", 10, 3, 60),
  repeats: option("repeats", 3, 1, 5),
  readers: option("readers", 16, 1, 256),
};

// ── Part 1: mixed traffic ───────────────────────────────────────────────────

type PublishRecord = { editor: number; actionMs: number; clickToVisibleMs: (number | null)[]; answerToVisibleMs: (number | null)[] };

function shuffled<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Three-word queries in a shuffled order: thousands of distinct searches, each matching some stories. */
function searchQueries(): string[] {
  const queries: string[] = [];
  for (const a of SEARCH_WORDS) for (const b of SEARCH_WORDS) if (a < b) queries.push(`${a} ${b}`);
  return shuffled(queries).map((pair, index) => `${pair} ${SEARCH_WORDS[index % SEARCH_WORDS.length]}`);
}

function readerMix(slugs: readonly string[]): { pick: () => Target; distinctSearches: () => number } {
  const queries = searchQueries();
  let searches = 0;
  const pick = (): Target => {
    const roll = Math.random();
    if (roll < 0.2) return { route: "/", path: "/" };
    if (roll < 0.65) return { route: "/articles/[slug]", path: `/articles/${slugs[Math.floor(Math.random() * slugs.length)]}` };
    if (roll < 0.85) return { route: "/search?q=", path: `/search?q=${encodeURIComponent(queries[searches++ % queries.length]!)}` };
    return { route: "/feed.xml", path: "/feed.xml" };
  };
  return { pick, distinctSearches: () => Math.min(searches, queries.length) };
}

type EditorRun = { actions: RouteStats; publishes: PublishRecord[]; failures: string[] };

/** One editor: save a note (pending, not public), then publish a new lead, and time it on every instance; repeat. */
async function editorLoop(index: number, editor: Editor, article: { id: string; slug: string }, cluster: Cluster, signal: AbortSignal, run: EditorRun) {
  const { page } = editor;
  await openArticle(page, article.id);
  for (let round = 1; !signal.aborted; round++) {
    const tag = `e${index + 1}r${round}t${Date.now().toString(36)}`;
    await setLead(page, `Newsroom note ${tag}: not for readers yet`);
    const saved = await clickFormButton(page, "Save draft");
    run.actions.record("editor: Save draft", article.slug, { status: saved.ok ? 200 : 500, body: "", headers: {}, ms: saved.ms });
    if (!saved.ok) run.failures.push(`save ${tag}: ${saved.message}`);

    const published = await publishAndWatch(page, cluster.instanceUrls, article.slug, `Update ${tag} for readers`, VISIBLE_TIMEOUT_MS);
    run.actions.record("editor: Publish", article.slug, { status: published.outcome.ok ? 200 : 500, body: "", headers: {}, ms: published.outcome.ms });
    if (!published.outcome.ok) {
      run.failures.push(`publish ${tag}: ${published.outcome.message}`);
      continue;
    }
    run.publishes.push({ editor: index, actionMs: published.outcome.ms, clickToVisibleMs: published.clickToVisibleMs, answerToVisibleMs: published.answerToVisibleMs });
    await sleep(500);
  }
}

async function mixedTraffic(cluster: Cluster, editors: Editor[], articles: { id: string; slug: string }[], slugs: string[]) {
  const stats = new RouteStats();
  const editorRun: EditorRun = { actions: new RouteStats(), publishes: [], failures: [] };
  const mix = readerMix([...slugs, ...articles.map((article) => article.slug)]);

  // Warm-up: the first render of each page is not what readers usually get.
  const warm = new AbortController();
  const warming = runReaders({ baseUrl: cluster.lbUrl, concurrency: 4, pick: mix.pick, record: () => {}, signal: warm.signal });
  await sleep(5000);
  warm.abort();
  await warming;

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), config.seconds * 1000);
  const started = performance.now();
  let readersMs = 0;
  const record = (target: Target, reply: Reply) => stats.record(target.route, target.path, reply);
  const { cpu } = await measureCpu(groupsOf(cluster), () =>
    Promise.all([
      runReaders({ baseUrl: cluster.lbUrl, concurrency: config.readers, pick: mix.pick, record, signal: controller.signal }).then(() => (readersMs = performance.now() - started)),
      // Editors finish the round they are in when time is up.
      ...editors.map((editor, index) => editorLoop(index, editor, articles[index]!, cluster, controller.signal, editorRun)),
    ]),
  );
  clearTimeout(timer);
  return { stats, editorRun, seconds: readersMs / 1000, cpu, distinctSearches: mix.distinctSearches() };
}

/** CPU accounting groups: each instance, and nginx. */
function groupsOf(cluster: Cluster): Record<string, number[]> {
  return { ...Object.fromEntries(cluster.pids.map((pid, index) => [`instance ${index + 1}`, [pid]])), nginx: [cluster.nginxPid] };
}

// ── Part 2: one instance vs two ─────────────────────────────────────────────

function writeLua(dir: string, name: string, body: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, body);
  return file;
}

/** wrk scripts: distinct search queries; an article with a distinct query string (misses the micro-cache). */
function wrkScripts(dir: string, slug: string) {
  const words = SEARCH_WORDS.map((word) => `"${word}"`).join(",");
  return {
    search: writeLua(
      dir,
      "search.lua",
      `local words = {${words}}
local n = 0
request = function()
  n = n + 1
  local a = words[(n % #words) + 1]
  local b = words[(math.floor(n / #words) % #words) + 1]
  local c = words[(math.floor(n / (#words * #words)) % #words) + 1]
  return wrk.format("GET", "/search?q=" .. a .. "+" .. b .. "+" .. c)
end
`,
    ),
    articleBypass: writeLua(
      dir,
      "article-bypass.lua",
      `local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/articles/${slug}?r=" .. n)
end
`,
    ),
  };
}

/** `errors`: non-2xx/3xx answers and connection errors; `timeouts`: no answer within wrk's 5 s. */
type Measured = { rps: number; requests: number; errors: number; timeouts: number; p99Ms: number };
type ScalingRun = {
  route: string;
  one: Measured & { usPerReq: number; otherShare: number };
  two: Measured & { usPerReq: number[]; otherShare: number };
  viaBalancer?: Measured & { usPerReq: number[]; nginxUsPerReq: number; otherShare: number };
  ratio: number;
};

const measured = (results: WrkResult[]): Measured => ({
  rps: results.reduce((sum, r) => sum + r.rps, 0),
  requests: results.reduce((sum, r) => sum + r.requests, 0),
  errors: results.reduce((sum, r) => sum + r.non2xx + r.socketErrors, 0),
  timeouts: results.reduce((sum, r) => sum + r.timeouts, 0),
  p99Ms: Math.max(...results.map((r) => r.p99Ms)),
});
const perRequest = (us: number | undefined, requests: number) => (requests > 0 && us !== undefined ? us / requests : Number.NaN);

async function scaling(cluster: Cluster, route: string, paths: { direct: string; script?: string; connections: number; balancerScript?: string }): Promise<ScalingRun> {
  const [one, two] = cluster.instanceUrls;
  const groups = groupsOf(cluster);
  const seconds = config.wrkSeconds;
  const connections = paths.connections;
  // One instance (core 0), wrk on core 1.
  const single = await measureCpu(groups, () => runWrk({ url: one + paths.direct, seconds, connections, cores: "1", script: paths.script }));
  // Two instances (cores 0 and 1), each driven by its own wrk pinned to the other core.
  const both = await measureCpu(groups, () =>
    Promise.all([
      runWrk({ url: one + paths.direct, seconds, connections, cores: "1", script: paths.script }),
      runWrk({ url: two + paths.direct, seconds, connections, cores: "0", script: paths.script }),
    ]),
  );
  let viaBalancer: ScalingRun["viaBalancer"];
  if (paths.balancerScript) {
    const script = paths.balancerScript;
    const run = await measureCpu(groups, () => runWrk({ url: `${cluster.lbUrl}/`, seconds, connections: connections * 2, script }));
    const m = measured([run.result]);
    viaBalancer = {
      ...m,
      // Round robin: each instance served about half.
      usPerReq: [1, 2].map((n) => perRequest(run.cpu.groups[`instance ${n}`], m.requests / 2)),
      nginxUsPerReq: perRequest(run.cpu.groups.nginx, m.requests),
      otherShare: run.cpu.otherShare,
    };
  }
  const oneM = measured([single.result]);
  const twoM = measured(both.result);
  return {
    route,
    one: { ...oneM, usPerReq: perRequest(single.cpu.groups["instance 1"], oneM.requests), otherShare: single.cpu.otherShare },
    two: { ...twoM, usPerReq: [0, 1].map((i) => perRequest(both.cpu.groups[`instance ${i + 1}`], both.result[i]!.requests)), otherShare: both.cpu.otherShare },
    viaBalancer,
    ratio: twoM.rps / oneM.rps,
  };
}

// ── Part 3: micro-cache vs static file ──────────────────────────────────────

type StaticRun = { balancer: Measured & { usPerReq: number; otherShare: number }; file: Measured & { usPerReq: number; otherShare: number }; ratio: number };

async function microCacheVsFile(cluster: Cluster, staticServer: StaticServer, slug: string): Promise<StaticRun> {
  const seconds = config.wrkSeconds;
  const groups = { ...groupsOf(cluster), static: [staticServer.pid] };
  const viaCache = await measureCpu(groups, () => runWrk({ url: `${cluster.lbUrl}/articles/${slug}`, seconds, cores: "1" }));
  const file = await measureCpu(groups, () => runWrk({ url: staticServer.url, seconds, cores: "1" }));
  const cacheM = measured([viaCache.result]);
  const fileM = measured([file.result]);
  return {
    balancer: { ...cacheM, usPerReq: perRequest(viaCache.cpu.groups.nginx, cacheM.requests), otherShare: viaCache.cpu.otherShare },
    file: { ...fileM, usPerReq: perRequest(file.cpu.groups.static, fileM.requests), otherShare: file.cpu.otherShare },
    ratio: cacheM.rps / fileM.rps,
  };
}

// ── Reporting ───────────────────────────────────────────────────────────────

const fmt = (value: number, digits = 0) => (Number.isFinite(value) ? value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }) : "–");
const pad = (text: string, width: number) => text.padEnd(width);
const padLeft = (text: string, width: number) => text.padStart(width);

function routeTable(rows: RouteSummary[], seconds: number): string[] {
  const lines = [`  ${pad("route", 22)}${padLeft("requests", 10)}${padLeft("req/s", 9)}${padLeft("p50", 10)}${padLeft("p99", 10)}${padLeft("max", 10)}${padLeft("errors", 8)}`];
  for (const row of rows) {
    lines.push(`  ${pad(row.route, 22)}${padLeft(fmt(row.requests), 10)}${padLeft(fmt(row.requests / seconds, 1), 9)}${padLeft(ms(row.p50), 10)}${padLeft(ms(row.p99), 10)}${padLeft(ms(row.max), 10)}${padLeft(fmt(row.errors), 8)}`);
  }
  return lines;
}

function distribution(values: number[]): { n: number; p50: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : Number.NaN);
  return { n: sorted.length, p50: at(50), p99: at(99), max: sorted.at(-1) ?? Number.NaN };
}

// ── Main ────────────────────────────────────────────────────────────────────

async function main() {
  ensureWrk();
  const startedAt = new Date();
  const cleanups: (() => Promise<void>)[] = [];
  const cleanup = async () => {
    while (cleanups.length) await cleanups.pop()!().catch((error: unknown) => console.error("cleanup:", error instanceof Error ? error.message : error));
    closeAgents();
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: cleaning up…`);
      void cleanup().finally(() => process.exit(130));
    });
  }

  try {
    console.log(`› Cluster bench: ${config.seconds} s mixed traffic, ${config.readers} readers; wrk ${config.wrkSeconds} s × ${config.repeats}`);
    const database: FreshDatabase = await createDatabase(`lede_bench_cluster_${process.pid}`);
    cleanups.push(database.drop);
    prepareDatabase(database.url);
    const slugs = await importFixtures(database.url, FIXTURE_ARTICLES);
    console.log(`› Database ${database.name}: ${slugs.length} published articles`);

    // Its own Redis database and key prefix: another cluster on this Redis never sees these entries.
    const redisUrl = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379/5";
    cleanups.push(async () => deleteRedisKeys(redisUrl, REDIS_PREFIX));
    const cluster = await startCluster({
      name: "cluster-bench",
      lbPort: LB_PORT,
      instancePorts: INSTANCE_PORTS,
      env: { DATABASE_URL: database.url, REDIS_URL: redisUrl, REDIS_CACHE_PREFIX: REDIS_PREFIX },
    });
    cleanups.push(() => cluster.stop());
    const balancer = findBalancer(cluster.nginxPid);
    console.log(`› Cluster up: balancer ${cluster.lbUrl} (nginx ${balancer.workers} workers), instances ${cluster.instanceUrls.join(", ")}`);
    // Instance 1 on core 0, instance 2 on core 1 (BENCH.md); nginx, the load and the browser float.
    cluster.pids.forEach((pid, index) => pinTree([pid], String(index)));

    const browser: Browser = await launchBrowser();
    cleanups.push(() => browser.close());
    const admin = await openEditor(browser, cluster.instanceUrls[0]!, ADMIN);
    const editors: Editor[] = [];
    const articles: { id: string; slug: string }[] = [];
    for (const [index, base] of cluster.instanceUrls.entries()) {
      const who = { email: `bench-editor-${index + 1}-${process.pid}@lede.test`, name: `Bench Editor ${index + 1}`, password: "bench editor password 1", role: "EDITOR" as const };
      await createUserViaAdmin(admin, who);
      const editor = await openEditor(browser, base, who);
      const draft = await createDraft(editor.page, { title: `Cluster bench story ${index + 1} ${process.pid}`, lead: "First version.", body: "A story the bench edits and publishes again and again." });
      const first = await clickFormButton(editor.page, "Publish");
      if (!first.ok) throw new Error(`first publish failed: ${first.message}`);
      editors.push(editor);
      articles.push(draft);
    }
    await admin.context.close();

    console.log(`› Part 1: mixed traffic for ${config.seconds} s…`);
    const mixed = await mixedTraffic(cluster, editors, articles, slugs);

    console.log(`› Part 2: one instance vs two, ${config.repeats} × ${config.wrkSeconds} s per case…`);
    const scratch = mkdtempSync(path.join(os.tmpdir(), "lede-bench-cluster-"));
    cleanups.push(async () => rmSync(scratch, { recursive: true, force: true }));
    const slug = slugs[0]!;
    const scripts = wrkScripts(scratch, slug);
    for (const base of cluster.instanceUrls) await get(`${base}/articles/${slug}`);
    const scalingRuns: ScalingRun[] = [];
    for (let repeat = 0; repeat < config.repeats; repeat++) {
      scalingRuns.push(await scaling(cluster, "article page (app cache)", { direct: `/articles/${slug}`, connections: 50, balancerScript: scripts.articleBypass }));
      // A slow page: few connections, or wrk's 5 s timeout is all it measures.
      scalingRuns.push(await scaling(cluster, "search (rendered per request)", { direct: "/", connections: 8, script: scripts.search }));
    }

    console.log(`› Part 3: micro-caching balancer vs static file, ${config.repeats} × ${config.wrkSeconds} s per case…`);
    const page = await get(`${cluster.lbUrl}/articles/${slug}`);
    const staticServer = await startStaticNginx({ port: STATIC_PORT, html: page.body, workers: balancer.workers, accessLog: balancer.accessLog });
    cleanups.push(() => staticServer.stop());
    // Both nginx on core 0, wrk on core 1: the same budget for each.
    pinTree(balancer.pids, "0");
    pinTree([staticServer.pid], "0");
    const staticRuns: StaticRun[] = [];
    for (let repeat = 0; repeat < config.repeats; repeat++) staticRuns.push(await microCacheVsFile(cluster, staticServer, slug));

    const report = buildReport({ startedAt, mixed, scalingRuns, staticRuns, htmlBytes: Buffer.byteLength(page.body), cluster, balancerWorkers: balancer.workers });
    console.log(report.text.join("\n"));
    mkdirSync("bench/results", { recursive: true });
    const file = `bench/results/cluster-${startedAt.toISOString().replace(/[:.]/g, "-")}.json`;
    writeFileSync(file, `${JSON.stringify(report.json, null, 2)}\n`);
    console.log(`\nWrote ${file}`);
  } finally {
    await cleanup();
  }
}

type MixedResult = Awaited<ReturnType<typeof mixedTraffic>>;

const pct = (share: number) => `${fmt(share * 100)} %`;

function buildReport({ startedAt, mixed, scalingRuns, staticRuns, htmlBytes, cluster, balancerWorkers }: { startedAt: Date; mixed: MixedResult; scalingRuns: ScalingRun[]; staticRuns: StaticRun[]; htmlBytes: number; cluster: Cluster; balancerWorkers: number }) {
  const text: string[] = [];
  const readerRoutes = mixed.stats.summary();
  const editorRoutes = mixed.editorRun.actions.summary();
  const readerRequests = mixed.stats.total;
  const errors = mixed.stats.errorTotal + mixed.editorRun.actions.errorTotal;
  const publishes = mixed.editorRun.publishes;
  const seen = (values: (number | null)[]) => values.filter((v): v is number => v !== null);
  const clickToVisible = cluster.instanceUrls.map((_, i) => distribution(seen(publishes.map((p) => p.clickToVisibleMs[i] ?? null))));
  const answerToVisible = cluster.instanceUrls.map((_, i) => distribution(seen(publishes.map((p) => p.answerToVisibleMs[i] ?? null))));
  const notVisible = publishes.reduce((sum, p) => sum + p.clickToVisibleMs.filter((v) => v === null).length, 0);
  const worstAnswerToVisible = Math.max(...answerToVisible.map((d) => d.max));
  const worstClickToVisible = Math.max(...clickToVisible.map((d) => d.max));
  const publishMet = publishes.length > 0 && notVisible === 0 && worstAnswerToVisible <= 1000;
  const instanceCpu = cluster.instanceUrls.map((_, i) => mixed.cpu.groups[`instance ${i + 1}`] ?? 0);

  text.push("", `Mixed traffic through the balancer (${fmt(mixed.seconds, 1)} s, ${config.readers} readers, ${cluster.instanceUrls.length} editors)`);
  text.push(`  readers: ${fmt(readerRequests)} requests, ${fmt(readerRequests / mixed.seconds, 1)} req/s; ${fmt(mixed.distinctSearches)} distinct searches`);
  if (mixed.stats.cacheStatus.size) text.push(`  balancer micro-cache: ${[...mixed.stats.cacheStatus.entries()].map(([k, v]) => `${k} ${fmt(v)}`).join(", ")}`);
  text.push(...routeTable([...readerRoutes, ...editorRoutes], mixed.seconds));
  text.push(`  errors: ${errors}   target 0 → ${errors === 0 ? "MET" : "MISSED"}${errors ? ` (first: ${JSON.stringify(mixed.stats.errors.slice(0, 3))} ${mixed.editorRun.failures.slice(0, 3).join("; ")})` : ""}`);
  text.push(`  publishes: ${publishes.length}; the new lead served by each instance directly (polled every 20 ms from the click):`);
  cluster.instanceUrls.forEach((url, i) => {
    const a = answerToVisible[i]!;
    const c = clickToVisible[i]!;
    text.push(`    instance ${i + 1} (${url}): after “Published” p50 ${ms(a.p50)}, max ${ms(a.max)}; after the click p50 ${ms(c.p50)}, max ${ms(c.max)}`);
  });
  text.push(`    not visible within ${VISIBLE_TIMEOUT_MS / 1000} s: ${notVisible}; worst after “Published” ${ms(worstAnswerToVisible)}   target ≤ 1000 ms on every instance → ${publishMet ? "MET" : "MISSED"}`);
  text.push(`    worst after the click, i.e. including the publish action itself: ${ms(worstClickToVisible)}`);
  text.push(
    `  CPU: ${instanceCpu.map((us, i) => `instance ${i + 1} ${fmt(us / 1000)} ms`).join(", ")}, nginx ${fmt((mixed.cpu.groups.nginx ?? 0) / 1000)} ms, bench (load + browser) ${fmt(mixed.cpu.benchUs / 1000)} ms; other processes used ${pct(mixed.cpu.otherShare)} of the machine`,
  );

  text.push("", `One instance vs two, reads that reach the app (median of ${config.repeats}, ${config.wrkSeconds} s each; instance 1 on core 0, instance 2 on core 1)`);
  text.push("  one: wrk on core 1 → instance 1. two: two wrk at once, each pinned to the other instance's core. µs/req = the instance's CPU time / its requests");
  const routes = [...new Set(scalingRuns.map((run) => run.route))];
  const scalingJson = routes.map((route) => {
    const runs = scalingRuns.filter((run) => run.route === route);
    const summary = {
      route,
      oneRps: median(runs.map((r) => r.one.rps)),
      twoRps: median(runs.map((r) => r.two.rps)),
      ratio: median(runs.map((r) => r.ratio)),
      oneUsPerReq: median(runs.map((r) => r.one.usPerReq)),
      twoUsPerReq: [0, 1].map((i) => median(runs.map((r) => r.two.usPerReq[i]!))),
      viaBalancer: runs[0]!.viaBalancer
        ? {
            rps: median(runs.map((r) => r.viaBalancer!.rps)),
            usPerReq: [0, 1].map((i) => median(runs.map((r) => r.viaBalancer!.usPerReq[i]!))),
            nginxUsPerReq: median(runs.map((r) => r.viaBalancer!.nginxUsPerReq)),
          }
        : null,
      otherShare: median(runs.flatMap((r) => [r.one.otherShare, r.two.otherShare])),
      errors: runs.reduce((sum, r) => sum + r.one.errors + r.two.errors + (r.viaBalancer?.errors ?? 0), 0),
      timeouts: runs.reduce((sum, r) => sum + r.one.timeouts + r.two.timeouts + (r.viaBalancer?.timeouts ?? 0), 0),
      runs,
    };
    text.push(`  ${route}:`);
    text.push(`    one instance  ${padLeft(fmt(summary.oneRps), 7)} req/s   ${fmt(summary.oneUsPerReq)} µs/req`);
    text.push(
      `    two instances ${padLeft(fmt(summary.twoRps), 7)} req/s   ${summary.twoUsPerReq.map((us) => fmt(us)).join(" / ")} µs/req   ratio ${fmt(summary.ratio, 2)}× (runs ${runs.map((r) => fmt(r.ratio, 2)).join(", ")})   target ≥ 1.7× → ${summary.ratio >= 1.7 ? "MET" : "MISSED"}`,
    );
    if (summary.viaBalancer) {
      text.push(
        `    two via the balancer, distinct query strings (past the micro-cache): ${fmt(summary.viaBalancer.rps)} req/s; app ${summary.viaBalancer.usPerReq.map((us) => fmt(us)).join(" / ")} µs/req, nginx ${fmt(summary.viaBalancer.nginxUsPerReq)} µs/req`,
      );
    }
    text.push(`    errors ${summary.errors}, wrk timeouts ${summary.timeouts}; other processes used ${pct(summary.otherShare)} of the machine (median over runs)`);
    return summary;
  });

  const staticSummary = {
    balancerRps: median(staticRuns.map((r) => r.balancer.rps)),
    fileRps: median(staticRuns.map((r) => r.file.rps)),
    ratio: median(staticRuns.map((r) => r.ratio)),
    balancerUsPerReq: median(staticRuns.map((r) => r.balancer.usPerReq)),
    fileUsPerReq: median(staticRuns.map((r) => r.file.usPerReq)),
    otherShare: median(staticRuns.flatMap((r) => [r.balancer.otherShare, r.file.otherShare])),
    errors: staticRuns.reduce((sum, r) => sum + r.balancer.errors + r.file.errors + r.balancer.timeouts + r.file.timeouts, 0),
    runs: staticRuns,
  };
  text.push("", `Article page (${fmt(htmlBytes / 1024, 1)} KB): micro-caching balancer vs nginx serving it as a file (median of ${config.repeats}; both nginx ${balancerWorkers} workers on core 0, wrk -c50 on core 1)`);
  text.push(`  balancer micro-cache ${padLeft(fmt(staticSummary.balancerRps), 7)} req/s   ${fmt(staticSummary.balancerUsPerReq, 1)} µs/req`);
  text.push(`  static file          ${padLeft(fmt(staticSummary.fileRps), 7)} req/s   ${fmt(staticSummary.fileUsPerReq, 1)} µs/req`);
  text.push(
    `  ratio ${pct(staticSummary.ratio)} (runs ${staticRuns.map((r) => pct(r.ratio)).join(", ")})   target ≥ 50 % → ${staticSummary.ratio >= 0.5 ? "MET" : "MISSED"}; errors ${staticSummary.errors}; other processes ${pct(staticSummary.otherShare)}`,
  );

  const json = {
    startedAt: startedAt.toISOString(),
    machine: { cpus: os.cpus().length, loadavg: os.loadavg() },
    config,
    mixed: {
      seconds: mixed.seconds,
      readerRequests,
      readerRps: readerRequests / mixed.seconds,
      distinctSearches: mixed.distinctSearches,
      routes: [...readerRoutes, ...editorRoutes],
      cacheStatus: Object.fromEntries(mixed.stats.cacheStatus),
      errors,
      errorSamples: mixed.stats.errors,
      editorFailures: mixed.editorRun.failures,
      publishes,
      answerToVisibleMsPerInstance: answerToVisible,
      clickToVisibleMsPerInstance: clickToVisible,
      worstAnswerToVisibleMs: worstAnswerToVisible,
      worstClickToVisibleMs: worstClickToVisible,
      notVisible,
      cpu: mixed.cpu,
    },
    scaling: scalingJson,
    microCacheVsStatic: { htmlBytes, ...staticSummary },
  };
  return { text, json };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
