// Processes for bench/reader.ts: Debian tools, pinned servers, CPU time of a
// process tree from /proc, and wrk runs that report exact numbers through a
// Lua `done` hook (percentiles, bytes, errors) instead of scraped text.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";

const CLOCK_TICKS_PER_SECOND = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim() || 100);
const US_PER_TICK = 1_000_000 / CLOCK_TICKS_PER_SECOND;

/** Installs the Debian packages that provide `commands` when one is missing (the bench runs as root). */
export function ensureDebianTools(packages: Record<string, string>): void {
  const missing = Object.entries(packages).filter(([command]) => spawnSync("sh", ["-c", `command -v ${command}`]).status !== 0);
  if (missing.length === 0) return;
  const names = missing.map(([, pkg]) => pkg);
  console.log(`› Installing ${names.join(", ")} (apt-get)`);
  const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", timeout: 300_000 });
  const install = spawnSync("apt-get", ["install", "-y", "-qq", ...names], {
    stdio: "inherit",
    timeout: 300_000,
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (update.status !== 0 || install.status !== 0) throw new Error(`Could not install ${names.join(", ")}; install them and run again`);
}

/** Moves this process (the orchestrator and the clients it runs) onto `cpu`, away from the server's core. */
export function pinSelf(cpu: number): void {
  spawnSync("taskset", ["-pc", String(cpu), String(process.pid)], { stdio: "ignore" });
}

export type Server = { name: string; child: ChildProcess; pid: number; port: number; logFile: string; stop: () => Promise<void> };

/** Starts `command` pinned to `cpu`; its output goes to `logFile`. */
export function startPinned(
  name: string,
  cpu: number,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; port: number; logFile: string },
): Server {
  writeFileSync(options.logFile, "");
  const child = spawn("taskset", ["-c", String(cpu), command, ...args], {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group, so stop() ends the whole tree
  });
  const append = (chunk: Buffer) => writeFileSync(options.logFile, chunk, { flag: "a" });
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    }, 5_000);
    await exited;
    clearTimeout(timer);
  };
  return { name, child, pid: child.pid!, port: options.port, logFile: options.logFile, stop };
}

/** Resolves once GET `url` answers (any status below 500), or fails after `timeoutMs`. */
export async function waitForHttp(url: string, server: Server, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`${server.name} exited early; see ${server.logFile}`);
    const status = await fetchRaw(url).then((response) => response.status, () => 0);
    if (status > 0 && status < 500) return;
    await sleep(200);
  }
  throw new Error(`${server.name} did not answer ${url} within ${timeoutMs / 1000}s; see ${server.logFile}`);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type RawResponse = { status: number; headers: [string, string][]; body: Buffer; ms: number };

/**
 * One GET without Accept-Encoding (as wrk sends it), so the body is what goes
 * over the wire to wrk; raw header pairs keep repeated headers visible.
 */
export function fetchRaw(url: string, timeoutMs = 30_000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const request = http.get(url, { agent: false, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const raw = response.rawHeaders;
        const headers: [string, string][] = [];
        for (let index = 0; index < raw.length; index += 2) headers.push([raw[index]!.toLowerCase(), raw[index + 1]!]);
        resolve({ status: response.statusCode ?? 0, headers, body: Buffer.concat(chunks), ms: Number(process.hrtime.bigint() - started) / 1e6 });
      });
      response.on("error", reject);
    });
    request.on("timeout", () => request.destroy(new Error(`timeout: ${url}`)));
    request.on("error", reject);
  });
}

/** Every pid in the tree rooted at `pid` (threads' children included). */
function treePids(pid: number): number[] {
  const pids = [pid];
  for (let index = 0; index < pids.length; index += 1) {
    const taskDir = `/proc/${pids[index]}/task`;
    if (!existsSync(taskDir)) continue;
    for (const task of readdirSync(taskDir)) {
      try {
        const children = readFileSync(path.join(taskDir, task, "children"), "utf8").trim();
        if (children) pids.push(...children.split(/\s+/).map(Number));
      } catch {
        // the task ended while we looked
      }
    }
  }
  return pids;
}

/** utime + stime of one process, in µs. */
function processCpuUs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * US_PER_TICK;
  } catch {
    return 0;
  }
}

/** CPU time (user + system) of the whole process tree, µs. */
export function treeCpuUs(pid: number): number {
  return treePids(pid).reduce((sum, each) => sum + processCpuUs(each), 0);
}

