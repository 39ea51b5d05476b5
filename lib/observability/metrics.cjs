// Prometheus metrics of this process (prom-client), served by /api/metrics. Each instance keeps and
// reports its own: Prometheus scrapes every instance directly, never through the load balancer.
//
// CommonJS and kept on globalThis because three kinds of code record into it: scripts/serve.mjs
// (requests), lib/cache/handler.cjs (cache lookups; loaded by Next outside the bundles) and bundled
// server code (publishing); a second registry would silently split the numbers.
const client = require("prom-client");

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

function create() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new client.Counter({
      name: "http_requests_total",
      help: "HTTP requests answered, by method, route pattern and status (499: the client went away first).",
      labelNames: ["method", "route", "status"],
      registers: [registry],
    }),
    httpDuration: new client.Histogram({
      name: "http_request_duration_seconds",
      help: "Time from receiving a request to the end of its response, by method and route pattern.",
      labelNames: ["method", "route"],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    cacheLookups: new client.Counter({
      name: "lede_cache_lookups_total",
      help: "Server cache lookups by layer (e.g. redis, local) and result (hit, miss, stale, error).",
      labelNames: ["layer", "result"],
      registers: [registry],
    }),
    published: new client.Counter({
      name: "lede_articles_published_total",
      help: "Articles published by this instance, by an editor or by the scheduler.",
      labelNames: ["via"],
      registers: [registry],
    }),
    schedulerLag: new client.Histogram({
      name: "lede_scheduler_lag_seconds",
      help: "How late the scheduler published an article after its scheduled time.",
      buckets: [0.5, 1, 2, 3, 5, 10, 30, 60, 300, 3600],
      registers: [registry],
    }),
  };
}

const metrics = (globalThis.__ledeMetrics ??= create());

/** One answered request; `route` must be a route pattern (bounded label values), never a raw path. */
function recordHttpRequest(method, route, status, seconds) {
  const verb = METHODS.has(method) ? method : "OTHER";
  metrics.httpRequests.inc({ method: verb, route, status: String(status) });
  metrics.httpDuration.observe({ method: verb, route }, seconds);
}

function recordCacheLookup(layer, result) {
  metrics.cacheLookups.inc({ layer, result });
}

function recordPublish(via) {
  metrics.published.inc({ via });
}

function recordSchedulerLag(seconds) {
  metrics.schedulerLag.observe(Math.max(0, seconds));
}

/** The exposition text and its content type. */
async function renderMetrics() {
  return { body: await metrics.registry.metrics(), contentType: metrics.registry.contentType };
}

module.exports = { recordHttpRequest, recordCacheLookup, recordPublish, recordSchedulerLag, renderMetrics };
