#!/usr/bin/env node
// Offline stand-in for Prisma's native `schema-engine` binary, which Prisma 7's CLI downloads on first
// use (impossible on machines that reach only the npm registry). It speaks the binary's interface —
// `--version`, `cli can-connect-to-database|create-database`, and JSON-RPC on stdin/stdout — and
// answers with Prisma's WASM build of the same engine (@prisma/schema-engine-wasm), which talks to
// the database through the project's driver adapters. scripts/prisma.mjs selects it through
// PRISMA_SCHEMA_ENGINE_BINARY when no native engine is installed.
//
// Quirks of the WASM engine handled here (each was an error first):
//  1. it expects `_prisma_migrations` to exist (P1014): created with Prisma's DDL before the commands
//     that read or write it;
//  2. it replays migrations on the SQLite shadow database with executeRaw, and better-sqlite3 prepares
//     one statement at a time: multi-statement queries run as scripts (adapters.mjs), as does db execute;
//  3. on SQLite it has its (in-memory) shadow database only for the command right after a
//     devDiagnostic: one engine per process, and a devDiagnostic before evaluateDataLoss/createMigration;
//  4. its reset leaves tables behind: reset drops every object itself (SQLite) or the schema (PostgreSQL);
//  5. adapter-pg cannot read the catalog type "char" (OID 18): mapped to text (adapters.mjs);
//  6. adapter-pg's shadow database reuses the main database and leaks: we create/drop our own (adapters.mjs).
// Also: the CLI expects a diff's text as a `print` request, not in the result; and every SQL that
// this file runs on SQLite goes through the engine's own connection, which holds the file locked.
import fs from "node:fs";
import { createRequire } from "node:module";
import readline from "node:readline";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { createAdapterFactory, isPostgresUrl, pgAdmin, pgSchemaOf, sqlitePath, withDatabase } from "./adapters.mjs";

const require = createRequire(import.meta.url);
const wasmGlue = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");

const MIGRATIONS_TABLE = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
);`,
  postgresql: `CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`,
};

// ---- command line (the native binary's flags) --------------------------------------------------
const argv = process.argv.slice(2);
const flag = (name) => {
  const values = [];
  for (let i = 0; i < argv.length; i++) if (argv[i] === name) values.push(argv[++i]);
  return values;
};
const datasource = JSON.parse(flag("--datasource")[0] ?? "{}");
const datamodelPaths = flag("--datamodels");
// The CLI swallows the engine's stderr: LEDE_SCHEMA_ENGINE_LOG=<file> appends a trace of every call there.
const logFile = process.env.LEDE_SCHEMA_ENGINE_LOG;
const debug = logFile ? (msg) => fs.appendFileSync(logFile, `[${process.pid}] ${msg}\n`) : () => {};

async function loadWasm() {
  const glue = await import(pathToFileURL(wasmGlue).href);
  const bytes = fs.readFileSync(wasmGlue.replace(/\.js$/, ".wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return glue;
}

/** The native binary's error log line, which the CLI parses from stderr (it skips the first line). */
function logError(code, message) {
  const line = (level, fields) => JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target: "schema_engine::logger" });
  process.stderr.write(`${line("INFO", { message: "Starting schema engine CLI" })}\n${line("ERROR", { message, error_code: code })}`);
}

// ---- `cli` subcommands -------------------------------------------------------------------------
async function canConnect(url) {
  if (!url) throw Object.assign(new Error("No datasource URL"), { code: "P1012" });
  if (!isPostgresUrl(url)) {
    const file = sqlitePath(url);
    if (!fs.existsSync(file)) throw Object.assign(new Error(`Database ${file} does not exist`), { code: "P1003" });
    return;
  }
  try {
    await pgAdmin(url, "SELECT 1");
  } catch (error) {
    const { hostname, port, pathname } = new URL(url);
    const database = decodeURIComponent(pathname.slice(1)) || "postgres";
    if (error.code === "3D000")
      throw Object.assign(new Error(`Database \`${database}\` does not exist on the database server at \`${hostname}:${port || 5432}\`.`), { code: "P1003" });
    throw Object.assign(new Error(`Can't reach database server at \`${hostname}:${port || 5432}\`: ${error.message}`), { code: "P1001" });
  }
}

