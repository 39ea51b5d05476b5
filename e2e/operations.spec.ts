// Operating the production server (scripts/serve.mjs): request ids, /api/metrics behind its token,
// and a graceful shutdown, the last one on a second server of its own so the suite's server lives on.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import net from "node:net";
import { expect, test } from "@playwright/test";

// Set for the suite's server by scripts/e2e-server.mjs.
const METRICS_TOKEN = "e2e-metrics-token";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test.describe("request ids", () => {
  test("every response carries one: the load balancer's when sane, a fresh one otherwise", async ({ request }) => {
    const kept = await request.get("/api/health", { headers: { "x-request-id": "lb-0123456789abcdef" } });
    expect(kept.headers()["x-request-id"]).toBe("lb-0123456789abcdef");
    const replaced = await request.get("/api/health", { headers: { "x-request-id": 'bad id "quoted"' } });
    expect(replaced.headers()["x-request-id"]).toMatch(UUID);
    const first = (await request.get("/")).headers()["x-request-id"];
    const second = (await request.get("/")).headers()["x-request-id"];
    expect(first).toMatch(UUID);
    expect(second).not.toBe(first);
  });
});

test.describe("/api/metrics", () => {
  test("refuses without the token", async ({ request }) => {
    const none = await request.get("/api/metrics");
    expect(none.status()).toBe(401);
    expect(none.headers()["www-authenticate"]).toContain("Bearer");
    expect(await none.text()).not.toContain("http_requests_total");
    const wrong = await request.get("/api/metrics", { headers: { authorization: "Bearer not-the-token" } });
    expect(wrong.status()).toBe(401);
  });

  test("reports requests per route, never cached, in Prometheus text format", async ({ request }) => {
    for (let i = 0; i < 3; i++) expect((await request.get("/api/health")).ok()).toBe(true);
    expect((await request.get("/articles/no-such-article-anywhere")).status()).toBe(404);
    const response = await request.get("/api/metrics", { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.headers()["cache-control"]).toContain("no-store");
    const body = await response.text();
    const health = /^http_requests_total\{method="GET",route="\/api\/health",status="200"\} (\d+)$/m.exec(body);
    expect(Number(health?.[1])).toBeGreaterThanOrEqual(3);
    // The pattern, not the raw path: label values stay bounded.
    expect(body).toMatch(/^http_requests_total\{method="GET",route="\/articles\/\[slug\]",status="404"\} \d+$/m);
    expect(body).not.toContain("no-such-article-anywhere");
    expect(body).toMatch(/^http_request_duration_seconds_count\{method="GET",route="\/api\/health"\} \d+$/m);
    expect(body).toMatch(/^# TYPE lede_cache_lookups_total counter$/m);
    expect(body).toMatch(/^# TYPE lede_articles_published_total counter$/m);
    expect(body).toMatch(/^# TYPE lede_scheduler_lag_seconds histogram$/m);
    expect(body).toMatch(/^process_resident_memory_bytes \d+/m);
  });
});

test.describe("graceful shutdown", () => {
  const port = Number(process.env.E2E_SHUTDOWN_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 1);
  let server: ChildProcess | undefined;

  test.afterEach(() => {
    if (server?.exitCode === null) server.kill("SIGKILL");
  });

  test("SIGTERM finishes the request in flight, refuses new connections and exits 0", async () => {
    test.setTimeout(90_000);
    const logs: string[] = [];
    server = spawn(process.execPath, ["scripts/serve.mjs"], {
      env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: process.env.E2E_DATABASE_URL, LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let buffered = "";
    server.stdout!.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop()!;
      logs.push(...lines);
    });
    const exited = new Promise<number | null>((resolve) => server!.once("exit", (code) => resolve(code)));
    await expect.poll(() => logs.some((line) => line.includes('"msg":"listening"')), { timeout: 60_000 }).toBe(true);

    // A request whose body is still arriving when the signal comes.
    const body = JSON.stringify({ selectedText: "" });
    const request = http.request({
      host: "127.0.0.1",
      port,
      method: "POST",
      path: "/api/corrections",
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), "x-request-id": "e2e-shutdown-1" },
    });
    const response = new Promise<{ status: number; requestId: unknown; body: string }>((resolve, reject) => {
      request.on("response", (res) => {
        let text = "";
        res.on("data", (chunk: Buffer) => (text += chunk.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, requestId: res.headers["x-request-id"], body: text }));
      });
      request.on("error", reject);
    });
    request.write(body.slice(0, 5));
    await new Promise((resolve) => setTimeout(resolve, 500)); // the server has the request's headers

    server.kill("SIGTERM");
    await expect.poll(() => logs.some((line) => line.includes('"msg":"shutting down"'))).toBe(true);
    const connect = () =>
      new Promise<string>((resolve) => {
        const socket = net.connect(port, "127.0.0.1");
        socket.once("connect", () => (socket.destroy(), resolve("connected")));
        socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
      });
    await expect.poll(connect).toBe("ECONNREFUSED");
    expect(server.exitCode).toBeNull(); // still waiting for the request in flight

    request.end(body.slice(5));
    const answered = await response;
    expect(answered.status).toBe(400); // the report is invalid: what matters is that it was answered
    expect(answered.requestId).toBe("e2e-shutdown-1");
    expect(JSON.parse(answered.body)).toHaveProperty("error");
    expect(await exited).toBe(0);

    const entries = logs.filter((line) => line.startsWith("{")).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.find((entry) => entry.msg === "request" && entry.requestId === "e2e-shutdown-1")).toMatchObject({
      level: "info",
      method: "POST",
      path: "/api/corrections",
      route: "/api/corrections",
      status: 400,
    });
    expect(entries.find((entry) => entry.msg === "stopped")).toMatchObject({ clean: true });
  });
});
