// The server cache handler (lib/cache/handler.cjs) against real Redis servers
// this file starts (redis-server on free ports, so pausing or killing one
// disturbs nobody else) and the real database named by DATABASE_URL. Each "app
// instance" is a separate process (tests/cluster/support/cache-peer.cjs) with
// its own module instances and file-system cache, as two `next start` would be.
import { fork, spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import path from "node:path";
import Redis from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUrl } from "@/lib/config";
import { db } from "@/lib/db";
import { migrate } from "@/lib/db/migrate";
import { recordInvalidations } from "@/lib/cache/invalidations";

const RUN = randomUUID().slice(0, 8);
/**
 * Invalidation and entry times are Redis milliseconds, and an entry whose render began in the same
 * millisecond as an invalidation counts as older (rendered once more, never stale): a real render
 * takes longer than that, so the tests leave a few milliseconds between the two.
 */
const renderTime = () => new Promise((resolve) => setTimeout(resolve, 5));
const PEER = path.resolve("tests/cluster/support/cache-peer.cjs");
const WARNING = "Redis unavailable";

type Wire = { lastModified: number; value: unknown } | null;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitFor<T>(probe: () => Promise<T | null | false>, timeoutMs: number, intervalMs = 50): Promise<T | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) return null;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

class RedisServer {
  process: ChildProcess | null = null;
  constructor(readonly port: number) {}
  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }
  async start() {
    this.process = spawn("redis-server", ["--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    const client = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on("error", () => {}); // refused until the server listens
    const up = await waitFor(async () => {
      await client.connect().catch(() => undefined);
      return (await client.ping()) === "PONG";
    }, 10_000);
    client.disconnect();
    if (!up) throw new Error(`redis-server did not start on port ${this.port} (is Debian's redis-server installed?)`);
  }
  pause() {
    this.process?.kill("SIGSTOP");
  }
  resume() {
    this.process?.kill("SIGCONT");
  }
  async stop() {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    child.kill("SIGCONT");
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
    this.process = null;
  }
}

/** One app instance: a cache handler in its own process. */
class Peer {
  private child: ChildProcess;
  private next = 0;
  private waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  output = "";
  ready: Promise<void>;

  constructor(env: Record<string, string>) {
    this.child = fork(PEER, [], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe", "ipc"] });
    this.child.stdout?.on("data", (chunk) => (this.output += chunk));
    this.child.stderr?.on("data", (chunk) => (this.output += chunk));
    this.ready = new Promise((resolve) => {
      this.child.on("message", (message: { ready?: boolean; id?: number; result?: unknown; error?: string }) => {
        if (message.ready) return resolve();
        const waiter = this.waiting.get(message.id!);
        this.waiting.delete(message.id!);
        if (message.error) waiter?.reject(new Error(message.error));
        else waiter?.resolve(message.result);
      });
    });
  }

  call<T>(op: string, ...args: unknown[]): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${op} took over 5 s`)), 5000);
      this.waiting.set(id, {
        resolve: (value) => (clearTimeout(timer), resolve(value as T)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      });
      this.child.send({ id, op, args });
    });
  }

  get = (key: string, ctx: object) => this.call<Wire>("get", key, ctx);
  set = (key: string, value: object, ctx: object) => this.call<null>("set", key, value, ctx);
  revalidateTag = (tags: string[]) => this.call<null>("revalidateTag", tags);
  state = () => this.call<string>("state");
  warnings = () => this.output.split("\n").filter((line) => line.includes(WARNING)).length;

  async close() {
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.disconnect();
    await exited;
  }
}

const PAGE_CTX = { kind: "APP_PAGE", isFallback: false };
const page = (tags: string[], text: string) => ({
  kind: "APP_PAGE",
  html: `<!DOCTYPE html><main>${text} ${"<p>Paragraph of a long story.</p>".repeat(400)}</main>`,
  rscData: { $hex: Buffer.from(`0:["${text}"]\n`).toString("hex") },
  headers: { "x-next-cache-tags": tags.join(",") },
  status: 200,
  postponed: null,
  segmentData: { $map: [["/_tree", { $hex: "00ff10" }]] },
});
const data = (body: unknown) => ({ kind: "FETCH", data: { headers: {}, body: JSON.stringify(body), url: "", status: 200 }, revalidate: false });
const pageText = (entry: Wire) => ((entry?.value as { rscData?: { $hex: string } } | undefined)?.rscData ? Buffer.from((entry!.value as { rscData: { $hex: string } }).rscData.$hex, "hex").toString() : null);

const peers: Peer[] = [];
function peer(env: Record<string, string>) {
  const made = new Peer({ CACHE_RECONCILE_MS: "250", ...env });
  peers.push(made);
  return made;
}

const servers: RedisServer[] = [];
async function redisServer() {
  const server = new RedisServer(await freePort());
  servers.push(server);
  await server.start();
  return server;
}

beforeAll(async () => {
  await migrate(databaseUrl());
});

afterAll(async () => {
  await Promise.all(peers.map((each) => each.close()));
  await Promise.all(servers.map((server) => server.stop()));
});

describe("shared cache in Redis", () => {
  let redis: RedisServer;
  let a: Peer;
  let b: Peer;
  const prefix = `lede:test:${RUN}:`;

  beforeAll(async () => {
    redis = await redisServer();
    a = peer({ REDIS_URL: redis.url, REDIS_CACHE_PREFIX: prefix });
    b = peer({ REDIS_URL: redis.url, REDIS_CACHE_PREFIX: prefix });
    await Promise.all([a.ready, b.ready]);
  });

  it("round-trips a page (Buffers, Maps, compressed) and a data entry from one instance to another", async () => {
    const value = page([`article:round-${RUN}`], "round trip");
    await a.set(`/round-${RUN}`, value, { cacheControl: { revalidate: false } });
    const got = await b.get(`/round-${RUN}`, PAGE_CTX);
    expect(got?.value).toEqual(value);
    expect(typeof got?.lastModified).toBe("number");
    expect(await b.state()).toBe("up");

    // Stored compressed: the page's HTML alone is ~14 kB.
    const client = new Redis(redis.url);
    const stored = await client.hgetBuffer(`${prefix}e:test-build:/round-${RUN}`, "v");
    client.disconnect();
    expect(stored!.byteLength).toBeLessThan(value.html.length / 4);

    await a.set(`data-${RUN}`, data({ answer: 42 }), { fetchCache: true, tags: [`tag:data-${RUN}`] });
    expect((await b.get(`data-${RUN}`, { kind: "FETCH", tags: [`tag:data-${RUN}`], softTags: [] }))?.value).toEqual(data({ answer: 42 }));
  });

  it("an invalidation on one instance is seen by the very next lookup on the other", async () => {
    const tag = `article:fresh-${RUN}`;
    await a.set(`/fresh-${RUN}`, page([tag], "before"), { cacheControl: { revalidate: false } });
    expect(pageText(await b.get(`/fresh-${RUN}`, PAGE_CTX))).toContain("before"); // b now holds it in memory too
    await a.revalidateTag([tag]);
    await renderTime();
    expect(await b.get(`/fresh-${RUN}`, PAGE_CTX)).toBeNull();
    await b.set(`/fresh-${RUN}`, page([tag], "after"), { cacheControl: { revalidate: false } });
    expect(pageText(await a.get(`/fresh-${RUN}`, PAGE_CTX))).toContain("after");

    // revalidatePath's implicit tags reach data entries through the lookup's soft tags.
    const lookup = { kind: "FETCH", tags: [`tag:x-${RUN}`], softTags: [`_N_T_/x-${RUN}`] };
    await a.set(`path-${RUN}`, data(1), { fetchCache: true, tags: [`tag:x-${RUN}`] });
    expect(await b.get(`path-${RUN}`, lookup)).not.toBeNull();
    await a.revalidateTag([`_N_T_/x-${RUN}`]);
    expect(await b.get(`path-${RUN}`, lookup)).toBeNull();
  });

  it("a render that began before an invalidation is stored expired, not served as fresh", async () => {
    const tag = `article:race-${RUN}`;
    expect(await b.get(`/race-${RUN}`, PAGE_CTX)).toBeNull(); // b starts rendering (reads the old row)…
    await a.revalidateTag([tag]); // …a publishes meanwhile…
    await b.set(`/race-${RUN}`, page([tag], "old"), { cacheControl: { revalidate: false } }); // …b stores its render
    expect(await a.get(`/race-${RUN}`, PAGE_CTX)).toBeNull();
    expect(await b.get(`/race-${RUN}`, PAGE_CTX)).toBeNull();
  });

  it("applies invalidations stamped only in the database (e.g. by a CLI import) at the next reconcile", async () => {
    const tag = `article:cli-${RUN}`;
    await a.set(`/cli-${RUN}`, page([tag], "cli"), { cacheControl: { revalidate: false } });
    expect(await b.get(`/cli-${RUN}`, PAGE_CTX)).not.toBeNull();
    const stamped = Date.now();
    await recordInvalidations(db, [tag], stamped);
    const gone = await waitFor(async () => (await b.get(`/cli-${RUN}`, PAGE_CTX)) === null && Date.now(), 5000, 20);
    expect(gone).not.toBeNull();
    expect(gone! - stamped).toBeLessThan(2000);
  });

  it("a publish stamped in the database and in Redis expires its pages once, not again at each reconcile", async () => {
    const tag = `article:once-${RUN}`;
    const at = Date.now();
    await recordInvalidations(db, [tag], at);
    await a.call("invalidate", [tag], at);
    await renderTime();
    expect(await b.get(`/once-${RUN}`, PAGE_CTX)).toBeNull(); // b renders after the publish
    await b.set(`/once-${RUN}`, page([tag], "rendered after the publish"), { cacheControl: { revalidate: false } });
    await new Promise((resolve) => setTimeout(resolve, 1000)); // several reconciles (every 250 ms here)
    expect(pageText(await a.get(`/once-${RUN}`, PAGE_CTX))).toContain("rendered after the publish");
  });
});

describe("Redis unreachable", () => {
  it("falls back to the instance's own cache with one warning, and still honours database invalidations", async () => {
    const local = peer({ REDIS_URL: "redis://127.0.0.1:1", CACHE_POLL_MS: "100" });
    await local.ready;
    const tag = `tag:local-${RUN}`;
    const lookup = { kind: "FETCH", tags: [tag], softTags: [] };
    const started = performance.now();
    expect(await local.get(`local-${RUN}`, lookup)).toBeNull();
    expect(performance.now() - started).toBeLessThan(1500);
    await local.set(`local-${RUN}`, data("kept locally"), { fetchCache: true, tags: [tag] });
    for (let i = 0; i < 5; i++) expect((await local.get(`local-${RUN}`, lookup))?.value).toEqual(data("kept locally"));
    expect(await local.state()).toBe("down");
    expect(local.warnings()).toBe(1);

    await recordInvalidations(db, [tag], Date.now());
    expect(await waitFor(async () => (await local.get(`local-${RUN}`, lookup)) === null, 2000)).toBe(true);
  });
});

describe("without Redis (one cache per instance, invalidations through the database)", () => {
  it("a render that began before another instance's publish is stored expired, not served as fresh", async () => {
    const local = peer({ CACHE_POLL_MS: "50" });
    await local.ready;
    const tag = `article:local-race-${RUN}`;
    const key = `/local-race-${RUN}`;
    expect(await local.get(key, PAGE_CTX)).toBeNull(); // the render begins, from the database as it is now
    await renderTime();
    await recordInvalidations(db, [tag], Date.now()); // another instance publishes a change to that story…
    await renderTime();
    await local.set(key, page([tag], "rendered before the publish"), { cacheControl: { revalidate: false } }); // …before this render is stored
    await new Promise((resolve) => setTimeout(resolve, 100)); // past the next poll of the invalidations
    expect(await local.get(key, PAGE_CTX)).toBeNull();
    // The render that this miss starts is stored as fresh.
    await local.set(key, page([tag], "rendered after the publish"), { cacheControl: { revalidate: false } });
    expect(pageText(await local.get(key, PAGE_CTX))).toContain("rendered after the publish");
  });
});

describe("Redis outage and recovery", () => {
  let redis: RedisServer;
  let a: Peer;
  let b: Peer;

  beforeAll(async () => {
    redis = await redisServer();
    a = peer({ REDIS_URL: redis.url, REDIS_CACHE_PREFIX: `lede:outage:${RUN}:` });
    b = peer({ REDIS_URL: redis.url, REDIS_CACHE_PREFIX: `lede:outage:${RUN}:` });
    await Promise.all([a.ready, b.ready]);
  });

  it("a hung Redis never hangs a lookup, and entries that missed an invalidation meanwhile are not served after", async () => {
    const tag = `article:outage-${RUN}`;
    await a.set(`/outage-${RUN}`, page([tag], "before the outage"), { cacheControl: { revalidate: false } });
    expect(pageText(await b.get(`/outage-${RUN}`, PAGE_CTX))).toContain("before the outage");

    redis.pause();
    const started = performance.now();
    expect(await a.get(`/outage-${RUN}`, PAGE_CTX)).toBeNull(); // its own (empty) cache, after one command timeout
    expect(performance.now() - started).toBeLessThan(1500);
    await a.set(`/outage-${RUN}`, page([tag], "rendered as the outage began"), { cacheControl: { revalidate: false } });
    expect(await waitFor(async () => (await a.state()) === "down", 2000)).toBe(true); // once a PING confirms it
    await renderTime();
    // A publish during the outage, as lib/cache/public.ts makes it: the row, then Redis (which fails at once).
    const at = Date.now();
    await recordInvalidations(db, [tag], at);
    const quick = performance.now();
    await a.call("invalidate", [tag], at);
    expect(performance.now() - quick).toBeLessThan(1000);
    expect(await a.get(`/outage-${RUN}`, PAGE_CTX)).toBeNull(); // the next reader's lookup: a render after the publish
    await renderTime();
    await a.set(`/outage-${RUN}`, page([tag], "rendered during the outage"), { cacheControl: { revalidate: false } });
    expect(pageText(await a.get(`/outage-${RUN}`, PAGE_CTX))).toContain("rendered during the outage");
    expect(a.warnings()).toBe(1);

    redis.resume();
    expect(await waitFor(async () => (await a.state()) === "up" && (await b.state()) === "up", 10_000)).toBe(true);
    // The entry in Redis predates the publish: neither instance may serve it.
    expect(await a.get(`/outage-${RUN}`, PAGE_CTX)).toBeNull();
    expect(await b.get(`/outage-${RUN}`, PAGE_CTX)).toBeNull();
  });

  it("a restarted Redis is reconnected to, and shared again", async () => {
    await redis.stop();
    expect(await waitFor(async () => (await a.state()) === "down", 5000)).toBe(true);
    expect(await a.get(`/restart-${RUN}`, PAGE_CTX)).toBeNull();
    await redis.start();
    expect(await waitFor(async () => (await a.state()) === "up" && (await b.state()) === "up", 15_000)).toBe(true);
    await a.set(`/restart-${RUN}`, page([`article:restart-${RUN}`], "after the restart"), { cacheControl: { revalidate: false } });
    expect(pageText(await b.get(`/restart-${RUN}`, PAGE_CTX))).toContain("after the restart");
  });

  it("a render that began during an outage and is stored after Redis is back keeps its start time", async () => {
    const tag = `article:slow-${RUN}`;
    const key = `/slow-${RUN}`;
    await redis.stop();
    expect(await waitFor(async () => (await a.state()) === "down", 5000)).toBe(true);
    expect(await a.get(key, PAGE_CTX)).toBeNull(); // the render begins, from the database as it is now
    await redis.start();
    expect(await waitFor(async () => (await a.state()) === "up" && (await b.state()) === "up", 15_000)).toBe(true);
    await renderTime();
    await b.revalidateTag([tag]); // a publish lands while that render still runs…
    await new Promise((resolve) => setTimeout(resolve, 1200)); // …and the render is slow (a loaded machine)
    await a.set(key, page([tag], "rendered before the publish"), { cacheControl: { revalidate: false } });
    expect(await b.get(key, PAGE_CTX)).toBeNull();
    expect(await a.get(key, PAGE_CTX)).toBeNull();
  });
});
