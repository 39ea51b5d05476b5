// The response memo of scripts/serve.mjs (lib/cache/response-memo.cjs) in a real HTTP server, with
// invalidations read from the real database named by DATABASE_URL through the cache handler's poll.
// Behind it stands a stand-in for Next that answers the way Next answers a cached page (or not), and
// counts how often it was asked: a request answered from memory never reaches it.
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUrl } from "@/lib/config";
import { db } from "@/lib/db";
import { migrate } from "@/lib/db/migrate";
import { recordInvalidations } from "@/lib/cache/invalidations";

const require = createRequire(import.meta.url);
const { ResponseMemo, clearResponseMemo } = require("../../lib/cache/response-memo.cjs");
const LedeCacheHandler = require("../../lib/cache/handler.cjs");

const RUN = randomUUID().slice(0, 8);
const POLL_MS = 50;

type Answer = { status?: number; cache?: string; cacheControl?: string; setCookie?: boolean; body?: string; delayMs?: number };
/** What the stand-in for Next answers per path, and how often each path reached it. */
const answers = new Map<string, Answer>();
const calls = new Map<string, number>();
let version = 0;

function fakeNext(req: http.IncomingMessage, res: http.ServerResponse) {
  const path = req.url!.split("?")[0]!;
  calls.set(req.url!, (calls.get(req.url!) ?? 0) + 1);
  const answer = answers.get(path) ?? { status: 404 };
  const body = `${answer.body ?? "page"} v${++version}`;
  const send = () => {
    res.statusCode = answer.status ?? 200;
    res.setHeader("cache-control", answer.cacheControl ?? "public, max-age=0, s-maxage=1");
    res.setHeader("x-nextjs-cache", answer.cache ?? "HIT");
    res.setHeader("content-type", "text/html; charset=utf-8");
    if (answer.setCookie) res.setHeader("set-cookie", "a=b");
    if (/gzip/.test(String(req.headers["accept-encoding"] ?? ""))) {
      res.setHeader("content-encoding", "gzip");
      res.end(gzipSync(body));
    } else {
      res.write(body.slice(0, 3));
      res.end(body.slice(3));
    }
  };
  if (answer.delayMs) setTimeout(send, answer.delayMs);
  else send();
}

let memo: InstanceType<typeof ResponseMemo>;
let server: http.Server;
let base: string;

beforeAll(async () => {
  await migrate(databaseUrl());
  memo = new ResponseMemo({ maxBytes: 64 * 1024, pollMs: POLL_MS, pollInvalidations: () => LedeCacheHandler.poll() });
  // As scripts/serve.mjs installs it; clearResponseMemo() (the cache handler's hook) reaches this one.
  (globalThis as Record<symbol, unknown>)[Symbol.for("lede.cache.responseMemo")] = memo;
  server = http.createServer((req, res) => memo.handle(req, res, () => fakeNext(req, res)));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await memo?.close();
  if (server) await new Promise((resolve) => server.close(resolve));
});

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, { headers: { "accept-encoding": "identity", ...headers } });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const page = (name: string, answer: Answer = {}) => {
  const path = `/articles/${name}-${RUN}`;
  answers.set(path, answer);
  return path;
};

describe("response memo", () => {
  it("answers a cached public page from memory after Next sent it once, with the same bytes and headers", async () => {
    const path = page("kept");
    const first = await get(path);
    const second = await get(path);
    const third = await get(path);
    expect(calls.get(path)).toBe(1);
    expect(second.text).toBe(first.text);
    expect(third.text).toBe(first.text);
    expect(second.headers.get("cache-control")).toBe("public, max-age=0, s-maxage=1");
    expect(second.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(second.headers.get("content-length")).toBe(String(Buffer.byteLength(first.text)));
  });

  it("keeps each content encoding apart", async () => {
    const path = page("encoded");
    await get(path);
    const plain = await get(path);
    const zipped = await fetch(`${base}${path}`, { headers: { "accept-encoding": "gzip" } });
    const again = await fetch(`${base}${path}`, { headers: { "accept-encoding": "gzip" } });
    expect(calls.get(path)).toBe(2);
    expect(again.headers.get("content-encoding")).toBe("gzip");
    // fetch decodes gzip itself: the same page, sent compressed from memory.
    expect(await again.text()).toBe(await zipped.text());
    expect(plain.headers.get("content-encoding")).toBeNull();
  });

  it("never keeps a render, an error, a private or cookie-setting response", async () => {
    const cases = [
      page("rendered", { cache: "MISS" }),
      page("missing", { status: 404 }),
      page("private", { cacheControl: "private, no-store" }),
      page("cookie", { setCookie: true }),
    ];
    for (const path of cases) {
      await get(path);
      await get(path);
      expect(calls.get(path), path).toBe(2);
    }
  });

  it("never answers a signed-in reader, a client navigation, the newsroom or a POST from memory", async () => {
    const path = page("bypass");
    await get(path);
    await get(path);
    expect(calls.get(path)).toBe(1);
    await get(path, { cookie: "theme=dark; next-auth.session-token=abc" });
    await get(path, { rsc: "1" });
    await fetch(`${base}${path}`, { method: "POST", body: "x" });
    expect(calls.get(path)).toBe(4);

    answers.set("/editor", {});
    await get("/editor");
    await get("/editor");
    expect(calls.get("/editor")).toBe(2);
  });

  it("is emptied at once by an invalidation in this process", async () => {
    const path = page("local");
    await get(path);
    const kept = await get(path);
    clearResponseMemo(); // what lib/cache/handler.cjs does for every revalidateTag
    const fresh = await get(path);
    expect(calls.get(path)).toBe(2);
    expect(fresh.text).not.toBe(kept.text);
  });

  it("is emptied within a poll when another instance stamps an invalidation in the database", async () => {
    const path = page("remote");
    await get(path);
    await get(path);
    expect(calls.get(path)).toBe(1);
    await recordInvalidations(db, [`article:remote-${RUN}`], Date.now());
    const started = Date.now();
    while ((await get(path), calls.get(path)) === 1 && Date.now() - started < 3000) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(calls.get(path)).toBe(2);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("is emptied when a request's own lookup applies another instance's invalidation first", async () => {
    const path = page("polled-by-request");
    await get(path);
    await get(path);
    await recordInvalidations(db, [`article:polled-by-request-${RUN}`], Date.now());
    await LedeCacheHandler.poll(); // what a request reaching Next does before the memo's timer polls
    await get(path);
    expect(calls.get(path)).toBe(2);
  });

  it("does not keep a response that was being sent when an invalidation happened", async () => {
    const path = page("racing", { delayMs: 150 });
    const slow = get(path); // Next is still rendering it…
    await new Promise((resolve) => setTimeout(resolve, 50));
    clearResponseMemo(); // …when a publish invalidates it
    await slow;
    await get(path);
    expect(calls.get(path)).toBe(2);
  });

  it("stays within its memory budget, dropping the oldest pages first", async () => {
    const paths = Array.from({ length: 12 }, (_, i) => page(`big-${i}`, { body: "x".repeat(7 * 1024) }));
    for (const path of paths) await get(path);
    expect(memo.bytes).toBeLessThanOrEqual(64 * 1024);
    await get(paths[0]!); // dropped: 12 × 7 KB do not fit in 64 KB
    await get(paths[11]!); // the newest is still kept
    expect(calls.get(paths[0]!)).toBe(2);
    expect(calls.get(paths[11]!)).toBe(1);
  });
});
