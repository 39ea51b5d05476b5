// A local production topology: several Lede instances sharing one PostgreSQL
// and one Redis, behind nginx as load balancer and micro-cache. `npm run cluster`
// (scripts/cluster.mjs) runs it; benches and fault scripts drive it through:
//
//   const cluster = await startCluster({ ports: { lb: 3000, instances: [3001, 3002] }, env: { … } });
//
// options (all optional)
//   ports.lb          the balancer's port (default 3000)
//   ports.instances   one app instance per port (default [3001, 3002])
//   instanceEnv       [{…}, …]: extra environment for one instance each (e.g. LEDE_SCHEDULER=off)
//   env               environment for the instances, over process.env; defaults:
//                       DATABASE_URL  postgresql://postgres@127.0.0.1:5432/lede_cluster (created if missing)
//                       REDIS_URL     redis://127.0.0.1:6379
//                       NEXT_DIST_DIR the build to run (default .next, like `npm start`)
//                       NEXTAUTH_URL  the balancer's URL, so sign-in redirects come back through it
//   build             build first if the sources changed (scripts/lib/build.mjs), default true
//   prepare           migrate the database and seed it on first use (scripts/prepare.ts), default true
//   dataDir           nginx's prefix (config, pid, logs, temp and cache dirs), default data/cluster
//   host              address the balancer listens on, default 0.0.0.0; instances listen on 127.0.0.1
//   onOutput          (instanceIndex | "nginx", line) => void, for each line a child prints (default: none)
//
// resolves, once every instance answers /api/health (any status) and the balancer answers, to
//   lbUrl             "http://127.0.0.1:<lb>"
//   instanceUrls      ["http://127.0.0.1:<port>", …], to reach one instance directly
//   pids              the instances' process ids; the same array, updated in place by restart()
//   kill(i, signal?)  sends `signal` (default SIGKILL) to instance i and resolves when it has exited;
//                     it stays down until restart(i)
//   restart(i)        stops instance i if it runs (SIGTERM, graceful), starts it again on its port, and
//                     resolves once it answers /api/health
//   logs(i)           everything instance i printed (stdout and stderr, across restarts); the first
//                     half is dropped past 64 MB
//   nginxPid          the balancer's master process id
//   env               the environment the instances got (before instanceEnv)
//   stop()            stops the instances (SIGTERM, then SIGKILL after 15 s) and nginx; idempotent
//
// Children are started in their own process groups (Ctrl-C reaches only this
// process, which stops them in order) and are killed if this process exits.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { loadRuntimeEnv } from "./env.mjs";
import { run } from "./run.mjs";

export const DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/lede_cluster";
export const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";
const NGINX_CANDIDATES = [process.env.NGINX_PATH, "/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx"].filter(Boolean);
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TEMPLATES = path.join(ROOT, "deploy", "nginx");
const LOG_LIMIT = 64 * 1024 * 1024;
const READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 15_000;

/** How one instance is started: the custom server when present, else Next's own. */
export function instanceCommand(port) {
  if (existsSync(path.join(ROOT, "scripts", "serve.mjs"))) return { command: process.execPath, args: ["scripts/serve.mjs"] };
  return { command: path.join(ROOT, "node_modules", ".bin", "next"), args: ["start", "-p", String(port), "-H", "127.0.0.1"] };
}

export function findNginx() {
  return NGINX_CANDIDATES.find((candidate) => existsSync(candidate));
}

/** The nginx binary, installing Debian's package when we are root (as scripts/lib/chromium.mjs does for Chromium). */
export function ensureNginx() {
  const found = findNginx();
  if (found) return found;
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    console.log("› Installing nginx for the load balancer (apt-get install nginx)…");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    const install = spawnSync("apt-get", ["install", "-y", "-qq", "nginx"], { stdio: "inherit", env });
    if (install.status === 0 && findNginx()) return findNginx();
  }
  throw new Error("nginx is needed for the load balancer. Install it (Debian/Ubuntu: sudo apt-get install nginx) or set NGINX_PATH.");
}

