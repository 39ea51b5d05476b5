// Fresh, throw-away databases for one test run: one for the unit/integration
// suite, one for the browser suite. PostgreSQL when DATABASE_URL points at it,
// SQLite files under data/test/ otherwise.
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";

const isPostgres = (url) => /^postgres(ql)?:\/\//i.test(url ?? "");

async function withAdminClient(baseUrl, fn) {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabases(baseUrl, names = ["integration", "e2e"]) {
  if (!isPostgres(baseUrl)) {
    const dir = path.resolve(process.env.LEDE_TEST_DIR ?? "data/test");
    mkdirSync(dir, { recursive: true });
    const urls = {};
    for (const name of names) {
      for (const suffix of ["", "-wal", "-shm"]) rmSync(path.join(dir, `${name}.db${suffix}`), { force: true });
      urls[name] = `file:${path.join(dir, `${name}.db`)}`;
    }
    return { urls, drop: async () => {} };
  }
  const base = new URL(baseUrl);
  const prefix = `lede_test_${process.pid}`;
  const urls = {};
  await withAdminClient(baseUrl, async (client) => {
    for (const name of names) {
      const database = `${prefix}_${name}`;
      await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${database}"`);
      const url = new URL(base);
      url.pathname = `/${database}`;
      urls[name] = url.toString();
    }
  });
  const drop = () =>
    withAdminClient(baseUrl, async (client) => {
      for (const name of names) await client.query(`DROP DATABASE IF EXISTS "${prefix}_${name}" WITH (FORCE)`);
    });
  return { urls, drop };
}
