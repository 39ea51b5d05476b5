// The bench's ceiling: nginx serving a saved copy of an article page as a
// plain file, configured like the cluster's balancer (same worker count,
// keep-alive, no access log when the balancer has none), so the two differ
// only in what the micro-cache adds.
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { get, sleep } from "./cluster-http";

export type StaticServer = { url: string; pid: number; stop: () => Promise<void> };

export async function startStaticNginx({ port, html, workers, accessLog }: { port: number; html: string; workers: number | "auto"; accessLog: boolean }): Promise<StaticServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "lede-static-"));
  chmodSync(dir, 0o755); // nginx workers run as nobody
  mkdirSync(path.join(dir, "www"));
  mkdirSync(path.join(dir, "logs"));
  writeFileSync(path.join(dir, "www", "article.html"), html);
  const config = `
worker_processes ${workers};
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 4096; }
http {
  include /etc/nginx/mime.types;
  default_type text/html;
  ${accessLog ? `access_log ${dir}/logs/access.log combined buffer=64k flush=1s;` : "access_log off;"}
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  client_body_temp_path ${dir}/tmp-body;
  proxy_temp_path ${dir}/tmp-proxy;
  fastcgi_temp_path ${dir}/tmp-fastcgi;
  uwsgi_temp_path ${dir}/tmp-uwsgi;
  scgi_temp_path ${dir}/tmp-scgi;
  server {
    listen 127.0.0.1:${port};
    root ${dir}/www;
    location = /article.html { add_header Cache-Control "public, max-age=0, s-maxage=1, stale-while-revalidate=59"; }
  }
}
`;
  writeFileSync(path.join(dir, "nginx.conf"), config);
  const child: ChildProcess = spawn("nginx", ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}/article.html`;
  for (let attempt = 0; attempt < 50; attempt++) {
    if (child.exitCode !== null) throw new Error(`static nginx exited: ${stderr}`);
    if ((await get(url, { timeoutMs: 1000 })).status === 200) break;
    await sleep(100);
  }
  return {
    url,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGQUIT");
        await Promise.race([exited, sleep(5000)]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