function fill(template, values) {
  return readFileSync(path.join(TEMPLATES, template), "utf8").replace(/\{\{([A-Z_]+)\}\}/g, (match, name) => {
    if (!(name in values)) throw new Error(`${template}: no value for ${match}`);
    return values[name];
  });
}

/** The site configuration (deploy/nginx/lede.conf.template) for these instances, e.g. for a real host. */
export function renderSiteConfig({ listen, upstreams, cacheDir }) {
  return fill("lede.conf.template", {
    LISTEN: listen,
    CACHE_DIR: cacheDir,
    UPSTREAM_SERVERS: upstreams.map((upstream) => `    server ${upstream} max_fails=2 fail_timeout=1s;`).join("\n"),
  });
}

/**
 * Writes a complete foreground nginx set-up under `prefix` (nginx.conf, lede.conf)
 * and returns the path of nginx.conf.
 */
export function writeNginxConfig({ prefix, listen, upstreams, accessLog = true }) {
  for (const dir of ["tmp", "cache"]) mkdirSync(path.join(prefix, dir), { recursive: true });
  const siteConf = path.join(prefix, "lede.conf");
  writeFileSync(siteConf, renderSiteConfig({ listen, upstreams, cacheDir: path.join(prefix, "cache") }));
  const conf = path.join(prefix, "nginx.conf");
  writeFileSync(
    conf,
    fill("nginx.conf.template", { PREFIX: prefix, SITE_CONF: siteConf, ACCESS_LOG: accessLog ? `${path.join(prefix, "access.log")} combined buffer=64k flush=1s` : "off" }),
  );
  return conf;
}

/**
 * Starts nginx in the foreground with the configuration written by writeNginxConfig;
 * resolves once it listens. → { pid, stop() } (stop: graceful, SIGQUIT).
 */
export async function startBalancer({ prefix, listen, upstreams, accessLog = true, onOutput = () => {} }) {
  const nginx = ensureNginx();
  const conf = writeNginxConfig({ prefix, listen, upstreams, accessLog });
  // -e: even before reading the config, nginx logs under the prefix, not /var/log/nginx.
  const args = ["-p", prefix, "-e", path.join(prefix, "error.log"), "-c", conf];
  const check = spawnSync(nginx, ["-t", "-q", ...args], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`nginx rejected ${conf}:\n${check.stderr}`);
  const child = startChild(nginx, args, { env: process.env, onLine: onOutput });
  const port = listen.split(":").pop();
  try {
    await waitForHttp(`http://127.0.0.1:${port}/`, { timeoutMs: 10_000, alive: () => !exited(child) });
  } catch (error) {
    await stopChild(child, "SIGKILL");
    throw error;
  }
  return { pid: child.pid, child, stop: () => stopChild(child, "SIGQUIT", 5000) };
}

const isPostgres = (url) => /^postgres(ql)?:\/\//i.test(url);

