import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

// The database commands of server/cli/ as an operator runs them: a process of their own, with
// DATABASE_URL in its environment (for the tests of migrate.ts, backup.ts and restore.ts).

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface CommandRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `server/cli/<command>.ts` with `args` on the database `databaseUrl`; resolves once it has ended. */
export function runCommand(command: "migrate" | "backup" | "restore", databaseUrl: string, args: string[] = []): Promise<CommandRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", `server/cli/${command}.ts`, ...args],
      { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8" },
      (error, stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
