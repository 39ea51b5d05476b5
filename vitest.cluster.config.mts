// `npm run test:cluster`: the local production topology (scripts/lib/cluster.mjs)
// started for real — build, two instances, nginx — on PostgreSQL and Redis.
// Kept out of `npm test` (vitest.config.mts only picks up *.test.ts).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: { alias: { "@": root, "server-only": path.resolve(root, "tests/support/server-only.ts") } },
  test: {
    include: ["tests/cluster/**/*.cluster.ts"],
    environment: "node",
    testTimeout: 60_000,
    // The first run builds the app.
    hookTimeout: 15 * 60_000,
    fileParallelism: false,
  },
});
