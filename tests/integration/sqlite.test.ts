// SQLite connection settings (lib/db/client.ts), always on a SQLite file of its own whatever
// DATABASE_URL the suite runs on: WAL and a busy timeout on every connection, so two processes
// writing the same file wait for each other instead of failing with SQLITE_BUSY.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, type Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";

const dir = mkdtempSync(path.join(os.tmpdir(), "lede-sqlite-"));
const url = `file:${path.join(dir, "lede.db")}`;
let client: Db;

beforeAll(async () => {
  await migrate(url);
  client = createClient(url);
});

afterAll(async () => {
  await client?.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe("SQLite connections", () => {
  it("run in WAL mode with a busy timeout, even on a file no migration has touched", async () => {
    const fresh = createClient(`file:${path.join(dir, "fresh.db")}`);
    try {
      for (const db of [client, fresh]) {
        expect(await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode")).toEqual([{ journal_mode: "wal" }]);
        const [busy] = await db.$queryRawUnsafe<{ timeout: bigint | number }[]>("PRAGMA busy_timeout");
        expect(Number(busy!.timeout)).toBe(5000);
      }
    } finally {
      await fresh.$disconnect();
    }
  });

  it("let two processes write the same file at once without SQLITE_BUSY or lost updates", { timeout: 60_000 }, async () => {
    const key = "test:sqlite-writers";
    await client.rateLimit.create({ data: { key, count: 0 } });
    const iterations = 60;
    const startAt = Date.now() + 3000;
    const writer = path.join(__dirname, "sqlite-writer.ts");
    const runs = [0, 1].map(() =>
      promisify(execFile)(process.execPath, ["--conditions=react-server", "--import", "tsx", writer, String(startAt), String(iterations), key], {
        cwd: path.resolve(__dirname, "../.."),
        env: { ...process.env, DATABASE_URL: url },
      }),
    );
    // Meanwhile this process writes too, like the server the two others run next to.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
    for (let i = 0; i < iterations; i++) await client.auditEvent.create({ data: { action: "test.sqlite-writer", targetId: key } });
    await Promise.all(runs);

    // Each writer read the counter before bumping it: no update was lost, none failed.
    expect((await client.rateLimit.findUniqueOrThrow({ where: { key } })).count).toBe(2 * iterations);
    expect(await client.auditEvent.count({ where: { action: "test.sqlite-writer", targetId: key } })).toBe(3 * iterations);
  });
});
