// Settings that must exist before anything starts. NEXTAUTH_SECRET is generated
// once and kept in data/ so sessions survive restarts without any set-up step.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

const SECRET_FILE = "data/.nextauth-secret";

export function loadRuntimeEnv(env = process.env) {
  if (!env.NEXTAUTH_SECRET) {
    mkdirSync("data", { recursive: true });
    if (!existsSync(SECRET_FILE)) writeFileSync(SECRET_FILE, randomBytes(32).toString("base64url"), { mode: 0o600 });
    env.NEXTAUTH_SECRET = readFileSync(SECRET_FILE, "utf8").trim();
  }
  env.NEXTAUTH_URL ??= env.SITE_URL ?? `http://localhost:${env.PORT ?? 3000}`;
  env.NEXT_TELEMETRY_DISABLED = "1";
  return env;
}
