// `npm run db:migrate`: applies the checked-in migrations that the database (DATABASE_URL, default
// data/lede.db) has not recorded yet, without Prisma's schema engine. See lib/db/migrate.ts.
import { databaseUrl, dialectOf } from "../lib/config";
import { migrate } from "../lib/db/migrate";

const url = databaseUrl();
const started = Date.now();
migrate(url).then(
  ({ applied }) => {
    const took = `${Date.now() - started} ms`;
    if (!applied.length) console.log(`✔ ${dialectOf(url)} database is up to date (${took})`);
    else console.log(`✔ Applied ${applied.length} migration(s) to the ${dialectOf(url)} database in ${took}:\n${applied.map((n) => `  ${n}`).join("\n")}`);
  },
  (error: unknown) => {
    console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
