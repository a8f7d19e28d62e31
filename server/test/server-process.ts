import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { onTestFinished } from "vitest";
import { openDatabase } from "@server/db/database";
import { TEST_ADMIN_TOKEN } from "./test-server";
import { freePort } from "./free-port";

// The real server in a real process (`node --import tsx server/index.ts`) on a database
// file of its own, for tests of what only a process shows: signals, exit codes, restarts.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export const asAdmin = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await sleep(15);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * A database file in a temporary folder, and the servers started on it, all removed when
 * the current test ends (so tests using it run one after the other, not concurrently).
 */
export function lab() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cpa-process-"));
  const children = new Set<ChildProcess>();
  onTestFinished(() => {
    for (const child of children) child.kill("SIGKILL");
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { file: path.join(dir, "server.sqlite"), children };
}
export type Lab = ReturnType<typeof lab>;

export interface ServerProcess {
  base: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  /** How the process ended: its exit code, or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface StartOptions {
  /** A compiled server (dist-server/index.js, or a build of it elsewhere) to run under plain node, instead of the sources through tsx. */
  compiled?: string;
}

/**
 * Starts the server on the lab's database file (or the DATABASE_URL `env` gives), resolving
 * once this very child says it listens.
 */
export async function startServer({ file, children }: Lab, env: Record<string, string> = {}, { compiled }: StartOptions = {}): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, compiled ? [compiled] : ["--import", "tsx", "server/index.ts"], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: `sqlite:${file}`, SEED: "demo", LOG_LEVEL: "info", ADMIN_TOKEN: TEST_ADMIN_TOKEN, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    }),
  );
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const base = `http://127.0.0.1:${port}`;
  // A poll of the port could be answered by another test's server; the child's own words cannot.
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for the server on port ${port}:\n${output}`)), 60_000);
    child.stdout!.on("data", () => {
      if (output.includes(`running at ${base}`)) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the server on port ${port} exited (${code ?? signal}):\n${output}`));
    });
  });
  return { base, port, child, output: () => output, exited };
}

/** Reads the database file directly, the server being down, then lets it go. */
export async function inspect<T>(file: string, read: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>) {
  const db = await openDatabase(`sqlite:${file}`);
  try {
    return await read(db);
  } finally {
    await db.destroy();
  }
}
