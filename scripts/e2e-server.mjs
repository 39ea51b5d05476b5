// The app as the browser tests see it: its own database (E2E_DATABASE_URL,
// prepared and seeded from seeds/), served by scripts/serve.mjs on E2E_PORT.
import { loadRuntimeEnv } from "./lib/env.mjs";
import { buildIfNeeded } from "./lib/build.mjs";
import { run, exec } from "./lib/run.mjs";

const port = process.env.E2E_PORT ?? "3100";
const env = loadRuntimeEnv({
  ...process.env,
  PORT: port,
  HOST: "127.0.0.1",
  DATABASE_URL: process.env.E2E_DATABASE_URL ?? "file:data/test/e2e.db",
  SITE_URL: `http://127.0.0.1:${port}`,
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  // e2e/operations.spec.ts reads /api/metrics with this token.
  METRICS_TOKEN: "e2e-metrics-token",
  // One line per request would drown Playwright's output; LOG_LEVEL=info shows them.
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
});

await run("node_modules/.bin/tsx", ["scripts/prepare.ts"], { env });
await buildIfNeeded();
exec(process.execPath, ["scripts/serve.mjs"], { env });
