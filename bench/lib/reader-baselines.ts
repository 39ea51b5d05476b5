// The two baselines bench/reader.ts measures our article page against, in the
// same run: (a) a bare Next app (this repo's next/react) whose only page is
// prerendered at build and carries the same article HTML as our page, with
// `generateEtags: false` like ours; (b) nginx serving that HTML as a file.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { startPinned, type Server } from "./reader-proc";

/** Next's inline RSC payload (`self.__next_f.push`) and its script tags: what our HTML carries besides the page itself. */
const FLIGHT_SCRIPT = /<script>self\.__next_f[\s\S]*?<\/script>/g;
const SCRIPT_TAG = /<script\b[^>]*\bsrc="[^"]*"[^>]*><\/script>|<link\b[^>]*\brel="preload"[^>]*\bas="script"[^>]*\/?>/g;

/** The page as HTML alone: the response without the RSC payload and the client scripts. */
export function htmlOnly(page: string): string {
  return page.replace(FLIGHT_SCRIPT, "").replace(SCRIPT_TAG, "");
}

/** Bytes of the inline RSC payload in a Next page. */
export function flightBytes(page: string): number {
  return [...page.matchAll(FLIGHT_SCRIPT)].reduce((sum, match) => sum + Buffer.byteLength(match[0]), 0);
}

function bodyOf(html: string): string {
  const match = html.match(/<body[^>]*>([\s\S]*)<\/body>/);
  if (!match) throw new Error("the article page has no <body>");
  return match[1]!;
}

const nodeModules = (repo: string) => path.join(repo, "node_modules");

/**
 * Writes and builds (once per distinct HTML) a bare Next app in `dir`, whose
 * `/` is our article's body HTML. It lives under the repo so that it resolves
 * this repo's next and react.
 */
export function buildBareNext(repo: string, dir: string, articleHtml: string): void {
  const body = bodyOf(articleHtml);
  const nextVersion = JSON.parse(readFileSync(path.join(nodeModules(repo), "next", "package.json"), "utf8")).version as string;
  const stamp = createHash("sha256").update(nextVersion).update(body).digest("hex");
  const stampFile = path.join(dir, ".next", "bench-stamp");
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp) return;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "app"), { recursive: true });
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "bare-next-baseline", private: true }, null, 2));
  writeFileSync(path.join(dir, "next.config.js"), `module.exports = { generateEtags: false, poweredByHeader: false };\n`);
  writeFileSync(
    path.join(dir, "app", "layout.js"),
    `export const metadata = { title: "Bare Next baseline" };
export default function RootLayout({ children }) {
  return <html lang="en"><body>{children}</body></html>;
}
`,
  );
  writeFileSync(
    path.join(dir, "app", "page.js"),
    `// Prerendered at build: the same article HTML as Lede's article page, as one string.
const BODY = ${JSON.stringify(body)};
export default function Page() {
  return <div dangerouslySetInnerHTML={{ __html: BODY }} />;
}
`,
  );
  console.log("› Building the bare Next baseline (next build)…");
  const build = spawnSync(process.execPath, [path.join(nodeModules(repo), "next", "dist", "bin", "next"), "build"], {
    cwd: dir,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    timeout: 300_000,
  });
  if (build.status !== 0) throw new Error("the bare Next baseline did not build");
  writeFileSync(stampFile, stamp);
}

/** nginx, one worker pinned to `cpu`, serving `html` at /article.html with keep-alive. */
export function startNginx(dir: string, port: number, html: string, cpu: number): Server {
  mkdirSync(path.join(dir, "root"), { recursive: true });
  writeFileSync(path.join(dir, "root", "article.html"), html);
  const conf = path.join(dir, "nginx.conf");
  writeFileSync(
    conf,
    `daemon off;
user root;
worker_processes 1;
pid ${path.join(dir, "nginx.pid")};
error_log ${path.join(dir, "error.log")} warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  open_file_cache max=16;
  default_type text/html;
  client_body_temp_path ${dir}/tmp-body;
  proxy_temp_path ${dir}/tmp-proxy;
  fastcgi_temp_path ${dir}/tmp-fastcgi;
  uwsgi_temp_path ${dir}/tmp-uwsgi;
  scgi_temp_path ${dir}/tmp-scgi;
  server {
    listen 127.0.0.1:${port};
    root ${path.join(dir, "root")};
  }
}
`,
  );
  return startPinned("nginx", cpu, "nginx", ["-c", conf, "-p", dir, "-e", path.join(dir, "error.log")], {
    cwd: dir,
    env: process.env,
    port,
    logFile: path.join(dir, "nginx.log"),
  });
}
