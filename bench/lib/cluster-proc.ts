// Process-level measurement for the cluster bench (../shared/BENCH.md): CPU
// time of a process tree from /proc, pinning a tree to a core, machine-wide
// busy time, and wrk runs with their output parsed.
import { spawn, spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import os from "node:os";

const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;
const US_PER_TICK = 1_000_000 / CLOCK_TICKS;

type StatLine = { pid: number; ppid: number; ticks: number };

function readStat(pid: number): StatLine | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: parse after its last ")".
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { pid, ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null; // the process ended
  }
}

function allStats(): StatLine[] {
  const stats: StatLine[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) stats.push(stat);
  }
  return stats;
}

/** `pid` and every live descendant. */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const { pid: child, ppid } of allStats()) {
    const list = children.get(ppid);
    if (list) list.push(child);
    else children.set(ppid, [child]);
  }
  const tree: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const next = queue.shift()!;
    tree.push(next);
    queue.push(...(children.get(next) ?? []));
  }
  return tree;
}

/** User + system CPU time (µs) used so far by the trees rooted at `pids` (live processes only). */
export function treeCpuUs(pids: readonly number[]): number {
  let ticks = 0;
  const seen = new Set<number>();
  for (const root of pids) {
    for (const pid of processTree(root)) {
      if (seen.has(pid)) continue;
      seen.add(pid);
      ticks += readStat(pid)?.ticks ?? 0;
    }
  }
  return ticks * US_PER_TICK;
}

/** Machine-wide busy CPU time (µs, all cores) from /proc/stat: to tell how much everything else used. */
export function machineBusyUs(): number {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0]!;
  const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  return (user! + nice! + system! + irq! + softirq! + steal!) * US_PER_TICK;
}

/** Own CPU time (µs) of this process: its threads plus children it has reaped (wrk runs). */
function ownCpuUs(): number {
  const text = readFileSync("/proc/self/stat", "utf8");
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * US_PER_TICK;
}

export type CpuUse = {
  wallMs: number;
  /** CPU µs of each named process group. */
  groups: Record<string, number>;
  /** This bench: the load generator, the browser, finished wrk runs. */
  benchUs: number;
  /** Everything else on the machine (other people's work), and its share of all cores. */
  otherUs: number;
  otherShare: number;
};

/**
 * Runs `fn` and accounts the machine's CPU time meanwhile: per group (each a
 * list of root pids, e.g. one instance), this bench's own process tree apart
 * from those groups, and the rest of the machine.
 */
export async function measureCpu<T>(groups: Record<string, readonly number[]>, fn: () => Promise<T>): Promise<{ result: T; cpu: CpuUse }> {
  const groupPids = () => new Set(Object.values(groups).flatMap((roots) => roots.flatMap((pid) => processTree(pid))));
  const benchTree = () => {
    const excluded = groupPids();
    return processTree(process.pid).filter((pid) => pid !== process.pid && !excluded.has(pid));
  };
  const read = () => ({
    busy: machineBusyUs(),
    own: ownCpuUs() + treeCpuUsOf(benchTree()),
    groups: Object.fromEntries(Object.entries(groups).map(([name, roots]) => [name, treeCpuUs(roots)])),
  });
  const startedAt = performance.now();
  const before = read();
  const result = await fn();
  const after = read();
  const wallMs = performance.now() - startedAt;
  const groupUs = Object.fromEntries(Object.keys(groups).map((name) => [name, after.groups[name]! - before.groups[name]!]));
  const benchUs = Math.max(0, after.own - before.own);
  const otherUs = Math.max(0, after.busy - before.busy - benchUs - Object.values(groupUs).reduce((a, b) => a + b, 0));
  return { result, cpu: { wallMs, groups: groupUs, benchUs, otherUs, otherShare: otherUs / (wallMs * 1000 * os.cpus().length) } };
}

function treeCpuUsOf(pids: readonly number[]): number {
  return pids.reduce((sum, pid) => sum + (readStat(pid)?.ticks ?? 0), 0) * US_PER_TICK;
}

/** Pins every thread of every process in the trees rooted at `pids` to `cores` (e.g. "0"). */
export function pinTree(pids: readonly number[], cores: string): void {
  for (const root of pids) {
    for (const pid of processTree(root)) spawnSync("taskset", ["-a", "-cp", cores, String(pid)], { stdio: "ignore" });
  }
}

export function ensureWrk(): void {
  if (spawnSync("wrk", ["--version"], { stdio: "ignore" }).error === undefined) return;
  if (process.getuid?.() !== 0) throw new Error("wrk is needed: apt-get install -y wrk");
  console.log("› Installing wrk (apt-get install -y wrk)…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  spawnSync("apt-get", ["install", "-y", "-qq", "wrk"], { stdio: "inherit", env });
  if (spawnSync("wrk", ["--version"], { stdio: "ignore" }).error !== undefined) throw new Error("could not install wrk");
}

export type WrkResult = { requests: number; seconds: number; rps: number; p50Ms: number; p99Ms: number; non2xx: number; socketErrors: number; timeouts: number };

function toMs(value: string, unit: string): number {
  const n = Number(value);
  return unit === "us" ? n / 1000 : unit === "s" ? n * 1000 : unit === "m" ? n * 60_000 : n;
}

function parseWrk(output: string, seconds: number): WrkResult {
  const requests = Number(output.match(/(\d+) requests in/)?.[1] ?? 0);
  const latency = (p: string) => {
    const match = output.match(new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, "m"));
    return match ? toMs(match[1]!, match[2]!) : Number.NaN;
  };
  const socket = output.match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/);
  return {
    requests,
    seconds,
    rps: Number(output.match(/Requests\/sec:\s+([\d.]+)/)?.[1] ?? 0),
    p50Ms: latency("50"),
    p99Ms: latency("99"),
    non2xx: Number(output.match(/Non-2xx or 3xx responses: (\d+)/)?.[1] ?? 0),
    // connect, read and write errors; wrk's own timeouts (no answer within --timeout) apart.
    socketErrors: socket ? socket.slice(1, 4).reduce((sum, n) => sum + Number(n), 0) : 0,
    timeouts: socket ? Number(socket[4]) : 0,
  };
}

/** One wrk run, pinned to `cores` when given; the run is bounded by `seconds` plus a margin. */
export function runWrk({ url, seconds, connections = 50, cores, script }: { url: string; seconds: number; connections?: number; cores?: string; script?: string }): Promise<WrkResult> {
  const args = ["-t1", `-c${connections}`, `-d${seconds}s`, "--timeout", "5s", "--latency", ...(script ? ["-s", script] : []), url];
  const [command, argv] = cores ? ["taskset", ["-c", cores, "wrk", ...args]] : ["wrk", args];
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv as string[], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const killer = setTimeout(() => child.kill("SIGKILL"), (seconds + 15) * 1000);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(killer);
      if (code !== 0) reject(new Error(`wrk exited with ${code}: ${output.slice(-400)}`));
      else resolve(parseWrk(output, seconds));
    });
  });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
