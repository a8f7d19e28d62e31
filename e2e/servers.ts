// The servers of one Playwright worker, started by the worker-scoped `servers` fixture in
// e2e/fixtures.ts. Each worker gets its own, on ports of its own, over fresh SQLite databases
// in a temporary folder of its own: files run in parallel without sharing counts, limits or
// settings, and no file sees what a file of another worker left behind.
//   standalone ("chromium" project): one server, demo-seeded.
//   webex ("gateway" project): a stand-in for Webex (this project's server, standalone,
//   demo-seeded), then scripts/e2e-gateway.mjs, which starts the gateway in Webex mode in front
//   of it, adds the demo accounts and prints E2E_GATEWAY_READY.
// The compiled server (dist-server/, built once by scripts/e2e.mjs, which sets
// E2E_COMPILED_SERVER=1) starts in about a second; without it, the sources run through tsx.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { API_BASE } from "@domain/api/endpoint";
import { DEMO_ADMINS, DEMO_PASSWORD } from "@server/db/seed";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const READY_PATH = "/readyz";
const START_MS = 90_000;
const STOP_MS = 15_000;

/** What the tests of a worker talk to. */
export interface WorkerServers {
  /** The server under test. */
  baseURL: string;
  /** Its ADMIN_TOKEN: the tests' own API calls (setting data up) act through it. */
  adminToken: string;
  /** Webex mode: the stand-in the server under test is the gateway to; null standalone. */
  webex: { baseURL: string; token: string } | null;
  /**
   * Standalone on SQLite: the server's database file, for a test that must make what no API
   * call can (a configuration only Webex leaves, such as a recall to a deleted hunt group).
   */
  databaseFile?: string;
  /** Stops every server (SIGTERM, then waits for each to exit) and removes the databases. */
  stop(): Promise<void>;
}

// The suite sends every test's setup through one token and one session per role, far more in
// a minute than an administrator would; the limit itself has its server tests.
const SERVER_ENV = { HOST: "127.0.0.1", LOG_LEVEL: "warn", API_RATE_LIMIT: "0" };

const origin = (port: number) => `http://127.0.0.1:${port}`;
const token = (prefix: string) => `${prefix}-${randomBytes(24).toString("base64url")}`;

/** The command line that runs the server: compiled when scripts/e2e.mjs built it, else from source. */
function serverArgs(): string[] {
  return process.env.E2E_COMPILED_SERVER === "1" ? ["dist-server/index.js"] : ["--import", "tsx", "server/index.ts"];
}

/** A port nobody listens on now (a server that still loses the race is started again). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

// Children still running: killed if the worker process ends without its teardown.
const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

interface Child {
  process: ChildProcess;
  /** The last lines it wrote, for the error when it stops before it is ready. */
  output: string[];
  exited: Promise<void>;
}

/**
 * Starts `node args…` in the project's folder. Its stderr goes on to the worker's (as
 * Playwright's webServer did), prefixed with `label`; each line of stdout goes to `onLine`.
 */
function launch(label: string, args: string[], env: Record<string, string>, onLine: (line: string) => void = () => undefined): Child {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...SERVER_ENV, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  const output: string[] = [];
  const keep = (line: string) => {
    output.push(line);
    if (output.length > 40) output.shift();
  };
  const lines = (stream: NodeJS.ReadableStream, each: (line: string) => void) => {
    let rest = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      const parts = (rest + chunk).split("\n");
      rest = parts.pop() ?? "";
      parts.forEach(each);
    });
  };
  lines(child.stdout!, (line) => {
    keep(line);
    onLine(line);
  });
  lines(child.stderr!, (line) => {
    keep(line);
    process.stderr.write(`[${label}] ${line}\n`);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  void exited.then(() => running.delete(child));
  return { process: child, output, exited };
}

function hasExited(child: ChildProcess) {
  return child.exitCode !== null || child.signalCode !== null;
}

/** SIGTERM (the servers stop gracefully), then waits for the exit; SIGKILL if it never comes. */
async function stopChild(child: Child) {
  if (hasExited(child.process)) return;
  child.process.kill("SIGTERM");
  const timer = setTimeout(() => child.process.kill("SIGKILL"), STOP_MS);
  await child.exited;
  clearTimeout(timer);
}

function startFailed(label: string, child: Child, why: string): Error {
  return new Error(`${label} ${why}; its last output:\n${child.output.join("\n")}`);
}

/** Whether the address answers 200 now. */
async function answers200(url: string) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** Resolves once the server answers 200 on /readyz; rejects if it exits first or takes too long. */
async function waitUntilReady(label: string, child: Child, url: string) {
  const deadline = Date.now() + START_MS;
  const pauses = [50, 100, 250];
  while (Date.now() < deadline) {
    if (hasExited(child.process)) throw startFailed(label, child, `stopped before it answered ${url}`);
    if (await answers200(url)) return;
    await new Promise((resolve) => setTimeout(resolve, pauses.shift() ?? 500));
  }
  throw startFailed(label, child, `did not answer ${url} within ${START_MS / 1000} s`);
}

/**
 * A demo-seeded standalone server on a free port, ready. A port taken between the probe and
 * the server's listen (another worker's server) only costs a second attempt.
 */
async function startStandalone(
  label: string,
  databaseFile: string,
  adminToken: string,
  databaseUrl = `sqlite:${databaseFile}`,
): Promise<{ child: Child; port: number }> {
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    const child = launch(label, serverArgs(), {
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      SEED: "demo",
      ADMIN_TOKEN: adminToken,
    });
    try {
      await waitUntilReady(label, child, `${origin(port)}${READY_PATH}`);
      return { child, port };
    } catch (error) {
      await stopChild(child);
      if (attempt >= 3 || !child.output.some((line) => line.includes("EADDRINUSE"))) throw error;
      // The seeded database is complete or will be made again: start over from an empty one.
      fs.rmSync(databaseFile, { force: true });
    }
  }
}

