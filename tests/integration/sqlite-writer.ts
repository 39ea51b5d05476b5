// One writer process for tests/integration/sqlite.test.ts: its own connection to the
// shared SQLite file, like a second app instance or `npm run seed` next to a server.
// At the shared start time it runs read-modify-write transactions on one counter row.
import { createClient } from "@/lib/db/client";

async function main() {
  const [startAt, iterations, key] = [Number(process.argv[2]), Number(process.argv[3]), process.argv[4]!];
  const client = createClient(process.env.DATABASE_URL);
  await client.$queryRaw`SELECT 1`;
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
  for (let i = 0; i < iterations; i++) {
    await client.$transaction(async (tx) => {
      const row = await tx.rateLimit.findUniqueOrThrow({ where: { key } });
      await tx.rateLimit.update({ where: { key }, data: { count: row.count + 1 } });
    });
    await client.auditEvent.create({ data: { action: "test.sqlite-writer", targetId: key } });
  }
  await client.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
