// `npm run bench:reader [-- --db=sqlite|postgresql|both --seconds=5 --repeats=3 --articles=100000 --regenerate]`
//
// The reader site under load (issue 5, ../shared/BENCH.md). For each database:
// a data set of --articles published articles (generated once with bulk
// inserts, then reused), our app built once into .next-bench and started as
// `npm start` serves it (scripts/serve.mjs) pinned to core 0, and `wrk -t1 -c50
// --latency` pinned to core 1 against `/`, an article page, a category page and
// search (distinct queries, so no cache answers); the article also through a
// twin server with the response memo off (Next's own cache, as `next start`
// serves it). In the same run, two baselines on the same core: a
// bare Next app whose one prerendered page carries our article's HTML, and
// nginx serving that HTML as a file. Per route: req/s, p50/p99, server CPU µs
// per request (utime+stime of the server's process tree), response bytes vs the
// article HTML. Search latency is also measured one query at a time, through
// HTTP and straight through lib/search. Every run repeats --repeats times and
// the median is reported. Results: a table, and bench/results/reader-<time>.json.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { buildBareNext, flightBytes, htmlOnly, startNginx } from "./lib/reader-baselines";
import { MEASURED_ARTICLE, preparePostgresDataset, prepareSqliteDataset, SEARCH_TERMS } from "./lib/reader-data";
import {
  distinctPathsScript,
  ensureDebianTools,
  fetchRaw,
  median,
  percentile,
  pinSelf,
  runWrk,
  startPinned,
  waitForHttp,
  type Server,
  type WrkResult,
} from "./lib/reader-proc";

const REPO = path.resolve(__dirname, "..");
const WORK = path.join(REPO, "data", "bench");
const DIST_DIR = ".next-bench";
const SERVER_CPU = 0;
const CLIENT_CPU = 1;
const PORTS = { app: 3121, bareNext: 3122, appNextOnly: 3123, nginx: 8081 };
const TARGETS = { articleCpuVsBareNext: 1.1, articleBytesVsHtml: 2, searchP95Ms: 50 };

function option(name: string): string | undefined {
  return process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=").slice(1).join("=");
}
function numberOption(name: string, fallback: number, min: number, max: number): number {
  const raw = option(name);
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) throw new Error(`--${name} must be a number from ${min} to ${max} (got ${raw})`);
  return value;
}

const config = {
  databases: (option("db") ?? "both") === "both" ? (["sqlite", "postgresql"] as const) : ([option("db")] as ("sqlite" | "postgresql")[]),
  seconds: numberOption("seconds", 5, 2, 60),
  repeats: numberOption("repeats", 3, 1, 7),
  articles: numberOption("articles", 100_000, 1_000, 500_000),
  regenerate: process.argv.includes("--regenerate"),
  postgresUrl: option("pg-url") ?? process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
  /** The whole bench stops (and cleans up) past this. */
  maxMinutes: numberOption("max-minutes", 20, 1, 120),
};
for (const database of config.databases) {
  if (database !== "sqlite" && database !== "postgresql") throw new Error(`--db must be sqlite, postgresql or both (got ${database})`);
}

const SEARCH_QUERIES = [
  { label: `"${SEARCH_TERMS.common}" (⅓ of articles)`, q: SEARCH_TERMS.common },
  { label: `${SEARCH_TERMS.common} ${SEARCH_TERMS.mid} (1/30)`, q: `${SEARCH_TERMS.common} ${SEARCH_TERMS.mid}` },
  { label: `phrase "${SEARCH_TERMS.phrase}" (⅙)`, q: `"${SEARCH_TERMS.phrase}"` },
  { label: `${SEARCH_TERMS.rare} (1 %)`, q: SEARCH_TERMS.rare },
  { label: `${SEARCH_TERMS.azerbaijani} (az, 8 %)`, q: SEARCH_TERMS.azerbaijani },
  { label: `${SEARCH_TERMS.cyrillic} (ru, 5 %)`, q: SEARCH_TERMS.cyrillic },
];
const searchPath = (q: string) => `/search?q=${encodeURIComponent(q)}`;

