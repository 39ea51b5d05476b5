// The cluster under test, started through scripts/lib/cluster.mjs (the same
// code `npm run cluster` uses): two app instances and the nginx balancer on the
// ports given, against a database and Redis chosen by the caller. nginx keeps
// its config, cache and logs in its own directory under LEDE_TEST_DIR, so a
// developer's `npm run cluster` is left alone.
import path from "node:path";
import { pathToFileURL } from "node:url";

export type Cluster = {
  lbUrl: string;
  instanceUrls: string[];
  /** Each instance's process id, updated in place by restart(). */
  pids: number[];
  nginxPid: number;
  /** SIGKILL by default; resolves once the instance has exited. */
  kill(instance: number): Promise<void>;
  restart(instance: number): Promise<void>;
  /** Everything instance `i` printed (stdout and stderr, across restarts). */
  logs(instance: number): string;
  stop(): Promise<void>;
};

type ClusterModule = {
  startCluster(options: { ports: { lb: number; instances: number[] }; env: Record<string, string>; dataDir: string; prepare: boolean; host: string }): Promise<Cluster>;
};

export async function startCluster({ name, lbPort, instancePorts, env }: { name: string; lbPort: number; instancePorts: number[]; env: Record<string, string> }): Promise<Cluster> {
  const module = (await import(pathToFileURL(path.resolve("scripts/lib/cluster.mjs")).href)) as ClusterModule;
  return module.startCluster({
    ports: { lb: lbPort, instances: instancePorts },
    env: { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-cluster", ...env },
    dataDir: path.join(process.env.LEDE_TEST_DIR ?? "data/test", name),
    // The caller prepared the database (migrations, seeds, first admin) before starting.
    prepare: false,
    host: "127.0.0.1",
  });
}
