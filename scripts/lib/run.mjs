import { spawn } from "node:child_process";

/** Runs a command with inherited stdio; rejects with its exit code on failure. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", ...options });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(Object.assign(new Error(`${command} ${args.join(" ")} failed (${signal ?? code})`), { code: code ?? 1 })),
    );
  });
}

/** Starts a long-running child and forwards termination signals to it. */
export function exec(command, args, options = {}) {
  const child = spawn(command, args, { stdio: "inherit", ...options });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return child;
}