/** Busy CPU time of the whole machine so far (every core, all but idle and iowait), µs. */
export function machineBusyUs(): number {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0]!;
  const [, ...values] = line.trim().split(/\s+/);
  const ticks = values.map(Number);
  const total = ticks.slice(0, 8).reduce((sum, value) => sum + value, 0);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  return (total - idle) * US_PER_TICK;
}

export type WrkResult = {
  url: string;
  seconds: number;
  connections: number;
  requests: number;
  reqPerSec: number;
  bytesPerRequest: number;
  errors: number;
  non2xx3xx: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  serverCpuUsPerRequest: number;
  /** CPU time of everything else on the machine during the run (not the server, not wrk), as a share of one core. */
  otherCpuShare: number;
};

const DONE_HOOK = `
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK_JSON {\\"requests\\":%d,\\"duration_us\\":%d,\\"bytes\\":%d,\\"errors\\":%d,\\"status\\":%d,\\"p50\\":%d,\\"p95\\":%d,\\"p99\\":%d,\\"max\\":%d}\\n",
    summary.requests, summary.duration, summary.bytes, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
`;

/**
 * A Lua script that requests `paths` in turn, each made distinct with an
 * excluded nonce word, so no cache can answer a repeat (search).
 */
export function distinctPathsScript(paths: string[], nonceParam: (counter: string) => string): string {
  const list = paths.map((each) => JSON.stringify(each)).join(", ");
  return `
local paths = { ${list} }
local counter = 0
request = function()
  counter = counter + 1
  local base = paths[(counter % #paths) + 1]
  return wrk.format("GET", base .. ${nonceParam("counter")})
end
${DONE_HOOK}`;
}

/**
 * `taskset -c <cpu> wrk -t1 -c<connections> -d<seconds>s --latency` against a
 * 127.0.0.1 URL, with the server tree's CPU time read before and after.
 */
export async function runWrk(options: {
  url: string;
  serverPid: number;
  seconds: number;
  connections?: number;
  cpu?: number;
  scriptFile: string;
  script?: string;
}): Promise<WrkResult> {
  const { url, serverPid, seconds, connections = 50, cpu = 1, scriptFile } = options;
  if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(url)) throw new Error(`load goes to 127.0.0.1 only (got ${url})`);
  writeFileSync(scriptFile, options.script ?? DONE_HOOK);
  const serverBefore = treeCpuUs(serverPid);
  const machineBefore = machineBusyUs();
  // `sh` waits for wrk and then prints its own children's CPU time (wrk's), from /proc/$$/stat.
  const shell = `taskset -c ${cpu} wrk -t1 -c${connections} -d${seconds}s --timeout 10s --latency -s ${JSON.stringify(scriptFile)} ${JSON.stringify(url)}; status=$?; echo "SH_STAT $(cat /proc/$$/stat)"; exit $status`;
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn("sh", ["-c", shell], { stdio: ["ignore", "pipe", "pipe"] });
    let text = "";
    child.stdout.on("data", (chunk) => (text += chunk));
    child.stderr.on("data", (chunk) => (text += chunk));
    const killer = setTimeout(() => child.kill("SIGKILL"), (seconds + 30) * 1000);
    child.on("exit", (code) => {
      clearTimeout(killer);
      if (code === 0) resolve(text);
      else reject(new Error(`wrk failed (${code}): ${text.slice(-500)}`));
    });
  });
  const serverUs = treeCpuUs(serverPid) - serverBefore;
  const machineUs = machineBusyUs() - machineBefore;
  const json = output.match(/WRK_JSON (\{.*\})/)?.[1];
  const stat = output.match(/SH_STAT (.*)/)?.[1];
  if (!json || !stat) throw new Error(`unexpected wrk output: ${output.slice(-500)}`);
  const result = JSON.parse(json) as { requests: number; duration_us: number; bytes: number; errors: number; status: number; p50: number; p95: number; p99: number; max: number };
  const shellFields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const wrkUs = (Number(shellFields[13]) + Number(shellFields[14])) * US_PER_TICK; // cutime + cstime
  const durationS = result.duration_us / 1e6;
  return {
    url,
    seconds,
    connections,
    requests: result.requests,
    reqPerSec: result.requests / durationS,
    bytesPerRequest: result.requests ? result.bytes / result.requests : 0,
    errors: result.errors,
    non2xx3xx: result.status,
    p50Ms: result.p50 / 1000,
    p95Ms: result.p95 / 1000,
    p99Ms: result.p99 / 1000,
    maxMs: result.max / 1000,
    serverCpuUsPerRequest: result.requests ? serverUs / result.requests : 0,
    otherCpuShare: Math.max(0, machineUs - serverUs - wrkUs) / (durationS * 1e6),
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
