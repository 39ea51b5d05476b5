// What the bench needs to know about the cluster's nginx: its processes (to pin
// them and count their CPU time) and its worker count and access logging (to
// configure the static-file baseline the same way).
import { readFileSync } from "node:fs";
import { processTree } from "./cluster-proc";

export type Balancer = { pids: number[]; workers: number; accessLog: boolean; configFile: string | null };

export function findBalancer(master: number): Balancer {
  const tree = processTree(master);
  const argv = readFileSync(`/proc/${master}/cmdline`, "utf8").split("\0");
  const configFile = argv.includes("-c") ? (argv[argv.indexOf("-c") + 1] ?? null) : null;
  // The site config is included from the main one: read both.
  let config = "";
  if (configFile) {
    config = readFileSync(configFile, "utf8");
    for (const include of config.matchAll(/^\s*include\s+(\S+);/gm)) {
      if (include[1]!.startsWith("/") && !include[1]!.includes("*")) config += readFileSync(include[1]!, "utf8");
    }
  }
  config = config.replace(/#.*$/gm, "");
  const accessLog = /access_log\s+(?!off\b)\S+/.test(config);
  // Not the cache manager/loader that proxy_cache adds.
  const workers = tree.filter((pid) => readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("worker process")).length;
  return { pids: [master], workers: Math.max(1, workers), accessLog, configFile };
}
