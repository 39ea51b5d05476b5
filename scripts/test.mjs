// `npm test`: every test. Unit + integration (vitest) against a fresh database,
// then the browser suite (Playwright) against the built app on its own fresh
// database. DATABASE_URL=postgresql://… runs both on PostgreSQL instead of SQLite.
//   --only=unit | --only=e2e     run one suite
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
const suites = only ? [only] : ["unit", "e2e"];
const env = loadRuntimeEnv({ ...process.env });
const totals = { passed: 0, failed: 0, skipped: 0 };
const TEST_DIR = process.env.LEDE_TEST_DIR ?? "data/test";
const REPORTS = { unit: `${TEST_DIR}/vitest.json`, e2e: `${TEST_DIR}/playwright.json` };

function readTotals(suite) {
  if (!existsSync(REPORTS[suite])) return;
  const report = JSON.parse(readFileSync(REPORTS[suite], "utf8"));
  if (suite === "unit") {
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
  } else {
    totals.passed += report.stats.expected + report.stats.flaky;
    totals.failed += report.stats.unexpected;
    totals.skipped += report.stats.skipped;
  }
}

const { urls, drop } = await createTestDatabases(env.DATABASE_URL, suites.map((suite) => (suite === "unit" ? "integration" : "e2e")));
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
} finally {
  await drop();
}
console.log(`\nTotal: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failure || totals.failed > 0 ? 1 : 0);