async function createDatabase(url) {
  if (!isPostgresUrl(url)) {
    const file = sqlitePath(url);
    fs.mkdirSync(file.replace(/[/\\][^/\\]*$/, ""), { recursive: true });
    new Database(file).close();
    return { databaseName: file };
  }
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  await pgAdmin(withDatabase(url, "postgres"), `CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  return { databaseName: database };
}

if (argv.includes("--version") || argv.includes("-V")) {
  const { version } = JSON.parse(fs.readFileSync(new URL("package.json", pathToFileURL(wasmGlue)), "utf8"));
  console.log(`schema-engine-cli ${version.split(".").at(-1)} (@prisma/schema-engine-wasm ${version}, offline stand-in)`);
  process.exit(0);
}

const cliIndex = argv.indexOf("cli");
if (cliIndex !== -1) {
  const command = argv[cliIndex + 1];
  try {
    if (command === "can-connect-to-database") await canConnect(datasource.url);
    else if (command === "create-database") await createDatabase(datasource.url);
    else throw Object.assign(new Error(`Unsupported cli command: ${command}`), { code: "P1000" });
    process.exit(0);
  } catch (error) {
    logError(error.code ?? "P1000", error.message);
    process.exit(1);
  }
}

// ---- JSON-RPC server ---------------------------------------------------------------------------
const url = datasource.url;
if (!url) {
  logError("P1012", "The schema engine needs a datasource URL (prisma.config.ts datasource.url).");
  process.exit(1);
}
const dialect = isPostgresUrl(url) ? "postgresql" : "sqlite";
const adapters = createAdapterFactory({ url, shadowDatabaseUrl: datasource.shadowDatabaseUrl, log: logFile && debug });
const { SchemaEngine } = await loadWasm();
const datamodels = datamodelPaths.length ? datamodelPaths.map((p) => [p, fs.readFileSync(p, "utf8")]) : undefined;
const engine = await SchemaEngine.new({ datamodels }, (log) => debug(log), adapters.bound);

const ensureMigrationsTable = () => adapters.withMain((db) => db.executeScript(MIGRATIONS_TABLE[dialect]));

// Quirk 3.
let lastMethod;
async function withShadow(params, run) {
  if (dialect === "sqlite" && lastMethod !== "devDiagnostic")
    await methods.devDiagnostic({ migrationsList: params.migrationsList, filters: params.filters });
  return run(params);
}

async function reset() {
  if (dialect === "postgresql") {
    const schema = pgSchemaOf(url);
    await pgAdmin(url, `DROP SCHEMA IF EXISTS "${schema}" CASCADE; CREATE SCHEMA "${schema}"`);
    return {};
  }
  await adapters.withMain(async (db) => {
    const { rows } = await db.queryRaw({
      sql: "SELECT type, name, sql FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'",
      args: [],
      argTypes: [],
    });
    // Virtual tables first: dropping one drops its shadow tables too.
    const isVirtual = (sql) => Number(/^CREATE VIRTUAL/i.test(sql ?? ""));
    rows.sort((a, b) => isVirtual(b[2]) - isVirtual(a[2]));
    const drops = rows.map(([type, name]) => `DROP ${type.toUpperCase()} IF EXISTS "${name.replaceAll('"', '""')}";`);
    await db.executeScript(`PRAGMA foreign_keys = OFF;\n${drops.join("\n")}\nPRAGMA foreign_keys = ON;\nVACUUM;`);
  });
  return {};
}

const send = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);
let nextPrintId = 1;

const methods = {
  getDatabaseVersion: (params) => engine.version(params),
  createDatabase: (params) => createDatabase(params?.datasource?.url ?? url),
  reset,
  dbExecute: async ({ datasourceType, script }) => {
    const target = datasourceType?.tag === "url" && datasourceType.url ? datasourceType.url : url;
    if (target !== url) throw new Error("db execute: only the configured datasource is supported by the offline engine");
    await adapters.withMain((db) => db.executeScript(script));
    return {};
  },
  devDiagnostic: async (params) => (await ensureMigrationsTable(), engine.devDiagnostic(params)),
  // The native engine prints the diff through a `print` request to the CLI (which writes it to stdout
  // or to --output) rather than in its result.
  diff: async (params) => {
    const result = await engine.diff(params);
    if (result.stdout) send({ jsonrpc: "2.0", id: nextPrintId++, method: "print", params: { content: result.stdout } });
    return { exitCode: result.exitCode };
  },
  createMigration: (params) => withShadow(params, (p) => engine.createMigration(p)),
  evaluateDataLoss: (params) => withShadow(params, (p) => engine.evaluateDataLoss(p)),
  applyMigrations: async (params) => (await ensureMigrationsTable(), engine.applyMigrations(params)),
  markMigrationApplied: async (params) => (await ensureMigrationsTable(), engine.markMigrationApplied(params)),
  markMigrationRolledBack: async (params) => (await ensureMigrationsTable(), engine.markMigrationRolledBack(params)),
};

/** Turn whatever the engine threw into the JSON-RPC error the CLI understands. */
function rpcError(error) {
  const e = typeof error === "string" ? { message: error } : (error ?? {});
  const message = e.message ?? String(error);
  const data = e.is_panic
    ? { is_panic: true, message, backtrace: e.backtrace ?? e.stack }
    : { is_panic: false, message, error_code: e.error_code ?? e.code, meta: e.meta };
  if (data.error_code && !/^P\d{4}$/.test(data.error_code)) delete data.error_code;
  return { code: 4466, message: "An error happened. Check the data field for details.", data };
}

let queue = Promise.resolve();
const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
input.on("line", (line) => {
  if (!line.trim()) return;
  const request = JSON.parse(line);
  if (request.method === undefined) return; // a response to something we sent
  // One request at a time, in order, like the native engine's single connection.
  queue = queue.then(async () => {
    debug(`→ ${request.method} ${JSON.stringify(request.params ?? {}).slice(0, 500)}`);
    try {
      const handler = methods[request.method] ?? engine[request.method]?.bind(engine);
      if (typeof handler !== "function") throw new Error(`Unknown method: ${request.method}`);
      let result;
      try {
        result = (await handler(request.params ?? {})) ?? {};
      } finally {
        lastMethod = request.method;
      }
      debug(`← ${JSON.stringify(result).slice(0, 500)}`);
      send({ jsonrpc: "2.0", id: request.id, result });
    } catch (error) {
      debug(`✗ ${error?.stack ?? JSON.stringify(error)}`);
      send({ jsonrpc: "2.0", id: request.id, error: rpcError(error) });
    }
  });
});
// The CLI ends stdin when done, and on Linux sends SIGTERM right after: finish, then close every
// connection (dropping any shadow database the engine did not dispose of).
let closing;
const shutdown = () =>
  (closing ??= (async () => {
    await queue;
    await adapters.close();
    process.exit(0);
  })());
input.on("close", shutdown);
process.on("SIGTERM", shutdown);
