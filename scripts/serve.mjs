// The production server of one instance: Next's request handler behind a plain node:http server that
// gives every request an id, logs it as one JSON line, counts it in the metrics, and shuts down
// gracefully. `npm start`, the e2e server and the cluster script run it as `node scripts/serve.mjs`
// against a built app, configured by the environment: PORT, HOST, DATABASE_URL, REDIS_URL, …
//   SHUTDOWN_TIMEOUT_MS   how long SIGTERM/SIGINT waits for requests in flight (default 10000)
//   KEEP_ALIVE_TIMEOUT_MS idle keep-alive connections are closed after this (default 65000: longer than
//                         a load balancer's own idle timeout, so it never reuses a connection we just closed)
//   RESPONSE_MEMO_MB      memory for cached public pages' responses, answered without Next (default 64,
//                         0 = off; lib/cache/response-memo.cjs)
//   TRUSTED_PROXIES       addresses whose X-Forwarded-For is believed (default loopback: a balancer on
//                         this host); everyone else's is replaced by their own address
import http from "node:http";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// As `next start` does, before anything reads them: production React, and .env files (LOG_LEVEL…).
process.env.NODE_ENV = "production";
createRequire(require.resolve("next"))("@next/env").loadEnvConfig(dir, false, { info: () => {}, error: console.error });

const { logger, requestContext } = require("../lib/observability/logger.cjs");
const { recordHttpRequest } = require("../lib/observability/metrics.cjs");
const { runShutdownHooks } = require("../lib/observability/lifecycle.cjs");
const { requestIdFrom, loadRouteMatcher, pathnameOf, loggablePath, pinClientAddress, trustedProxies } = require("../lib/observability/requests.cjs");
const { responseMemo } = require("../lib/cache/response-memo.cjs");
const next = require("next");

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || "0.0.0.0";
const shutdownTimeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS || 10_000);
const keepAliveTimeoutMs = Number(process.env.KEEP_ALIVE_TIMEOUT_MS || 65_000);
const proxies = trustedProxies();

const app = next({ dev: false, dir, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();
const routeOf = loadRouteMatcher(path.join(dir, process.env.NEXT_DIST_DIR || ".next"));
const memo = responseMemo();
// `next start` sets this too: server actions that redirect fetch the target from this instance itself,
// which must not go back out through the Host header (the load balancer's name).
process.env.__NEXT_PRIVATE_ORIGIN = `http://${hostname === "0.0.0.0" || hostname === "::" ? "localhost" : hostname}:${port}`;

/** Responses not finished yet: told to close their connection once shutdown starts. */
const inFlight = new Set();
let shuttingDown = false;

function byteLength(chunk, encoding) {
  if (chunk == null || typeof chunk === "function") return 0;
  return typeof chunk === "string" ? Buffer.byteLength(chunk, typeof encoding === "string" ? encoding : "utf8") : chunk.length;
}

function onRequest(req, res) {
  const started = performance.now();
  const url = req.url ?? "/";
  const requestId = requestIdFrom(req.headers["x-request-id"]);
  req.headers["x-request-id"] = requestId;
  res.setHeader("x-request-id", requestId);
  pinClientAddress(req.headers, req.socket.remoteAddress, proxies);
  if (shuttingDown) res.setHeader("connection", "close");
  inFlight.add(res);
  // Next 16 sends a cached page's redirect Location twice on the request that renders it (the render
  // sets it, then the cache entry's headers are appended again: vercel/next.js#82117), e.g. an old
  // article slug's 308. A Location is one URI, so an identical second value is dropped.
  const appendHeader = res.appendHeader;
  res.appendHeader = function (name, value) {
    if (String(name).toLowerCase() === "location" && this.getHeader("location") === value) return this;
    return appendHeader.call(this, name, value);
  };

  let bytes = 0;
  const { write, end } = res;
  res.write = function (chunk, encoding, callback) {
    bytes += byteLength(chunk, encoding);
    return write.call(this, chunk, encoding, callback);
  };
  res.end = function (chunk, encoding, callback) {
    bytes += byteLength(chunk, encoding);
    return end.call(this, chunk, encoding, callback);
  };

  res.once("close", () => {
    inFlight.delete(res);
    const pathname = pathnameOf(url);
    const route = routeOf(pathname);
    // 499 (nginx's convention): the client went away before the response was complete.
    const status = res.writableFinished ? res.statusCode : 499;
    const ms = performance.now() - started;
    recordHttpRequest(req.method, route, status, ms / 1000);
    logger.info({ requestId, method: req.method, path: loggablePath(pathname, route), route, status, ms: Math.round(ms * 10) / 10, bytes }, "request");
    if (shuttingDown && inFlight.size === 0) server.closeIdleConnections();
  });

  const answer = () => requestContext.run({ requestId }, () => handle(req, res));
  Promise.resolve(memo ? memo.handle(req, res, answer) : answer()).catch((error) => {
    logger.error({ requestId, err: error }, "request failed");
    if (res.headersSent) res.destroy();
    else {
      res.statusCode = 500;
      res.end("Internal Server Error");
    }
  });
}

const server = http.createServer(onRequest);
server.keepAliveTimeout = keepAliveTimeoutMs;
server.headersTimeout = keepAliveTimeoutMs + 5_000;
server.on("error", (error) => {
  logger.fatal({ err: error }, "server failed");
  process.exit(1);
});
server.listen(port, hostname, () => logger.info({ url: `http://${hostname}:${port}` }, "listening"));

async function shutdown(signal) {
  if (shuttingDown) return; // e.g. Ctrl-C reaches both `npm start` and this process
  shuttingDown = true;
  logger.info({ signal, inFlight: inFlight.size }, "shutting down");
  for (const res of inFlight) if (!res.headersSent) res.setHeader("connection", "close");
  // Stops accepting connections and closes idle keep-alive ones; resolves once every connection is gone.
  const drained = new Promise((resolve) => server.close(() => resolve(true)));
  let timer;
  const timedOut = new Promise((resolve) => {
    timer = setTimeout(() => resolve(false), shutdownTimeoutMs);
  });
  const clean = await Promise.race([drained, timedOut]);
  clearTimeout(timer);
  if (!clean) {
    logger.warn({ inFlight: inFlight.size, timeoutMs: shutdownTimeoutMs }, "requests still running at the shutdown deadline; closing their connections");
    server.closeAllConnections();
  }
  await runShutdownHooks();
  await app.close().catch((error) => logger.warn({ err: error }, "closing Next failed"));
  logger.info({ clean }, "stopped");
  process.exit(clean ? 0 : 1);
}

for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => void shutdown(signal));
