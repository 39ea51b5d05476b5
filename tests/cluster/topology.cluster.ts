// `npm run test:cluster`: the production topology of `npm run cluster`, started
// for real (scripts/lib/cluster.mjs): the built app as two instances on a fresh
// PostgreSQL database and the machine's Redis, behind nginx. Also the nginx
// configuration alone (deploy/nginx/), in front of a stub upstream that sends
// what the app never does (a cacheable response that sets a cookie, a public
// newsroom page), to prove nginx's own rules rather than the app's headers.
//   CLUSTER_TEST_PORTS          default "3000,3001,3002" (balancer, instances)
//   CLUSTER_TEST_DATABASE_URL   a PostgreSQL server to make the database on (default: DATABASE_URL if PostgreSQL, else local)
//   REDIS_URL                   default redis://127.0.0.1:6379 (keys under a prefix of this run, removed after)
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Redis from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "@/lib/db/client";

type Cluster = {
  lbUrl: string;
  instanceUrls: string[];
  pids: number[];
  logs(index: number): string;
  kill(index: number, signal?: NodeJS.Signals): Promise<void>;
  restart(index: number): Promise<void>;
  stop(): Promise<void>;
};
type Balancer = { pid: number; stop(): Promise<void> };
type ClusterModule = {
  startCluster(options: object): Promise<Cluster>;
  startBalancer(options: { prefix: string; listen: string; upstreams: string[]; accessLog?: boolean }): Promise<Balancer>;
};

const RUN = randomUUID().slice(0, 8);
const [LB_PORT, ...INSTANCE_PORTS] = (process.env.CLUSTER_TEST_PORTS ?? "3000,3001,3002").split(",").map(Number) as [number, ...number[]];
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const PREFIX = `lede:cluster-test:${RUN}:`;
const TEST_DIR = path.resolve(process.env.LEDE_TEST_DIR ?? "data/test");
const PUBLIC_CACHE_CONTROL = "public, max-age=0, s-maxage=1, stale-while-revalidate=59";
const SESSION = { cookie: "next-auth.session-token=eyJhbGciOiJkaXIifQ.not-a-real-session" };

const clusterModule = () => import(pathToFileURL(path.resolve("scripts/lib/cluster.mjs")).href) as Promise<ClusterModule>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers, redirect: "manual", signal: AbortSignal.timeout(15_000) });
  return { status: response.status, headers: response.headers, body: await response.text(), cache: response.headers.get("x-cache-status") };
}

function baseDatabaseUrl() {
  const explicit = process.env.CLUSTER_TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  return explicit && /^postgres(ql)?:\/\//.test(explicit) ? explicit : "postgresql://postgres@127.0.0.1:5432/postgres";
}

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: baseDatabaseUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe("nginx configuration (deploy/nginx) in front of a stub upstream", () => {
  let upstream: Server;
  let balancer: Balancer;
  let lb: string;
  let served = 0;

  beforeAll(async () => {
    upstream = createServer((request, response) => {
      served += 1;
      const url = new URL(request.url ?? "/", "http://stub");
      response.setHeader("Cache-Control", PUBLIC_CACHE_CONTROL);
      if (url.searchParams.has("cookie")) response.setHeader("Set-Cookie", `visitor=${served}; Path=/; HttpOnly`);
      response.end(`response ${served} for ${request.headers.cookie ?? "nobody"}`);
    });
    await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
    const { startBalancer } = await clusterModule();
    const port = (upstream.address() as AddressInfo).port;
    const lbPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port: free } = probe.address() as AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    balancer = await startBalancer({ prefix: path.join(TEST_DIR, `nginx-stub-${RUN}`), listen: `127.0.0.1:${lbPort}`, upstreams: [`127.0.0.1:${port}`], accessLog: false });
    lb = `http://127.0.0.1:${lbPort}`;
  });

  afterAll(async () => {
    await balancer?.stop();
    await new Promise((resolve) => upstream?.close(resolve));
    rmSync(path.join(TEST_DIR, `nginx-stub-${RUN}`), { recursive: true, force: true });
  });

  it("micro-caches a public response for one to two seconds, with the app's Cache-Control passed on", async () => {
    const first = await get(`${lb}/articles/stub?a`);
    const second = await get(`${lb}/articles/stub?a`);
    expect(first.cache).toBe("MISS");
    expect(second.cache).toBe("HIT");
    expect(second.body).toBe(first.body);
    expect(second.headers.get("cache-control")).toBe(PUBLIC_CACHE_CONTROL);
    // s-maxage=1, counted by nginx in whole seconds: valid until the end of the next second at most.
    await sleep(2100);
    const later = await get(`${lb}/articles/stub?a`);
    expect(later.cache).not.toBe("HIT"); // STALE or UPDATING: refreshed in the background
  });

  it("never caches a response that sets a cookie", async () => {
    const first = await get(`${lb}/articles/stub?cookie`);
    const second = await get(`${lb}/articles/stub?cookie`);
    expect(first.headers.get("set-cookie")).toMatch(/^visitor=\d+/);
    expect(second.cache).toBe("MISS");
    expect(second.headers.get("set-cookie")).not.toBe(first.headers.get("set-cookie"));
  });

  it("never caches for a signed-in user, nor serves that response to anyone else", async () => {
    const signedIn = await get(`${lb}/articles/stub?b`, SESSION);
    expect(signedIn.cache).toBe("BYPASS");
    expect(signedIn.headers.get("cache-control")).toBe("private, no-store");
    expect(signedIn.body).toContain("not-a-real-session");
    const anonymous = await get(`${lb}/articles/stub?b`);
    expect(anonymous.cache).toBe("MISS");
    expect(anonymous.body).not.toContain("not-a-real-session");
    // …and a cached anonymous copy is not served to a signed-in user either.
    expect((await get(`${lb}/articles/stub?b`)).cache).toBe("HIT");
    expect((await get(`${lb}/articles/stub?b`, SESSION)).body).toContain("not-a-real-session");
  });

  it("never caches the newsroom, sign-in, previews or the API, whatever the response says", async () => {
    for (const route of ["/editor", "/editor/articles/x", "/admin/users", "/account", "/login", "/setup", "/preview/abc.def.ghi", "/api/health", "/api/corrections"]) {
      const before = served;
      await get(lb + route);
      const again = await get(lb + route);
      expect(again.cache, route).toBeNull();
      expect(served - before, route).toBe(2);
    }
  });
});

