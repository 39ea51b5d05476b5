import "server-only";
import { createClient, type Db } from "./client";

export type { Db } from "./client";
export * from "./types";

// One client per process; kept on globalThis so Next's dev reloads don't open new pools.
const globalForDb = globalThis as unknown as { ledeDb?: Db };

export const db: Db = globalForDb.ledeDb ?? (globalForDb.ledeDb = createClient());
