// Work to finish before the process exits: scripts/serve.mjs stops taking requests, waits for those in
// flight, then runs these hooks in the order they were registered (e.g. stop the scheduler, then close
// the database pools). Kept on globalThis because hooks are registered from bundled code
// (instrumentation.ts) and run from outside the bundles.
const { logger } = require("./logger.cjs");

const hooks = (globalThis.__ledeShutdownHooks ??= []);

/** Registers `fn` (sync or async) to run once at shutdown. */
function onShutdown(name, fn) {
  hooks.push({ name, fn });
}

/** Runs every hook in order; a hook that fails or hangs past `timeoutMs` is logged and skipped. */
async function runShutdownHooks(timeoutMs = 5000) {
  for (const { name, fn } of hooks.splice(0)) {
    let timer;
    try {
      await Promise.race([
        Promise.resolve().then(fn),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`did not finish within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
    } catch (error) {
      logger.warn({ hook: name, err: error }, "shutdown hook failed");
    } finally {
      clearTimeout(timer);
    }
  }
}

module.exports = { onShutdown, runShutdownHooks };
