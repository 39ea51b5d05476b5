import path from "node:path";

/** Where the embedded SQLite database lives unless DATABASE_URL says otherwise. */
export const DEFAULT_DATABASE_URL = `file:${path.join(process.cwd(), "data", "lede.db")}`;

export type Dialect = "sqlite" | "postgresql";

export function databaseUrl(): string {
  return process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

export function dialectOf(url: string): Dialect {
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgresql";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(`DATABASE_URL must start with file: or postgresql:// (got "${url.slice(0, 20)}…")`);
}

/** Absolute path of a SQLite `file:` URL (relative paths are taken from the project root). */
export function sqliteFilePath(url: string): string {
  const file = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return path.isAbsolute(file) ? file : path.join(process.cwd(), file);
}
