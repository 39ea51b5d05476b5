// Driver adapters for the WASM schema engine: the project's own @prisma/adapter-better-sqlite3 and
// @prisma/adapter-pg, with the fixes the engine needs (see index.mjs for the list of quirks).
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

// The binder lives in the adapters' own dependency; resolve it from there rather than relying on hoisting.
const { bindMigrationAwareSqlAdapterFactory } = createRequire(createRequire(import.meta.url).resolve("@prisma/adapter-pg"))(
  "@prisma/driver-adapter-utils",
);

export const isPostgresUrl = (url) => /^postgres(ql)?:\/\//i.test(url);

/** Absolute path of a SQLite `file:` URL (relative paths are taken from the working directory). */
export function sqlitePath(url) {
  const file = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return path.resolve(file);
}

/** The schema a PostgreSQL URL points at (`?schema=`, default `public`). */
export const pgSchemaOf = (url) => new URL(url).searchParams.get("schema") || "public";

/** A pg connection string without Prisma-only parameters (`schema`), which pg would reject or ignore. */
function pgConnectionString(url) {
  const u = new URL(url);
  u.searchParams.delete("schema");
  return u.href;
}

/** Run SQL on a fresh pg connection (for CREATE/DROP DATABASE, which cannot use a pooled transaction). */
export async function pgAdmin(url, sql) {
  const client = new pg.Client({ connectionString: pgConnectionString(url) });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

export function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.href;
}

/** The prototype (shared by a connection and its transactions) that defines `method`. */
function definingPrototype(adapter, method) {
  let proto = Object.getPrototypeOf(adapter);
  while (proto && !Object.hasOwn(proto, method)) proto = Object.getPrototypeOf(proto);
  if (!proto) throw new Error(`driver adapter changed: ${method} not found`);
  return proto;
}

/**
 * Quirk 2: the engine replays migration scripts on the SQLite shadow database with executeRaw,
 * and better-sqlite3 prepares one statement at a time. Run a parameterless multi-statement query
 * as a script instead.
 */
let sqlitePatched = false;
function patchSqliteScripts(adapter) {
  if (sqlitePatched) return;
  const proto = definingPrototype(adapter, "executeRaw");
  const executeRaw = proto.executeRaw;
  proto.executeRaw = async function (query) {
    try {
      return await executeRaw.call(this, query);
    } catch (error) {
      if (query.args.length || !/more than one statement/.test(error.message)) throw error;
      try {
        this.client.exec(query.sql);
      } catch (e) {
        this.onError(e);
      }
      return 0;
    }
  };
  sqlitePatched = true;
}

/**
 * Quirk 5: the schema describer selects catalog columns of type "char" (OID 18), which adapter-pg
 * refuses to map. Report them as text (pg already returns them as strings). Patched once on the
 * shared queryable prototype, so pooled queries and transactions both get it.
 */
let charPatched = false;
function patchPgCharType(adapter) {
  if (charPatched) return;
  const proto = definingPrototype(adapter, "performIO");
  const performIO = proto.performIO;
  proto.performIO = async function (query) {
    const result = await performIO.call(this, query);
    for (const field of result.fields) if (field.dataTypeID === 18) field.dataTypeID = 25;
    return result;
  };
  charPatched = true;
}

/**
 * adapter-pg's executeScript splits the script on ";" (breaking `DO $$ … $$` blocks and string
 * literals); send it whole instead, as one simple-protocol query, like the native engine does.
 */
function pgWholeScripts(adapter) {
  adapter.executeScript = async (script) => {
    try {
      await adapter.client.query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  return adapter;
}

async function connectPg(url) {
  const schema = pgSchemaOf(url);
  const config = { connectionString: pgConnectionString(url), options: `-c search_path="${schema}"` };
  const adapter = await new PrismaPg(config, { schema }).connect();
  patchPgCharType(adapter);
  return pgWholeScripts(adapter);
}

async function connectSqlite(file) {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const adapter = await new PrismaBetterSqlite3({ url: `file:${file}`, timeout: 5000 }).connect();
  patchSqliteScripts(adapter);
  return adapter;
}

/**
 * The migration-aware adapter factory the engine is constructed with, already bound (errors
 * captured) the way the engine expects. `close()` disposes every connection it handed out and drops
 * any shadow database it created, even if the engine never disposed them.
 */
export function createAdapterFactory({ url, shadowDatabaseUrl, log }) {
  const open = new Set();
  const track = (adapter, onDispose) => {
    if (log) {
      for (const method of ["queryRaw", "executeRaw", "executeScript"]) {
        const original = adapter[method].bind(adapter);
        adapter[method] = async (arg) => {
          try {
            return await original(arg);
          } catch (error) {
            log(`adapter ${method} failed: ${error.message} ${JSON.stringify(error.cause ?? {})}\n  ${typeof arg === "string" ? arg : arg?.sql}`.slice(0, 2000));
            throw error;
          }
        };
      }
    }
    const dispose = adapter.dispose.bind(adapter);
    let disposed;
    adapter.dispose = () => {
      disposed ??= (async () => {
        open.delete(adapter);
        try {
          await dispose();
        } finally {
          await onDispose?.();
        }
      })();
      return disposed;
    };
    open.add(adapter);
    return adapter;
  };

  const postgres = isPostgresUrl(url);
  let main;
  const factory = {
    provider: postgres ? "postgres" : "sqlite",
    adapterName: postgres ? "@prisma/adapter-pg" : "@prisma/adapter-better-sqlite3",
    connect: async () => {
      const adapter = track(postgres ? await connectPg(url) : await connectSqlite(sqlitePath(url)), () => {
        if (main === adapter) main = undefined;
      });
      main ??= adapter;
      return adapter;
    },
    connectToShadowDb: async () => {
      if (!postgres) return track(await connectSqlite(shadowDatabaseUrl ? sqlitePath(shadowDatabaseUrl) : ":memory:"));
      if (shadowDatabaseUrl) {
        // A configured shadow database is wiped before use, as the native engine does.
        const schema = pgSchemaOf(shadowDatabaseUrl);
        await pgAdmin(shadowDatabaseUrl, `DROP SCHEMA IF EXISTS "${schema}" CASCADE; CREATE SCHEMA "${schema}"`);
        return track(await connectPg(shadowDatabaseUrl));
      }
      // Quirk 6: adapter-pg's own shadow database reuses the main URL's database when configured with a
      // connection string, and fails to drop it (its pool is still open). Create and drop our own.
      const name = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
      await pgAdmin(url, `CREATE DATABASE "${name}"`);
      const shadowUrl = withDatabase(url, name);
      return track(await connectPg(shadowUrl), () => pgAdmin(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };

  return {
    bound: bindMigrationAwareSqlAdapterFactory(factory),
    /**
     * Runs `fn` on the engine's own connection to the main database. On SQLite it must be that one:
     * the engine holds the file with `locking_mode=EXCLUSIVE`, so a second connection would time out.
     */
    withMain: async (fn) => {
      if (main) return fn(main);
      const adapter = await factory.connect();
      try {
        return await fn(adapter);
      } finally {
        await adapter.dispose();
      }
    },
    close: async () => {
      for (const adapter of [...open]) await adapter.dispose().catch(() => {});
    },
  };
}
