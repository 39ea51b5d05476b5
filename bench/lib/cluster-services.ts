// Stopping and starting the machine's PostgreSQL and Redis for the fault
// script, and checking which app processes hold a connection to them.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { processTree } from "./cluster-proc";

function run(command: string, args: string[], timeoutMs = 60_000): { ok: boolean; output: string } {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: timeoutMs });
  return { ok: result.status === 0, output: `${result.stdout ?? ""}${result.stderr ?? ""}${result.error ? result.error.message : ""}`.trim() };
}

const pgVersion = () => readdirSync("/etc/postgresql").sort().at(-1)!;

export function stopPostgres(): void {
  const result = run("pg_ctlcluster", ["--skip-systemctl-redirect", pgVersion(), "main", "stop", "-m", "fast"]);
  if (!result.ok) throw new Error(`could not stop PostgreSQL: ${result.output}`);
}

export function startPostgres(): void {
  const result = run("pg_ctlcluster", ["--skip-systemctl-redirect", pgVersion(), "main", "start"]);
  if (!result.ok && !/already running/i.test(result.output)) throw new Error(`could not start PostgreSQL: ${result.output}`);
}

export function postgresReady(): boolean {
  return run("pg_isready", ["-q", "-h", "127.0.0.1", "-p", "5432"], 5000).ok;
}

export function redisUp(): boolean {
  return run("redis-cli", ["-h", "127.0.0.1", "-p", "6379", "ping"], 5000).output === "PONG";
}

export function stopRedis(): void {
  // `shutdown` closes the connection it came on: a non-zero exit is normal, what counts is that Redis is gone.
  run("redis-cli", ["-h", "127.0.0.1", "-p", "6379", "shutdown", "nosave"], 10_000);
  if (redisUp()) throw new Error("Redis is still up after SHUTDOWN");
}

/** Starts Redis the way CI runs it, if it is not up already. */
export function startRedis(): void {
  if (redisUp()) return;
  const result = run("redis-server", ["--daemonize", "yes", "--bind", "127.0.0.1", "-::1", "--port", "6379", "--save", "", "--appendonly", "no", "--dir", "/var/lib/redis", "--logfile", "/var/log/redis/ci.log"]);
  if (!result.ok) throw new Error(`could not start Redis: ${result.output}`);
}

/** Whether a process in the tree rooted at `pid` has an established TCP connection to 127.0.0.1:`port`. */
export function connectedTo(pid: number, port: number): boolean {
  const tree = new Set(processTree(pid));
  const out = run("ss", ["-tnpH", "state", "established", `dst 127.0.0.1:${port}`], 5000).output;
  return [...out.matchAll(/pid=(\d+)/g)].some((match) => tree.has(Number(match[1])));
}

/** Deletes the keys a run left under `prefix` in the Redis database of `url` (redis://host:port/db). */
export function deleteRedisKeys(url: string, prefix: string): void {
  const target = new URL(url);
  const args = ["-h", target.hostname, "-p", target.port || "6379", "-n", target.pathname.slice(1) || "0"];
  const keys = run("redis-cli", [...args, "--scan", "--pattern", `${prefix}*`], 10_000).output.split("\n").filter(Boolean);
  for (let i = 0; i < keys.length; i += 500) run("redis-cli", [...args, "unlink", ...keys.slice(i, i + 500)], 10_000);
}
