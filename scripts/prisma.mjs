#!/usr/bin/env node
// The project's entry point to the Prisma CLI (`npm run prisma -- <command>`).
//
// One data model, two databases. prisma/schema.prisma (SQLite) is the source; its PostgreSQL copy
// prisma/postgresql/schema.prisma is generated from it, and each has its own migrations folder
// (prisma/migrations, prisma/postgresql/migrations). prisma.config.ts picks the pair by DATABASE_URL.
//
//   generate           write the PostgreSQL schema, then `prisma generate` both clients (postinstall)
//   sync-schemas       only write the PostgreSQL schema
//   check-schemas      fail if the PostgreSQL schema on disk is not what `generate` would write
//   migrate dev …      Prisma's own `migrate dev` on SQLite (DATABASE_URL unset or file:…), then the
//                      PostgreSQL twin of the migration it created, under the same name, written by
//                      Prisma's own `migrate diff --from-migrations prisma/postgresql/migrations
//                      --to-schema prisma/postgresql/schema.prisma --script`. With --create-only both
//                      are drafts (empty if the schema did not change) for hand-written SQL. If the
//                      SQLite migration redefines a table, the hand-written triggers SQLite drops
//                      with it are appended (see restoreTriggers). Against PostgreSQL
//                      (DATABASE_URL=postgresql://…) it is plain `migrate dev`.
//   migrate-pg [--name x]   write the PostgreSQL twin of the newest SQLite migration that has none
//                      (e.g. PostgreSQL was unreachable during migrate dev), or a new one named x
//   check-migrations [sqlite|postgresql]   fail unless the migration folders produce exactly their
//                      schema (`migrate diff --from-migrations … --to-schema … --exit-code`)
//   anything else      passed to the prisma CLI (migrate deploy|status|reset|diff, db push, studio…)
//
// The PostgreSQL diffs replay migrations on a throwaway database created (and dropped) on
// PG_ADMIN_URL (default postgresql://postgres@127.0.0.1:5432/postgres).
//
// Prisma 7's CLI downloads a native schema engine on first use. When none is installed (as on
// machines that reach only the npm registry) this script points PRISMA_SCHEMA_ENGINE_BINARY at
// scripts/schema-engine/, which runs Prisma's WASM engine through the project's driver adapters.
// LEDE_SCHEMA_ENGINE=native (or your own PRISMA_SCHEMA_ENGINE_BINARY) opts out.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const rel = (...parts) => path.join(root, ...parts);
const SOURCE_SCHEMA = "prisma/schema.prisma";
const PG_SCHEMA = "prisma/postgresql/schema.prisma";
const MIGRATIONS = { sqlite: "prisma/migrations", postgresql: "prisma/postgresql/migrations" };
const SCHEMAS = { sqlite: SOURCE_SCHEMA, postgresql: PG_SCHEMA };
const PRISMA_CLI = rel("node_modules", "prisma", "build", "index.js");
const OFFLINE_ENGINE = rel("scripts", "schema-engine", "index.mjs");
const PG_ADMIN_URL = process.env.PG_ADMIN_URL?.trim() || "postgresql://postgres@127.0.0.1:5432/postgres";

const isPostgresUrl = (url) => /^postgres(ql)?:\/\//i.test(url ?? "");

// ---- schemas -----------------------------------------------------------------------------------

/** The PostgreSQL schema generated from the SQLite one. */
function postgresqlSchema(source) {
  const header =
    "// GENERATED — do not edit. Made from prisma/schema.prisma by `npm run prisma -- generate`\n" +
    "// (scripts/prisma.mjs): edit that file and regenerate.\n\n";
  let provider = 0;
  let output = 0;
  const text = source
    .replace(/^([ \t]*)\/\/@postgresql /gm, "$1")
    .replace(/(datasource\s+\w+\s*\{[^}]*?\bprovider\s*=\s*)"sqlite"/, (_, head) => (provider++, `${head}"postgresql"`))
    .replace(/(generator\s+\w+\s*\{[^}]*?\boutput\s*=\s*)"([^"]*\/)sqlite"/, (_, head, dir) => {
      output++;
      const target = path.join(path.dirname(SOURCE_SCHEMA), dir, "postgresql");
      return `${head}"${path.relative(path.dirname(PG_SCHEMA), target).split(path.sep).join("/")}"`;
    });
  if (!provider || !output)
    throw new Error(`${SOURCE_SCHEMA}: expected a datasource with provider = "sqlite" and a generator output ending in /sqlite`);
  return header + text;
}

