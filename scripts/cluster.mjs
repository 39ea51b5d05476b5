// `npm run cluster`: a local production topology. Builds once, prepares the
// database, then runs two Lede instances (:3001, :3002) sharing PostgreSQL and
// Redis behind nginx on :3000 (round robin, retries, a one-second micro-cache of
// public pages). Ctrl-C or SIGTERM stops everything. See scripts/lib/cluster.mjs.
//   DATABASE_URL   default postgresql://postgres@127.0.0.1:5432/lede_cluster (created if missing)
//   REDIS_URL      default redis://127.0.0.1:6379
//   CLUSTER_PORTS  default "3000,3001,3002": the balancer's port, then one per instance
//   NEXT_DIST_DIR  the build directory, default .next (shared with `npm start`)
import { startCluster } from "./lib/cluster.mjs";

const [lb, ...instances] = (process.env.CLUSTER_PORTS ?? "3000,3001,3002").split(",").map(Number);
if (!lb || instances.length === 0 || [lb, ...instances].some((port) => !Number.isInteger(port))) {
  console.error(`✗ CLUSTER_PORTS must be the balancer's port then one port per instance, e.g. "3000,3001,3002"`);
  process.exit(1);
}

const label = (source) => (source === "nginx" ? "nginx" : `:${instances[source]}`);
let cluster;
try {
  cluster = await startCluster({ ports: { lb, instances }, onOutput: (source, line) => console.log(`[${label(source)}] ${line}`) });
} catch (error) {
  console.error(`✗ ${error.message}`);
  process.exit(1);
}
console.log(`› Lede cluster: http://localhost:${lb} (nginx) → ${cluster.instanceUrls.join(", ")}`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.log("› Stopping the cluster…");
    await cluster.stop();
    process.exit(0);
  });
}
