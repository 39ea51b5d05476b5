// `npm test`: every test. Unit + integration (vitest) against a fresh database,
// then the browser suite (Playwright) against the built app on its own fresh
// database. DATABASE_URL=postgresql://… runs both on PostgreSQL instead of SQLite,
// and then the cluster suite too (two instances behind nginx on PostgreSQL and
// Redis, tests/cluster/*.cluster.ts), which needs PostgreSQL.
//   --only=unit | --only=e2e | --only=cluster     run one suite
//   anything else                passed to the runner(s)
import { existsSync, readFileSync, rmSync } from "node:fs";
import { loadRuntimeEnv } from "./lib/env.mjs";
import { buildIfNeeded } from "./lib/build.mjs";
import { ensureChromium } from "./lib/chromium.mjs";
import { createTestDatabases } from "./lib/test-databases.mjs";
import { run } from "./lib/run.mjs";

const args = process.argv.slice(2);
const only = args.find((arg) => arg.startsWith("--only="))?.slice("--only=".length);
const passThrough = args.filter((arg) => !arg.startsWith("--only="));
const env = loadRuntimeEnv({ ...process.env });
const onPostgresql = /^postgres(ql)?:\/\//.test(env.DATABASE_URL ?? "");
const suites = only ? [only] : onPostgresql ? ["unit", "e2e", "cluster"] : ["unit", "e2e"];
const totals = { passed: 0, failed: 0, skipped: 0 };
const TEST_DIR = process.env.LEDE_TEST_DIR ?? "data/test";
const REPORTS = { unit: `${TEST_DIR}/vitest.json`, e2e: `${TEST_DIR}/playwright.json`, cluster: `${TEST_DIR}/cluster.json` };

function readTotals(suite) {
  if (!existsSync(REPORTS[suite])) return;
  const report = JSON.parse(readFileSync(REPORTS[suite], "utf8"));
  if (suite === "unit" || suite === "cluster") {
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
  } else {
    totals.passed += report.stats.expected + report.stats.flaky;
    totals.failed += report.stats.unexpected;
    totals.skipped += report.stats.skipped;
  }
}

const databases = suites.flatMap((suite) => (suite === "unit" ? ["integration"] : suite === "e2e" ? ["e2e"] : []));
const { urls, drop } = await createTestDatabases(env.DATABASE_URL, databases);
let failure;
try {
  for (const report of Object.values(REPORTS)) rmSync(report, { force: true });
  if (suites.includes("unit")) {
    console.log(`\n› Unit and integration tests (${urls.integration.split("?")[0]})`);
    await run("node_modules/.bin/vitest", ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${REPORTS.unit}`, ...passThrough], {
      env: { ...env, DATABASE_URL: urls.integration },
    }).catch((error) => (failure ??= error));
    readTotals("unit");
  }
  if (suites.includes("e2e")) {
    const chromium = ensureChromium();
    await buildIfNeeded();
    console.log(`\n› Browser tests (${urls.e2e.split("?")[0]})`);
    await run("node_modules/.bin/playwright", ["test", ...passThrough], {
      env: { ...env, CHROMIUM_PATH: chromium, E2E_DATABASE_URL: urls.e2e, PLAYWRIGHT_JSON_OUTPUT_NAME: REPORTS.e2e },
    }).catch((error) => (failure ??= error));
    readTotals("e2e");
  }
  if (suites.includes("cluster")) {
    await buildIfNeeded();
    console.log("\n› Cluster tests (two instances, nginx, PostgreSQL, Redis)");
    await run("node_modules/.bin/vitest", ["run", "--config", "vitest.cluster.config.mts", "--reporter=default", "--reporter=json", `--outputFile.json=${REPORTS.cluster}`], {
      // Its own ports, so a developer's `npm start` on :3000 is not in the way.
      env: { CLUSTER_TEST_PORTS: "3300,3301,3302", ...env },
    }).catch((error) => (failure ??= error));
    readTotals("cluster");
  }
} finally {
  await drop();
}
console.log(`\nTotal: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failure || totals.failed > 0 ? 1 : 0);