/** Creates the PostgreSQL database named by `url` when it does not exist yet. */
export async function ensureDatabase(url) {
  if (!isPostgres(url)) return;
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once `url` answers at all (any status), or rejects after `timeoutMs` or when `alive()` turns false. */
async function waitForHttp(url, { timeoutMs = READY_TIMEOUT_MS, alive = () => true } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive()) throw new Error(`${url}: the process exited before answering`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000) });
      return;
    } catch {
      await sleep(200);
    }
  }
  throw new Error(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s`);
}

/** A child process in its own process group, with its output collected line by line. */
function startChild(command, args, { env, onLine }) {
  const child = spawn(command, args, { env, cwd: ROOT, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  for (const stream of [child.stdout, child.stderr]) {
    let partial = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk) => {
      const lines = (partial + chunk).split("\n");
      partial = lines.pop();
      for (const line of lines) onLine(line);
    });
    stream.on("end", () => partial && onLine(partial));
  }
  return child;
}

function exited(child) {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Signals the child's whole process group, then waits for it to exit (SIGKILL after `timeoutMs`). */
async function stopChild(child, signal = "SIGTERM", timeoutMs = STOP_TIMEOUT_MS) {
  if (!child || exited(child)) return;
  const done = new Promise((resolve) => child.once("exit", resolve));
  const send = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      child.kill(sig);
    }
  };
  send(signal);
  const timer = setTimeout(() => send("SIGKILL"), timeoutMs);
  await done;
  clearTimeout(timer);
}

export async function startCluster(options = {}) {
  const lbPort = options.ports?.lb ?? 3000;
  const ports = options.ports?.instances ?? [3001, 3002];
  const host = options.host ?? "0.0.0.0";
  const prefix = path.resolve(ROOT, options.dataDir ?? "data/cluster");
  const onOutput = options.onOutput ?? (() => {});
  const lbUrl = `http://127.0.0.1:${lbPort}`;
  const env = loadRuntimeEnv({
    DATABASE_URL: DEFAULT_DATABASE_URL,
    REDIS_URL: DEFAULT_REDIS_URL,
    NEXTAUTH_URL: `http://localhost:${lbPort}`,
    ...process.env,
    ...options.env,
    NODE_ENV: "production",
  });

  ensureNginx();
  await ensureDatabase(env.DATABASE_URL);
  if (options.prepare !== false) await run(path.join(ROOT, "node_modules", ".bin", "tsx"), ["scripts/prepare.ts"], { env, cwd: ROOT });
  if (options.build !== false) {
    // In a child process, so that build.mjs reads this build's NEXT_DIST_DIR.
    await run(process.execPath, ["--input-type=module", "-e", "await (await import('./scripts/lib/build.mjs')).buildIfNeeded();"], { env, cwd: ROOT });
  }

  const instances = ports.map(() => null);
  const pids = ports.map(() => 0);
  const logs = ports.map(() => "");
  let nginxChild = null;
  let stopping = false;

  const record = (index, line) => {
    logs[index] += `${line}\n`;
    if (logs[index].length > LOG_LIMIT) logs[index] = logs[index].slice(logs[index].length / 2);
    onOutput(index, line);
  };

  async function startInstance(index) {
    const port = ports[index];
    const { command, args } = instanceCommand(port);
    const child = startChild(command, args, { env: { ...env, ...options.instanceEnv?.[index], PORT: String(port), HOST: "127.0.0.1" }, onLine: (line) => record(index, line) });
    instances[index] = child;
    pids[index] = child.pid;
    child.once("exit", (code, signal) => {
      if (!stopping && instances[index] === child && !child.expectedExit) record(index, `› instance ${index + 1} (:${port}) exited (${signal ?? code})`);
    });
    await waitForHttp(`http://127.0.0.1:${port}/api/health`, { alive: () => !exited(child) });
  }

  const killAll = () => {
    for (const child of [...instances, nginxChild]) {
      if (child && !exited(child)) {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
    }
  };
  process.once("exit", killAll);

  async function stop() {
    if (stopping) return;
    stopping = true;
    // The balancer first (SIGQUIT: graceful, it finishes what it has in flight), then the instances.
    await stopChild(nginxChild, "SIGQUIT", 5000);
    await Promise.all(instances.map((child) => stopChild(child)));
    process.removeListener("exit", killAll);
  }

  try {
    await Promise.all(ports.map((_, index) => startInstance(index)));
    const balancer = await startBalancer({
      prefix,
      listen: `${host}:${lbPort}`,
      upstreams: ports.map((port) => `127.0.0.1:${port}`),
      accessLog: env.CLUSTER_ACCESS_LOG !== "off",
      onOutput: (line) => onOutput("nginx", line),
    });
    nginxChild = balancer.child;
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    lbUrl,
    instanceUrls: ports.map((port) => `http://127.0.0.1:${port}`),
    pids,
    get nginxPid() {
      return nginxChild.pid;
    },
    env,
    logs: (index) => logs[index],
    async kill(index, signal = "SIGKILL") {
      const child = instances[index];
      if (!child) return;
      child.expectedExit = true;
      await stopChild(child, signal);
    },
    async restart(index) {
      const child = instances[index];
      if (child) {
        child.expectedExit = true;
        await stopChild(child);
      }
      await startInstance(index);
    },
    stop,
  };
}
