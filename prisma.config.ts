// Prisma CLI configuration. One data model (prisma/schema.prisma, SQLite) and a generated
// PostgreSQL copy; DATABASE_URL picks which schema and migrations folder the CLI works on.
// Run the CLI through `npm run prisma -- …` (scripts/prisma.mjs), which also selects the offline
// schema engine when Prisma's native one is not installed.
import path from "node:path";
import { defineConfig } from "prisma/config";

// Same default as lib/config.ts: the embedded SQLite database under data/. A default keeps
// `prisma generate` working when DATABASE_URL is unset.
const url = process.env.DATABASE_URL?.trim() || `file:${path.join(process.cwd(), "data", "lede.db")}`;
const postgresql = /^postgres(ql)?:\/\//i.test(url);

export default defineConfig({
  schema: postgresql ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: postgresql ? "prisma/postgresql/migrations" : "prisma/migrations" },
  datasource: {
    // Relative SQLite paths are taken from the project root, as the app does.
    url: postgresql ? url : `file:${path.resolve(url.replace(/^file:/, ""))}`,
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL?.trim() || undefined,
  },
  // Database objects the schema cannot express, made by hand-written migration SQL, that Migrate
  // must neither diff nor drop: the search table "ArticleSearch" (on SQLite an FTS5 table, with the
  // tables FTS5 keeps for it; on PostgreSQL a tsvector table with storage settings Prisma cannot write).
  experimental: { externalTables: true },
  tables: {
    external: postgresql
      ? ["public.ArticleSearch"]
      : ["ArticleSearch", ...["config", "content", "data", "docsize", "idx"].map((t) => `ArticleSearch_${t}`)],
  },
});
