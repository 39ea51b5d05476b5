// Brings a database up to date before the app serves it: applies pending
// migrations, and on the very first run imports the documents in seeds/.
import { spawnSync } from "node:child_process";
import { migrate } from "@/lib/db/migrate";
import { createClient } from "@/lib/db/client";
import { databaseUrl } from "@/lib/config";
import { ensureAdminFromEnv } from "@/lib/users/first-admin";

const FIRST_RUN_KEY = "seed.firstRunAt";

async function main() {
  const url = databaseUrl();
  const { applied } = await migrate(url);
  console.log(applied.length ? `› Applied migrations: ${applied.join(", ")}` : "› Database schema is up to date");

  const db = createClient(url);
  try {
    const seededBefore = await db.setting.findUnique({ where: { key: FIRST_RUN_KEY } });
    if (!seededBefore) {
      console.log("› First run: importing seeds/");
      const seed = spawnSync(process.execPath, ["--import", "tsx", "scripts/seed.ts"], { stdio: "inherit", env: process.env });
      // A rejected document is reported by the seed itself; it does not stop the app from starting.
      if (seed.status !== 0 && seed.status !== 1) throw new Error("Seeding failed");
      await db.setting.create({ data: { key: FIRST_RUN_KEY, value: new Date().toISOString() } });
    }
    // ADMIN_EMAIL/ADMIN_PASSWORD create the first admin without visiting /setup.
    if ((await ensureAdminFromEnv(db)) === "created") console.log(`› Created admin ${process.env.ADMIN_EMAIL?.trim().toLowerCase()}`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(`✗ ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