// The demo accounts, made on the gateway by the documented command (Webex mode seeds none).
const demoAccounts = Object.values(DEMO_ADMINS).map((admin) => ({
  email: admin.email,
  name: admin.displayName,
  role: admin.role,
  locations: "locationName" in admin ? [admin.locationName] : [],
}));

/** scripts/e2e-gateway.mjs in front of the stand-in; resolves on its E2E_GATEWAY_READY line. */
async function startGateway(
  label: string,
  databaseFile: string,
  adminToken: string,
  webex: { baseURL: string; token: string },
): Promise<{ child: Child; port: number }> {
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    let ready!: () => void;
    const readyLine = new Promise<void>((resolve) => (ready = resolve));
    const child = launch(
      label,
      ["scripts/e2e-gateway.mjs"],
      {
        PORT: String(port),
        DATABASE_URL: `sqlite:${databaseFile}`,
        ADMIN_TOKEN: adminToken,
        WEBEX_API_URL: `${webex.baseURL}${API_BASE}`,
        WEBEX_ACCESS_TOKEN: webex.token,
        WEBEX_SYNC_INTERVAL: "0",
        E2E_GATEWAY_ADMINS: JSON.stringify(demoAccounts),
        E2E_GATEWAY_ADMIN_PASSWORD: DEMO_PASSWORD,
      },
      (line) => {
        if (line.includes("E2E_GATEWAY_READY")) ready();
      },
    );
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      readyLine.then(() => "ready" as const),
      child.exited.then(() => "exited" as const),
      new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), START_MS + 30_000))),
    ]);
    clearTimeout(timer);
    if (outcome === "ready") return { child, port };
    await stopChild(child);
    const error = startFailed(label, child, outcome === "exited" ? "stopped before E2E_GATEWAY_READY" : "did not print E2E_GATEWAY_READY in time");
    if (attempt >= 3 || !child.output.some((line) => line.includes("EADDRINUSE"))) throw error;
    fs.rmSync(databaseFile, { force: true });
  }
}

/**
 * Starts the servers a worker of this mode needs, each on a fresh database of its own (the
 * standalone server on `databaseUrl` when given: an empty PostgreSQL database, which it seeds).
 */
export async function startServers(mode: "standalone" | "webex", workerIndex: number, databaseUrl?: string): Promise<WorkerServers> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), `cpa-e2e-w${workerIndex}-`));
  const children: Child[] = [];
  // In the reverse order of starting: the gateway before the stand-in it talks to.
  const stop = async () => {
    for (const child of children.reverse()) await stopChild(child);
    fs.rmSync(folder, { recursive: true, force: true });
  };
  try {
    if (mode === "standalone") {
      const adminToken = token("e2e");
      const databaseFile = path.join(folder, "e2e.sqlite");
      const server = await startStandalone(`server w${workerIndex}`, databaseFile, adminToken, databaseUrl);
      children.push(server.child);
      return { baseURL: origin(server.port), adminToken, webex: null, stop, ...(databaseUrl ? {} : { databaseFile }) };
    }
    const standInToken = token("e2e-standin");
    const standIn = await startStandalone(`stand-in w${workerIndex}`, path.join(folder, "standin.sqlite"), standInToken);
    children.push(standIn.child);
    const webex = { baseURL: origin(standIn.port), token: standInToken };
    const adminToken = token("e2e-gateway");
    const gateway = await startGateway(`gateway w${workerIndex}`, path.join(folder, "gateway.sqlite"), adminToken, webex);
    children.push(gateway.child);
    return { baseURL: origin(gateway.port), adminToken, webex, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
