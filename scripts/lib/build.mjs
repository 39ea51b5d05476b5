// Builds the Next app only when its inputs changed since the last build, so a
// second `npm start` or `npm test` starts at once.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { run } from "./run.mjs";

const INPUTS = ["app", "components", "lib", "prisma/schema.prisma", "next.config.js", "package-lock.json", "tsconfig.json", "proxy.ts", "instrumentation.ts"];
const IGNORED = new Set(["node_modules", "generated"]);
const DIST = process.env.NEXT_DIST_DIR || ".next";
const STAMP = `${DIST}/lede-build-inputs`;

function hashTree(hash, target) {
  if (!existsSync(target)) return;
  if (statSync(target).isDirectory()) {
    for (const entry of readdirSync(target).sort()) {
      if (!IGNORED.has(entry)) hashTree(hash, path.join(target, entry));
    }
  } else {
    hash.update(target).update(readFileSync(target));
  }
}

export function buildInputsHash() {
  const hash = createHash("sha256");
  for (const input of INPUTS) hashTree(hash, input);
  return hash.digest("hex");
}

export async function buildIfNeeded() {
  const inputs = buildInputsHash();
  const fresh = existsSync(`${DIST}/BUILD_ID`) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === inputs;
  if (fresh) return false;
  console.log("› Building the app (next build)…");
  await run("node_modules/.bin/next", ["build"], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  writeFileSync(STAMP, inputs);
  return true;
}