const expectedPgSchema = () => postgresqlSchema(fs.readFileSync(rel(SOURCE_SCHEMA), "utf8"));
const currentPgSchema = () => (fs.existsSync(rel(PG_SCHEMA)) ? fs.readFileSync(rel(PG_SCHEMA), "utf8") : null);

function writePgSchema() {
  const expected = expectedPgSchema();
  if (currentPgSchema() === expected) return false;
  fs.mkdirSync(path.dirname(rel(PG_SCHEMA)), { recursive: true });
  fs.writeFileSync(rel(PG_SCHEMA), expected);
  return true;
}

// ---- running the prisma CLI --------------------------------------------------------------------

function nativeEngineInstalled() {
  const dirs = [rel("node_modules", "@prisma", "engines"), rel("node_modules", "prisma")];
  return dirs.some((dir) => fs.existsSync(dir) && fs.readdirSync(dir).some((f) => /^schema-engine-[\w.-]+?(\.exe)?$/.test(f) && !/\.(gz|sha256)$/.test(f)));
}

function engineEnv() {
  if (process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.env.LEDE_SCHEMA_ENGINE === "native" || nativeEngineInstalled()) return {};
  return { PRISMA_SCHEMA_ENGINE_BINARY: OFFLINE_ENGINE };
}

/** Runs the prisma CLI; resolves to its exit code (and output when `capture`). */
function prisma(args, { env = {}, capture = false } = {}) {
  if (!fs.existsSync(PRISMA_CLI)) throw new Error("The prisma CLI is not installed (it is a devDependency: run npm install).");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PRISMA_CLI, ...args], {
      cwd: root,
      env: { ...process.env, ...engineEnv(), ...env },
      stdio: capture ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    let output = "";
    if (capture) for (const stream of [child.stdout, child.stderr]) stream.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

async function generate() {
  const changed = writePgSchema();
  const started = Date.now();
  const results = await Promise.all(
    [SOURCE_SCHEMA, PG_SCHEMA].map((schema) => prisma(["generate", "--schema", schema], { capture: true })),
  );
  const failed = results.find((r) => r.code !== 0);
  if (failed) {
    process.stderr.write(results.map((r) => r.output).join("\n"));
    return failed.code;
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`✔ Prisma clients generated for SQLite and PostgreSQL in ${seconds}s${changed ? ` (rewrote ${PG_SCHEMA})` : ""}`);
  return 0;
}

function checkSchemas() {
  if (currentPgSchema() === expectedPgSchema()) {
    console.log(`✔ ${PG_SCHEMA} is up to date with ${SOURCE_SCHEMA}`);
    return 0;
  }
  console.error(`✗ ${PG_SCHEMA} is out of date with ${SOURCE_SCHEMA}: run \`npm run prisma -- generate\` and commit the result.`);
  return 1;
}

// ---- migrations --------------------------------------------------------------------------------

const migrationNames = (dialect) => {
  const dir = rel(MIGRATIONS[dialect]);
  return fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort((a, b) => a.localeCompare(b)) : [];
};

async function pgQuery(url, sql) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Env for a PostgreSQL `migrate diff --from-migrations`: the config's PostgreSQL side, with a
 * throwaway shadow database (the native engine requires one; both engines wipe it).
 */
async function withPgShadow(fn) {
  const name = `lede_tooling_shadow_${process.pid}_${Date.now().toString(36)}`;
  try {
    await pgQuery(PG_ADMIN_URL, `CREATE DATABASE "${name}"`);
  } catch (error) {
    throw new Error(`PostgreSQL is needed to replay prisma/postgresql/migrations, but ${redact(PG_ADMIN_URL)} failed: ${error.message}. Set PG_ADMIN_URL.`);
  }
  const shadow = new URL(PG_ADMIN_URL);
  shadow.pathname = `/${name}`;
  try {
    return await fn({ DATABASE_URL: PG_ADMIN_URL, SHADOW_DATABASE_URL: shadow.href });
  } finally {
    await pgQuery(PG_ADMIN_URL, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

const redact = (url) => url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");

/** Env for a SQLite `migrate diff`: a throwaway main database, so data/ is never touched. */
async function withSqliteScratch(fn) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lede-prisma-"));
  try {
    return await fn({ DATABASE_URL: `file:${path.join(dir, "scratch.db")}` });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const withScratch = (dialect, fn) => (dialect === "postgresql" ? withPgShadow(fn) : withSqliteScratch(fn));

/** The SQL that takes `dialect`'s migrations folder to its schema ("" when there is nothing to do). */
async function pendingSql(dialect) {
  return withScratch(dialect, async (env) => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lede-diff-")), "diff.sql");
    try {
      const args = ["migrate", "diff", "--from-migrations", MIGRATIONS[dialect], "--to-schema", SCHEMAS[dialect], "--script", "--exit-code", "--output", out];
      // --exit-code: 0 when there is nothing to migrate, 2 when there is.
      const { code, output } = await prisma(args, { env, capture: true });
      if (code !== 0 && code !== 2) throw new Error(`prisma ${args.join(" ")} failed:\n${output}`);
      return code === 2 ? fs.readFileSync(out, "utf8") : "";
    } finally {
      fs.rmSync(path.dirname(out), { recursive: true, force: true });
    }
  });
}

/** Writes the PostgreSQL migration `name` (unless empty and not a draft). */
async function writePgMigration(name, { draft = false } = {}) {
  const dir = rel(MIGRATIONS.postgresql, name);
  if (fs.existsSync(dir)) throw new Error(`${path.relative(root, dir)} already exists`);
  // The engine reads the provider of a migrations folder from its lock file, even an empty folder's.
  const lock = rel(MIGRATIONS.postgresql, "migration_lock.toml");
  if (!fs.existsSync(lock)) {
    fs.mkdirSync(path.dirname(lock), { recursive: true });
    fs.writeFileSync(lock, '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n');
  }
  const sql = await pendingSql("postgresql");
  if (!sql && !draft) {
    console.log("✔ PostgreSQL: prisma/postgresql/migrations already matches the schema; no migration needed.");
    return;
  }
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql || "-- This is an empty migration.");
  console.log(`✔ PostgreSQL: wrote ${path.relative(root, dir)}/migration.sql${sql ? "" : " (empty draft)"}`);
}

const sha256 = (text) => createHash("sha256").update(text).digest("hex");
const sqliteMigrationFile = (name) => rel(MIGRATIONS.sqlite, name, "migration.sql");

/**
 * To alter a table, Prisma's SQLite migrations redefine it (CREATE "new_X", copy, DROP "X", RENAME),
 * and SQLite drops a table's triggers with it — here, the search index's triggers on "Article".
 * Append the latest definition of each lost trigger (from the earlier migrations) to migration
 * `name`; if migrate dev already applied it, create them in the dev database too and record the
 * new checksum, as if the migration had been applied with them.
 */
async function restoreTriggers(name, { devDatabaseUrl }) {
  const file = sqliteMigrationFile(name);
  const sql = fs.readFileSync(file, "utf8");
  const redefined = [...sql.matchAll(/ALTER TABLE "new_([^"]+)" RENAME TO "\1"/g)].map((m) => m[1]);
  if (!redefined.length) return;
  const triggers = new Map();
  for (const earlier of migrationNames("sqlite").filter((n) => n.localeCompare(name) < 0)) {
    const text = fs.readFileSync(sqliteMigrationFile(earlier), "utf8");
    // Trigger bodies here are plain statements; a body containing its own "END;" would need more than a regex.
    for (const m of text.matchAll(/CREATE TRIGGER\s+(?:IF NOT EXISTS\s+)?"([^"]+)"[\s\S]*?\bEND;/g)) triggers.set(m[1], m[0]);
    for (const m of text.matchAll(/DROP TRIGGER\s+(?:IF EXISTS\s+)?"([^"]+)"/g)) triggers.delete(m[1]);
  }
  const lost = [...triggers.entries()].filter(([, def]) => redefined.some((table) => def.includes(` ON "${table}"`)));
  if (!lost.length) return;
  const addition = `\n\n-- Re-create the triggers SQLite dropped with the redefined table (added by scripts/prisma.mjs)\n${lost.map(([, def]) => def).join("\n\n")}\n`;
  fs.appendFileSync(file, addition);
  console.log(`✔ SQLite: appended the triggers ${lost.map(([t]) => t).join(", ")} to ${path.relative(root, file)}`);
  if (!devDatabaseUrl) return;
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(path.resolve(root, devDatabaseUrl.replace(/^file:/, "").replace(/\?.*$/, "")));
  try {
    db.transaction(() => {
      db.exec(addition);
      db.prepare('UPDATE "_prisma_migrations" SET "checksum" = ? WHERE "migration_name" = ?').run(sha256(fs.readFileSync(file)), name);
    })();
  } finally {
    db.close();
  }
}

async function migrateDev(args) {
  if (isPostgresUrl(process.env.DATABASE_URL)) return (await prisma(args)).code;
  writePgSchema();
  const createOnly = args.includes("--create-only");
  const before = new Set(migrationNames("sqlite"));
  const { code } = await prisma(args);
  if (code !== 0) return code;
  const created = migrationNames("sqlite").filter((name) => !before.has(name));
  if (!created.length) return 0;
  const devDatabaseUrl = createOnly ? undefined : process.env.DATABASE_URL?.trim() || `file:${rel("data", "lede.db")}`;
  for (const name of created) await restoreTriggers(name, { devDatabaseUrl });
  try {
    await writePgMigration(created.at(-1), { draft: createOnly });
    return 0;
  } catch (error) {
    console.error(`✗ PostgreSQL migration not written: ${error.message}\n  Fix that, then run \`npm run prisma -- migrate-pg\`.`);
    return 1;
  }
}

async function migratePg(args) {
  writePgSchema();
  const flag = args.findIndex((a) => a === "--name" || a.startsWith("--name="));
  const given = flag === -1 ? undefined : args[flag].startsWith("--name=") ? args[flag].slice(7) : args[flag + 1];
  const pg = new Set(migrationNames("postgresql"));
  let name = migrationNames("sqlite").filter((n) => !pg.has(n)).at(-1);
  if (given) name = `${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}_${given.replace(/\W+/g, "_")}`;
  if (!name) throw new Error("every SQLite migration already has a PostgreSQL twin: pass --name <name> for a new one");
  await writePgMigration(name, { draft: args.includes("--create-only") });
  return 0;
}

async function checkMigrations(dialects) {
  let failures = 0;
  for (const dialect of dialects) {
    const sql = await pendingSql(dialect);
    if (!sql) {
      console.log(`✔ ${MIGRATIONS[dialect]} matches ${SCHEMAS[dialect]}`);
      continue;
    }
    failures++;
    console.error(`✗ ${MIGRATIONS[dialect]} does not match ${SCHEMAS[dialect]}; missing:\n${sql}`);
  }
  if (failures)
    console.error(
      "Create the missing migration with `npm run prisma -- migrate dev --name <name>`; if the SQL would undo\n" +
        "hand-written objects, describe them in prisma/schema.prisma or list them in prisma.config.ts tables.external.",
    );
  return failures ? 1 : 0;
}

// ---- main --------------------------------------------------------------------------------------

async function main(args) {
  const [command, sub] = args;
  switch (command) {
    case "generate":
      return args.length === 1 ? generate() : (writePgSchema(), (await prisma(args)).code);
    case "check-schemas":
      return checkSchemas();
    case "sync-schemas":
      console.log(writePgSchema() ? `✔ wrote ${PG_SCHEMA}` : `✔ ${PG_SCHEMA} is up to date`);
      return 0;
    case "migrate-pg":
      return migratePg(args.slice(1));
    case "check-migrations": {
      const dialects = args.length > 1 ? args.slice(1) : ["sqlite", "postgresql"];
      const unknown = dialects.find((d) => !MIGRATIONS[d]);
      if (unknown) throw new Error(`check-migrations: unknown provider "${unknown}" (sqlite or postgresql)`);
      return checkSchemas() || checkMigrations(dialects);
    }
    case "migrate":
      if (sub === "dev") return migrateDev(args);
    // falls through
    default:
      return (await prisma(args)).code;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(`✗ ${error.message}`);
      process.exit(1);
    },
  );
}