const servers = new Set<Server>();

/** `next start` of the app in `cwd`, pinned to the server core. */
function startNextStart(name: string, cwd: string, port: number, env: NodeJS.ProcessEnv): Server {
  const server = startPinned(name, SERVER_CPU, process.execPath, [path.join(REPO, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd,
    env: { ...env, PORT: String(port), NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    port,
    logFile: path.join(WORK, `${name}.log`),
  });
  servers.add(server);
  return server;
}

/**
 * Our app as `npm start` serves it: scripts/serve.mjs (request ids, JSON logs, metrics, and the
 * response memo that answers cached public pages without entering Next).
 */
function startApp(name: string, port: number, env: NodeJS.ProcessEnv): Server {
  const server = startPinned(name, SERVER_CPU, process.execPath, [path.join(REPO, "scripts", "serve.mjs")], {
    cwd: REPO,
    env: { ...env, PORT: String(port), HOST: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1" },
    port,
    logFile: path.join(WORK, `${name}.log`),
  });
  servers.add(server);
  return server;
}

async function stopServer(server: Server): Promise<void> {
  await server.stop();
  servers.delete(server);
}

type Target = { label: string; server: Server; url: string; script?: string };
type RouteSummary = {
  label: string;
  url: string;
  runs: WrkResult[];
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  serverCpuUsPerRequest: number;
  responseBytes: number;
  /** The same page without its inline RSC payload and script tags. */
  htmlBytes: number;
  responseVsHtml: number;
  /** The same ratio with both gzipped (level 6), as a browser receives them. */
  gzipResponseVsHtml: number;
  otherCpuShare: number;
  errors: number;
};

function summarize(target: Target, runs: WrkResult[], sample: { responseBytes: number; htmlBytes: number; gzipResponseVsHtml: number }): RouteSummary {
  const of = (pick: (run: WrkResult) => number) => median(runs.map(pick));
  return {
    label: target.label,
    url: target.url,
    runs,
    reqPerSec: of((run) => run.reqPerSec),
    p50Ms: of((run) => run.p50Ms),
    p99Ms: of((run) => run.p99Ms),
    serverCpuUsPerRequest: of((run) => run.serverCpuUsPerRequest),
    responseBytes: sample.responseBytes,
    htmlBytes: sample.htmlBytes,
    responseVsHtml: sample.responseBytes / sample.htmlBytes,
    gzipResponseVsHtml: sample.gzipResponseVsHtml,
    otherCpuShare: of((run) => run.otherCpuShare),
    errors: runs.reduce((sum, run) => sum + run.errors + run.non2xx3xx, 0),
  };
}

/** Runs every target `repeats` times, interleaved (A B C, A B C, …), so a busy spell hits them alike. */
async function measure(targets: Target[], label: string): Promise<RouteSummary[]> {
  const runs = new Map<Target, WrkResult[]>(targets.map((target) => [target, []]));
  const samples = new Map<Target, { responseBytes: number; htmlBytes: number; gzipResponseVsHtml: number }>();
  for (const target of targets) {
    // Sizes as wrk gets them (no compression); for search, the first query's page.
    const body = (await fetchRaw(target.url)).body;
    const html = htmlOnly(body.toString("utf8"));
    const gzipResponseVsHtml = gzipSync(body, { level: 6 }).length / gzipSync(html, { level: 6 }).length;
    samples.set(target, { responseBytes: body.length, htmlBytes: Buffer.byteLength(html), gzipResponseVsHtml });
    // JIT warm-up, not recorded.
    await runWrk({ url: target.url, serverPid: target.server.pid, seconds: 2, script: target.script, scriptFile: path.join(WORK, "wrk.lua") });
  }
  for (let repeat = 1; repeat <= config.repeats; repeat += 1) {
    for (const target of targets) {
      const result = await runWrk({ url: target.url, serverPid: target.server.pid, seconds: config.seconds, script: target.script, scriptFile: path.join(WORK, "wrk.lua") });
      runs.get(target)!.push(result);
      console.log(
        `  ${label} #${repeat} ${target.label.padEnd(26)} ${result.reqPerSec.toFixed(0).padStart(6)} req/s  ${result.serverCpuUsPerRequest.toFixed(0).padStart(6)} µs/req  p99 ${result.p99Ms.toFixed(1)} ms${result.errors + result.non2xx3xx ? `  ${result.errors + result.non2xx3xx} errors` : ""}`,
      );
    }
  }
  return targets.map((target) => summarize(target, runs.get(target)!, samples.get(target)!));
}

type LatencySummary = { label: string; total: number | null; p50Ms: number; p95Ms: number; maxMs: number; samples: number };

/** One search at a time through HTTP, each query distinct; p50/p95 per query kind (median over the repeats). */
async function searchLatencyHttp(baseUrl: string, rounds: number): Promise<LatencySummary[]> {
  const perRepeat: Record<string, { p50: number; p95: number; max: number }[]> = {};
  for (let repeat = 0; repeat < config.repeats; repeat += 1) {
    const samples: Record<string, number[]> = {};
    for (let round = 0; round < rounds; round += 1) {
      for (const { label, q } of SEARCH_QUERIES) {
        const response = await fetchRaw(`${baseUrl}${searchPath(`${q} -zh${repeat}x${round}`)}`);
        if (response.status !== 200) throw new Error(`search answered ${response.status}`);
        (samples[label] ??= []).push(response.ms);
      }
    }
    for (const [label, values] of Object.entries(samples)) {
      (perRepeat[label] ??= []).push({ p50: percentile(values, 50), p95: percentile(values, 95), max: Math.max(...values) });
    }
  }
  return SEARCH_QUERIES.map(({ label }) => ({
    label,
    total: null,
    p50Ms: median(perRepeat[label]!.map((each) => each.p50)),
    p95Ms: median(perRepeat[label]!.map((each) => each.p95)),
    maxMs: Math.max(...perRepeat[label]!.map((each) => each.max)),
    samples: rounds * config.repeats,
  }));
}

/** lib/search's searchArticles timed in a child process on core 0 (while the server idles): the database's share. */
async function searchLatencyDirect(databaseUrl: string, rounds: number): Promise<LatencySummary[]> {
  const input = JSON.stringify({ queries: SEARCH_QUERIES, rounds: rounds * config.repeats, nonce: "zd" });
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn("taskset", ["-c", String(SERVER_CPU), process.execPath, "--conditions=react-server", "--import", "tsx", path.join(REPO, "bench", "lib", "reader-search-direct.ts"), input], {
      cwd: REPO,
      env: { ...process.env, DATABASE_URL: databaseUrl, LEDE_SCHEDULER: "off" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let text = "";
    child.stdout.on("data", (chunk) => (text += chunk));
    child.stderr.on("data", (chunk) => (text += chunk));
    const killer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.on("exit", (code) => {
      clearTimeout(killer);
      if (code === 0) resolve(text);
      else reject(new Error(`direct search timing failed (${code}): ${text.slice(-800)}`));
    });
  });
  const json = output.match(/DIRECT_JSON (\{.*\})/)?.[1];
  if (!json) throw new Error(`unexpected output: ${output.slice(-500)}`);
  const { timings, totals } = JSON.parse(json) as { timings: Record<string, number[]>; totals: Record<string, number> };
  return SEARCH_QUERIES.map(({ label }) => {
    const values = timings[label]!;
    return { label, total: totals[label] ?? null, p50Ms: percentile(values, 50), p95Ms: percentile(values, 95), maxMs: Math.max(...values), samples: values.length };
  });
}

type DatabaseResult = {
  database: "sqlite" | "postgresql";
  articles: number;
  generatedSeconds: number | null;
  articleHtmlBytes: number;
  articleResponseBytes: number;
  articleFlightBytes: number;
  routes: RouteSummary[];
  searchHttp: LatencySummary[];
  searchDirect: LatencySummary[];
  ratios: { articleCpuVsBareNext: number; nextCacheOnlyCpuVsBareNext: number; articleReqPerSecVsBareNext: number; articleBytesVsHtml: number; articleGzipBytesVsHtml: number; bareNextBytesVsHtml: number; articleCpuVsNginx: number };
};

async function benchDatabase(database: "sqlite" | "postgresql", env: NodeJS.ProcessEnv, baselines: { started: boolean; bareNext?: Server; nginx?: Server }): Promise<DatabaseResult> {
  console.log(`\n› ${database}: preparing ${config.articles.toLocaleString("en-US")} articles`);
  const dataset =
    database === "sqlite"
      ? { url: `file:${path.join(WORK, "reader.db")}`, ...(await prepareSqliteDataset(path.join(WORK, "reader.db"), config.articles, config.regenerate)) }
      : await preparePostgresDataset(config.postgresUrl, "lede_bench_reader", config.articles, config.regenerate);
  console.log(dataset.generatedSeconds === null ? "  reused the data set from an earlier run" : `  generated in ${dataset.generatedSeconds.toFixed(0)} s`);

  const base = `http://127.0.0.1:${PORTS.app}`;
  const appEnv = { ...env, DATABASE_URL: dataset.url, SITE_URL: base, NEXTAUTH_URL: base, NEXT_DIST_DIR: DIST_DIR };
  const app = startApp(`app-${database}`, PORTS.app, appEnv);
  // The same server with the response memo off: what Next's own cache costs per request.
  const nextOnlyBase = `http://127.0.0.1:${PORTS.appNextOnly}`;
  const appNextOnly = startApp(`app-next-only-${database}`, PORTS.appNextOnly, { ...appEnv, RESPONSE_MEMO_MB: "0" });
  try {
    await waitForHttp(`${base}/api/health`, app);
    await waitForHttp(`${nextOnlyBase}/api/health`, appNextOnly);
    const nextOnlyArticleUrl = `${nextOnlyBase}/articles/${MEASURED_ARTICLE.slug}`;
    for (let visit = 0; visit < 3; visit += 1) await fetchRaw(nextOnlyArticleUrl);
    const articleUrl = `${base}/articles/${MEASURED_ARTICLE.slug}`;
    const categoryUrl = `${base}/categories/${MEASURED_ARTICLE.category}`;
    // First visits render and fill the cache; the bench measures what readers get after that.
    for (const url of [`${base}/`, articleUrl, categoryUrl, `${base}${searchPath(SEARCH_TERMS.common)}`]) {
      for (let visit = 0; visit < 3; visit += 1) {
        const response = await fetchRaw(url);
        if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
      }
    }
    const articleResponse = await fetchRaw(articleUrl);
    const cacheState = articleResponse.headers.find(([name]) => name === "x-nextjs-cache")?.[1];
    if (cacheState !== "HIT") throw new Error(`the article page is not served from the cache (x-nextjs-cache: ${cacheState})`);
    const page = articleResponse.body.toString("utf8");
    const html = htmlOnly(page);
    const htmlBytes = Buffer.byteLength(html);

    if (!baselines.started) {
      const bareDir = path.join(WORK, "bare-next");
      buildBareNext(REPO, bareDir, html);
      baselines.bareNext = startNextStart("bare-next", bareDir, PORTS.bareNext, { ...process.env, NEXT_DIST_DIR: undefined });
      baselines.nginx = startNginx(path.join(WORK, "nginx"), PORTS.nginx, html, SERVER_CPU);
      servers.add(baselines.nginx);
      await waitForHttp(`http://127.0.0.1:${PORTS.bareNext}/`, baselines.bareNext);
      await waitForHttp(`http://127.0.0.1:${PORTS.nginx}/article.html`, baselines.nginx);
      baselines.started = true;
    }
    const bareNext = baselines.bareNext!;
    const nginx = baselines.nginx!;

    const searchPaths = SEARCH_QUERIES.map(({ q }) => searchPath(q));
    const targets: Target[] = [
      { label: "/ (front page)", server: app, url: `${base}/` },
      { label: "article page", server: app, url: articleUrl },
      { label: "article, Next's cache only", server: appNextOnly, url: nextOnlyArticleUrl },
      { label: "bare Next, same HTML", server: bareNext, url: `http://127.0.0.1:${PORTS.bareNext}/` },
      { label: "nginx, same HTML", server: nginx, url: `http://127.0.0.1:${PORTS.nginx}/article.html` },
      { label: "category page", server: app, url: categoryUrl },
      {
        label: "search (distinct queries)",
        server: app,
        url: `${base}${searchPaths[0]}`,
        // Each request a different query string (a nonce word excluded), so the search always runs.
        script: distinctPathsScript(searchPaths, (counter) => `"+-zw" .. ${counter}`),
      },
    ];
    console.log(`  wrk: ${config.repeats} × ${config.seconds} s per target, server on core ${SERVER_CPU}, wrk on core ${CLIENT_CPU}`);
    const routes = await measure(targets, database);
    const directRounds = 20;
    const searchDirect = await searchLatencyDirect(dataset.url, directRounds);
    const searchHttp = await searchLatencyHttp(base, 10);

    const find = (label: string) => routes.find((route) => route.label === label)!;
    const article = find("article page");
    const bare = find("bare Next, same HTML");
    const nextOnly = find("article, Next's cache only");
    const nginxRoute = find("nginx, same HTML");
    return {
      database,
      articles: dataset.articles,
      generatedSeconds: dataset.generatedSeconds,
      articleHtmlBytes: htmlBytes,
      articleResponseBytes: articleResponse.body.length,
      articleFlightBytes: flightBytes(page),
      routes,
      searchHttp,
      searchDirect,
      ratios: {
        articleCpuVsBareNext: article.serverCpuUsPerRequest / bare.serverCpuUsPerRequest,
        nextCacheOnlyCpuVsBareNext: nextOnly.serverCpuUsPerRequest / bare.serverCpuUsPerRequest,
        articleReqPerSecVsBareNext: article.reqPerSec / bare.reqPerSec,
        articleBytesVsHtml: article.responseBytes / htmlBytes,
        articleGzipBytesVsHtml: article.gzipResponseVsHtml,
        bareNextBytesVsHtml: bare.responseBytes / htmlBytes,
        articleCpuVsNginx: article.serverCpuUsPerRequest / nginxRoute.serverCpuUsPerRequest,
      },
    };
  } finally {
    await Promise.all([stopServer(app), stopServer(appNextOnly)]);
  }
}

const fmt = (value: number, digits = 0) => value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

function printResult(result: DatabaseResult): void {
  console.log(`\n${result.database}: ${fmt(result.articles)} published articles; article HTML ${fmt(result.articleHtmlBytes)} B (inline RSC payload ${fmt(result.articleFlightBytes)} B)`);
  const header = ["route", "req/s", "p50 ms", "p99 ms", "CPU µs/req", "bytes/resp", "its HTML", "× HTML", "gzip × HTML", "other CPU", "errors"];
  const rows = result.routes.map((route) => [
    route.label,
    fmt(route.reqPerSec),
    fmt(route.p50Ms, 1),
    fmt(route.p99Ms, 1),
    fmt(route.serverCpuUsPerRequest),
    fmt(route.responseBytes),
    fmt(route.htmlBytes),
    fmt(route.responseVsHtml, 2),
    fmt(route.gzipResponseVsHtml, 2),
    `${fmt(route.otherCpuShare * 100)} %`,
    String(route.errors),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  ");
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  const busiest = Math.max(...result.routes.map((route) => route.otherCpuShare));
  if (busiest > 0.25) {
    console.log(`note: other processes used up to ${fmt(busiest * 100)} % of a core during these runs (see "other CPU"): req/s and latency suffer most, CPU µs/req and same-run ratios least.`);
  }
  const { ratios } = result;
  const verdict = (ok: boolean) => (ok ? "ok" : "MISSED");
  console.log(
    `article vs bare Next: CPU/req ${fmt(ratios.articleCpuVsBareNext, 2)}× (target ≤ ${TARGETS.articleCpuVsBareNext}×: ${verdict(ratios.articleCpuVsBareNext <= TARGETS.articleCpuVsBareNext)}), ` +
      `req/s ${fmt(ratios.articleReqPerSecVsBareNext, 2)}×; with the response memo off (Next's cache only) ${fmt(ratios.nextCacheOnlyCpuVsBareNext, 2)}×; response ${fmt(ratios.articleBytesVsHtml, 2)}× its HTML (target ≤ ${TARGETS.articleBytesVsHtml}×: ${verdict(ratios.articleBytesVsHtml <= TARGETS.articleBytesVsHtml)}; bare Next ${fmt(ratios.bareNextBytesVsHtml, 2)}×; gzipped ${fmt(ratios.articleGzipBytesVsHtml, 2)}×)`,
  );
  console.log(`\nsearch, one query at a time (p50 / p95 / max ms; target p95 ≤ ${TARGETS.searchP95Ms} ms):`);
  for (const direct of result.searchDirect) {
    const http = result.searchHttp.find((each) => each.label === direct.label)!;
    console.log(
      `  ${direct.label.padEnd(30)} ${String(direct.total ?? "").padStart(5)} results   HTTP ${fmt(http.p50Ms, 1).padStart(5)} / ${fmt(http.p95Ms, 1).padStart(5)} / ${fmt(http.maxMs, 1).padStart(5)}   lib/search ${fmt(direct.p50Ms, 1).padStart(5)} / ${fmt(direct.p95Ms, 1).padStart(5)} / ${fmt(direct.maxMs, 1).padStart(5)}`,
    );
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const deadline = setTimeout(() => {
    console.error(`✗ The bench ran past --max-minutes=${config.maxMinutes}; stopping.`);
    void cleanup().then(() => process.exit(2));
  }, config.maxMinutes * 60_000);
  deadline.unref();
  process.chdir(REPO);
  mkdirSync(WORK, { recursive: true });
  ensureDebianTools({ wrk: "wrk", nginx: "nginx", taskset: "util-linux" });
  pinSelf(CLIENT_CPU);

  // One build of the app for every run of this bench, in its own dist dir.
  process.env.NEXT_DIST_DIR = DIST_DIR;
  const { buildIfNeeded } = (await import(pathToFileURL(path.join(REPO, "scripts", "lib", "build.mjs")).href)) as { buildIfNeeded: () => Promise<boolean> };
  const { loadRuntimeEnv } = (await import(pathToFileURL(path.join(REPO, "scripts", "lib", "env.mjs")).href)) as { loadRuntimeEnv: (env: NodeJS.ProcessEnv) => NodeJS.ProcessEnv };
  await buildIfNeeded();
  const env = loadRuntimeEnv({ ...process.env });

  const loadBefore = os.loadavg();
  const baselines: { started: boolean; bareNext?: Server; nginx?: Server } = { started: false };
  const results: DatabaseResult[] = [];
  try {
    for (const database of config.databases) results.push(await benchDatabase(database, env, baselines));
  } finally {
    await cleanup();
  }
  for (const result of results) printResult(result);

  const nextVersion = JSON.parse(readFileSync(path.join(REPO, "node_modules", "next", "package.json"), "utf8")).version as string;
  const stamp = new Date().toISOString();
  const report = {
    bench: "reader",
    date: stamp,
    machine: {
      cpu: os.cpus()[0]?.model,
      cores: os.cpus().length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      kernel: os.release(),
      node: process.version,
      next: nextVersion,
      loadAverageBefore: loadBefore,
      loadAverageAfter: os.loadavg(),
    },
    config: { ...config, serverCpu: SERVER_CPU, clientCpu: CLIENT_CPU, connections: 50 },
    targets: TARGETS,
    results,
    seconds: (Date.now() - started) / 1000,
  };
  const resultsDir = path.join(REPO, "bench", "results");
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `reader-${stamp.replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2));
  console.log(`\nWrote ${path.relative(REPO, file)} (${fmt(report.seconds)} s)`);
  clearTimeout(deadline);
}

async function cleanup(): Promise<void> {
  await Promise.all([...servers].map((server) => stopServer(server)));
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void cleanup().then(() => process.exit(130));
  });
}

main().catch(async (error) => {
  console.error(`✗ ${error instanceof Error ? (error.stack ?? error.message) : error}`);
  await cleanup();
  process.exit(1);
});
