// HTTP plumbing shared by bench/cluster.ts and scripts/faults.ts: keep-alive
// GETs with an idle timeout, per-route latency statistics, and a closed-loop
// reader load (N workers, each sending its next request when the last answered).
import http from "node:http";

export type Reply = { status: number; body: string; headers: http.IncomingHttpHeaders; ms: number };

const agents = new Map<string, http.Agent>();
/** One keep-alive agent per origin, so pollers of one instance never queue behind readers of another. */
function agentFor(origin: string): http.Agent {
  let agent = agents.get(origin);
  if (!agent) {
    agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
    agents.set(origin, agent);
  }
  return agent;
}

export function closeAgents(): void {
  for (const agent of agents.values()) agent.destroy();
  agents.clear();
}

/** GET `url`; resolves with status 0 and the error's message as body when the request fails or times out. */
export function get(url: string, { timeoutMs = 10_000 }: { timeoutMs?: number } = {}): Promise<Reply> {
  const started = performance.now();
  const target = new URL(url);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (reply: Omit<Reply, "ms">) => {
      if (settled) return;
      settled = true;
      resolve({ ...reply, ms: performance.now() - started });
    };
    const request = http.get(target, { agent: agentFor(target.origin), timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => finish({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), headers: response.headers }));
      response.on("error", (error) => finish({ status: 0, body: error.message, headers: {} }));
    });
    request.on("timeout", () => request.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    request.on("error", (error) => finish({ status: 0, body: error.message, headers: {} }));
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `probe` every `intervalMs` until it returns true or `timeoutMs` passes; returns the ms it took, or null. */
export async function waitFor(probe: () => Promise<boolean>, { timeoutMs, intervalMs = 100 }: { timeoutMs: number; intervalMs?: number }): Promise<number | null> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if (await probe()) return performance.now() - started;
    await sleep(intervalMs);
  }
  return null;
}

/**
 * Polls `path` on each of `bases` every 20 ms until its HTML contains `marker`;
 * resolves with the performance.now() of the first hit on each (null when not
 * seen within `timeoutMs`, or when `signal` aborts first).
 */
export function watchFor(bases: readonly string[], path: string, marker: string, { timeoutMs, signal }: { timeoutMs: number; signal?: AbortSignal }): Promise<(number | null)[]> {
  return Promise.all(
    bases.map(async (base) => {
      const deadline = performance.now() + timeoutMs;
      while (performance.now() < deadline && !signal?.aborted) {
        const reply = await get(base + path, { timeoutMs: 3000 });
        if (reply.body.includes(marker)) return performance.now();
        await sleep(20);
      }
      return null;
    }),
  );
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export type RouteSummary = { route: string; requests: number; errors: number; p50: number; p99: number; max: number };
export type ErrorSample = { route: string; path: string; status: number; detail: string; at: number };

/** Latencies per route; an error is a failed request or any status outside 200–399. */
export class RouteStats {
  private readonly latencies = new Map<string, number[]>();
  private readonly errorCounts = new Map<string, number>();
  readonly errors: ErrorSample[] = [];
  readonly cacheStatus = new Map<string, number>();

  record(route: string, path: string, reply: Reply): boolean {
    const ok = reply.status >= 200 && reply.status < 400;
    let list = this.latencies.get(route);
    if (!list) this.latencies.set(route, (list = []));
    list.push(reply.ms);
    if (!ok) {
      this.errorCounts.set(route, (this.errorCounts.get(route) ?? 0) + 1);
      if (this.errors.length < 50) this.errors.push({ route, path, status: reply.status, detail: reply.status === 0 ? reply.body : reply.body.slice(0, 160), at: Date.now() });
    }
    const cache = reply.headers["x-cache-status"];
    if (typeof cache === "string") this.cacheStatus.set(cache, (this.cacheStatus.get(cache) ?? 0) + 1);
    return ok;
  }

  get total(): number {
    let total = 0;
    for (const list of this.latencies.values()) total += list.length;
    return total;
  }

  get errorTotal(): number {
    let total = 0;
    for (const count of this.errorCounts.values()) total += count;
    return total;
  }

  summary(): RouteSummary[] {
    return [...this.latencies.entries()].map(([route, list]) => {
      const sorted = [...list].sort((a, b) => a - b);
      return { route, requests: list.length, errors: this.errorCounts.get(route) ?? 0, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN };
    });
  }
}

export type Target = { route: string; path: string };

/**
 * Closed-loop readers against `baseUrl` until `signal` aborts: `concurrency`
 * workers, each picking its next target from `pick` and handing every answer
 * to `record`. Bodies are read (a real reader downloads the page) but not kept.
 */
export async function runReaders({
  baseUrl,
  concurrency,
  pick,
  record,
  signal,
  timeoutMs = 10_000,
}: {
  baseUrl: string;
  concurrency: number;
  pick: () => Target;
  record: (target: Target, reply: Reply) => void;
  signal: AbortSignal;
  timeoutMs?: number;
}): Promise<void> {
  const worker = async () => {
    while (!signal.aborted) {
      const target = pick();
      record(target, await get(baseUrl + target.path, { timeoutMs }));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

export const ms = (value: number) => (Number.isFinite(value) ? `${value < 10 ? value.toFixed(1) : Math.round(value)} ms` : "–");
