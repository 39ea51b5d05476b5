// `npm start`: migrate, seed on first run, build if the sources changed, serve (scripts/serve.mjs).
import { loadRuntimeEnv } from "./lib/env.mjs";
import { buildIfNeeded } from "./lib/build.mjs";
import { run, exec } from "./lib/run.mjs";

const env = loadRuntimeEnv();
const port = env.PORT ?? "3000";

try {
  await run("node_modules/.bin/tsx", ["scripts/prepare.ts"], { env });
  await buildIfNeeded();
} catch (error) {
  console.error(`✗ ${error.message}`);
  process.exit(error.code ?? 1);
}
console.log(`› Serving Lede on http://localhost:${port}`);
exec(process.execPath, ["scripts/serve.mjs"], { env: { ...env, PORT: port, HOST: env.HOST ?? "0.0.0.0" } });
