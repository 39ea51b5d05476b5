// Reading source documents from disk, for the seed command, its tests and the benchmark.
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { SourceDocument } from "./write";

/** Absolute paths of the given files, and of every *.txt inside the given folders (at any depth), in name order. */
export async function collectSourceFiles(sources: readonly string[]): Promise<string[]> {
  const files = new Set<string>();
  for (const source of sources) {
    const info = await stat(source).catch(() => null);
    if (!info) throw new Error(`no such file or folder: ${source}`);
    if (!info.isDirectory()) {
      files.add(path.resolve(source));
      continue;
    }
    const entries = await readdir(source, { recursive: true, withFileTypes: true });
    const texts = entries.filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith(".txt"));
    for (const file of texts.map((entry) => path.resolve(entry.parentPath, entry.name)).sort()) files.add(file);
  }
  return [...files];
}

/** The documents in `files`, named by their path relative to `baseDir` (absolute when outside it). */
export function readSourceDocuments(files: readonly string[], baseDir = process.cwd()): Promise<SourceDocument[]> {
  return Promise.all(files.map(async (file) => ({ fileName: displayName(file, baseDir), text: await readFile(file, "utf8") })));
}

function displayName(file: string, baseDir: string): string {
  const relative = path.relative(baseDir, file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}
