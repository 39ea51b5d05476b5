// One scheduler "instance" for tests/integration/scheduler.test.ts: its own
// process and database connection, like a separate app server. It waits until
// the shared start time, runs one scheduler pass and prints what it published.
import { createClient } from "@/lib/db/client";
import { publishDueArticles } from "@/lib/articles/scheduler";

async function main() {
  const startAt = Number(process.argv[2] ?? 0);
  const client = createClient(process.env.DATABASE_URL);
  await client.$queryRaw`SELECT 1`;
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
  const published = await publishDueArticles(client);
  await client.$disconnect();
  process.stdout.write(JSON.stringify(published.map((article) => article.id)));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