describe("npm run cluster: two instances behind nginx on PostgreSQL and Redis", () => {
  const database = `lede_cluster_test_${process.pid}`;
  let cluster: Cluster;
  let databaseUrl: string;

  beforeAll(async () => {
    await adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    const url = new URL(baseDatabaseUrl());
    url.pathname = `/${database}`;
    databaseUrl = url.toString();
    const { startCluster } = await clusterModule();
    cluster = await startCluster({
      ports: { lb: LB_PORT, instances: INSTANCE_PORTS },
      dataDir: path.join(TEST_DIR, `cluster-${RUN}`),
      env: {
        DATABASE_URL: databaseUrl,
        REDIS_URL,
        REDIS_CACHE_PREFIX: PREFIX,
        // Only Redis may carry a publish to the other instance within a second: the database
        // reconcile (which also would) runs once a minute here.
        CACHE_RECONCILE_MS: "60000",
        CLUSTER_ACCESS_LOG: "off",
      },
      // Instance 1 publishes scheduled articles; instance 2 only serves.
      instanceEnv: [{}, { LEDE_SCHEDULER: "off" }],
    });
  });

  afterAll(async () => {
    await cluster?.stop();
    rmSync(path.join(TEST_DIR, `cluster-${RUN}`), { recursive: true, force: true });
    await adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${PREFIX}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it("balances requests round robin over both instances", async () => {
    const ids = Array.from({ length: 10 }, () => randomUUID());
    for (const id of ids) expect((await get(`${cluster.lbUrl}/api/health`, { "x-request-id": id })).status).toBe(200);
    const servedBy = ids.map((id) => cluster.instanceUrls.findIndex((_, index) => cluster.logs(index).includes(id)));
    expect(servedBy.filter((index) => index === 0).length).toBeGreaterThanOrEqual(4);
    expect(servedBy.filter((index) => index === 1).length).toBeGreaterThanOrEqual(4);
  });

  it("micro-caches the public front page for anonymous readers", async () => {
    await get(`${cluster.lbUrl}/`);
    const cached = await get(`${cluster.lbUrl}/`);
    expect(cached.status).toBe(200);
    expect(cached.cache).toBe("HIT");
    expect(cached.headers.get("cache-control")).toBe(PUBLIC_CACHE_CONTROL);
  });

  it("never caches for a session cookie, the newsroom, previews, or responses that set cookies", async () => {
    const signedIn = await get(`${cluster.lbUrl}/`, SESSION);
    expect(signedIn.cache).toBe("BYPASS");
    expect(signedIn.headers.get("cache-control")).toBe("private, no-store");
    for (const route of ["/editor", "/login", "/preview/abc.def.ghi", "/api/health", "/api/auth/csrf"]) {
      const first = await get(cluster.lbUrl + route);
      const second = await get(cluster.lbUrl + route);
      expect([first.cache, second.cache], route).toEqual([null, null]);
    }
    // next-auth's CSRF cookie: set on every answer, so each is fresh.
    const csrf = [await get(`${cluster.lbUrl}/api/auth/csrf`), await get(`${cluster.lbUrl}/api/auth/csrf`)];
    expect(csrf[0]!.headers.get("set-cookie")).toContain("next-auth.csrf-token");
    expect(csrf[1]!.body).not.toBe(csrf[0]!.body);
  });

  it("shares the server cache in Redis: a publish on instance 1 is visible on instance 2 within a second", async () => {
    const db = createClient(databaseUrl);
    try {
      const author = await db.user.create({ data: { email: `cluster-${RUN}@lede.test`, name: `Cluster ${RUN}`, slug: `cluster-${RUN}`, role: "EDITOR" } });
      const slug = `cluster-publish-${RUN}`;
      const title = `Published across the cluster ${RUN}`;
      await db.article.create({ data: { slug, title, body: "<p>Body.</p>", status: "DRAFT", authorId: author.id } });
      // Both instances have rendered an article page once: the first render of a route after start-up is slow.
      const warm = await db.article.create({
        data: { slug: `cluster-warm-${RUN}`, title: `Warm ${RUN}`, body: "<p>Body.</p>", status: "PUBLISHED", publishedAt: new Date(), authorId: author.id },
      });
      for (const base of cluster.instanceUrls) expect((await get(`${base}/articles/${warm.slug}`)).status).toBe(200);

      // Both instances answer 404 for the article, and show a front page without it.
      for (const base of cluster.instanceUrls) {
        for (let i = 0; i < 2; i++) expect((await get(`${base}/articles/${slug}`)).status).toBe(404);
        expect((await get(`${base}/`)).body).not.toContain(title);
      }
      const redis = new Redis(REDIS_URL);
      expect((await redis.keys(`${PREFIX}e:*`)).length).toBeGreaterThan(0);

      // Instance 1's scheduler publishes it (instance 2 runs none).
      await db.article.update({ where: { slug }, data: { status: "SCHEDULED", scheduledAt: new Date() } });
      let publishedAt = 0;
      for (let waited = 0; !publishedAt && waited < 10_000; waited += 10) {
        if ((await db.article.findUniqueOrThrow({ where: { slug } })).status === "PUBLISHED") publishedAt = performance.now();
        else await sleep(10);
      }
      expect(publishedAt).toBeGreaterThan(0);
      // When instance 1 stamped the article's tag in Redis (for the log: the rest is instance 2's render).
      const stamped = (async () => {
        while (!(await redis.hget(`${PREFIX}tags`, `article:${slug}`)) && performance.now() - publishedAt < 5000) await sleep(5);
        return performance.now() - publishedAt;
      })();

      // Each instance polled directly, both at once, for the article page and then the front page (which
      // each instance may answer from its response memo). Visible: a request sent then gets the new page
      // (the time that request takes to render is the machine's speed, not the cache's).
      const visibleAfter = await Promise.all(
        [cluster.instanceUrls[1]!, cluster.instanceUrls[0]!].map(async (base) => {
          let sent = 0;
          let answered = 0;
          for (const path of [`/articles/${slug}`, "/"]) {
            let sentAt: number;
            for (;;) {
              sentAt = performance.now();
              const page = await get(base + path);
              if (page.status === 200 && page.body.includes(title)) break;
              if (performance.now() - publishedAt > 5000) throw new Error(`${base}${path} still serves the old page 5 s after the publish`);
              await sleep(10);
            }
            sent = Math.max(sent, sentAt - publishedAt);
            answered = performance.now() - publishedAt;
          }
          return { sent, answered };
        }),
      );
      const stampedAfter = await stamped;
      redis.disconnect();
      const [second, first] = visibleAfter as [{ sent: number; answered: number }, { sent: number; answered: number }];
      const ms = (value: number) => `${Math.round(value)} ms`;
      console.log(
        `publish → Redis stamp ${ms(stampedAfter)}; new article and front page on instance 2 for requests sent after ${ms(second.sent)} (answered after ${ms(second.answered)}),` +
          ` on instance 1 after ${ms(first.sent)} (${ms(first.answered)})`,
      );
      expect(second.sent).toBeLessThan(1000);
      expect(first.sent).toBeLessThan(1000);
    } finally {
      await db.$disconnect();
    }
  });

  it("keeps serving through the balancer while an instance is down, and takes it back after a restart", async () => {
    const killed = cluster.pids[1];
    await cluster.kill(1);
    for (let i = 0; i < 6; i++) expect((await get(`${cluster.lbUrl}/api/health`)).status).toBe(200);
    await cluster.restart(1);
    expect(cluster.pids[1]).not.toBe(killed);
    expect((await get(`${cluster.instanceUrls[1]}/api/health`)).status).toBe(200);
  });
});
