// Structured logs: one JSON object per line on stdout (pino), level from LOG_LEVEL (default "info").
// CommonJS because it is loaded both outside the bundles (scripts/serve.mjs, lib/cache/handler.cjs) and
// from bundled server code; the logger lives on globalThis so every copy writes through the same one.
//
// Every line logged while a request is handled carries that request's id: scripts/serve.mjs runs each
// request inside `requestContext`, and the logger's mixin reads it.
const { AsyncLocalStorage } = require("node:async_hooks");
const pino = require("pino");

function create() {
  const requestContext = new AsyncLocalStorage();
  const logger = pino({
    level: process.env.LOG_LEVEL || "info",
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Level names ("info") rather than numbers read better in `grep` and in log shippers alike.
    formatters: { level: (label) => ({ level: label }) },
    mixin() {
      const store = requestContext.getStore();
      return store ? { requestId: store.requestId } : {};
    },
  });
  return { logger, requestContext };
}

const shared = (globalThis.__ledeLogger ??= create());

/** The id of the request being handled (the `x-request-id` header the app sees), if any. */
function currentRequestId() {
  return shared.requestContext.getStore()?.requestId;
}

module.exports = { logger: shared.logger, requestContext: shared.requestContext, currentRequestId };
