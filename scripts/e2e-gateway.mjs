// The end-to-end tests' gateway: the server in Webex mode, in front of a stand-in for Webex
// (another server of this project, standalone, that e2e/servers.ts starts before it).
//   1. waits until the stand-in answers /readyz (WEBEX_API_URL's origin),
//   2. starts the gateway (this environment: PORT, DATABASE_URL, WEBEX_API_URL, WEBEX_ACCESS_TOKEN…),
//   3. waits until the gateway answers /readyz (its first synchronisation has finished),
//   4. creates the administrator accounts E2E_GATEWAY_ADMINS lists (JSON: [{ email, name, role,
//      locations }], password E2E_GATEWAY_ADMIN_PASSWORD) with the documented command, as an
//      operator of a Webex-mode server does (no demo accounts are seeded in Webex mode),
//   5. prints E2E_GATEWAY_READY (what the worker's fixture waits for) and stays in the foreground with the
//      gateway: a signal to this process goes on to it, and its exit is this process's exit.
// It does not rely on the stand-in being up already: it waits for it.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const READY_PATH = "/readyz";
const WAIT_MS = 90_000;

function fail(message) {
  console.error(`e2e-gateway: ${message}`);
  process.exit(1);
}

const { WEBEX_API_URL, PORT, HOST = "127.0.0.1", E2E_GATEWAY_ADMINS, E2E_GATEWAY_ADMIN_PASSWORD } = process.env;
if (!WEBEX_API_URL || !PORT) fail("set WEBEX_API_URL (the stand-in's API) and PORT (the gateway's)");
let admins;
try {
  admins = JSON.parse(E2E_GATEWAY_ADMINS ?? "[]");
} catch {
  fail("E2E_GATEWAY_ADMINS must be a JSON array of { email, name, role, locations }");
}
if (admins.length && !E2E_GATEWAY_ADMIN_PASSWORD) fail("set E2E_GATEWAY_ADMIN_PASSWORD for E2E_GATEWAY_ADMINS");

const standInReady = new URL(READY_PATH, WEBEX_API_URL).href;
const gatewayReady = `http://${HOST.includes(":") ? `[${HOST}]` : HOST}:${PORT}${READY_PATH}`;

/** Whether the address answers 200 now. */
async function answers200(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** Polls until the address answers 200; false when `stop()` says to give up or the time is over. */
async function waitFor200(url, stop = () => false) {
  const deadline = Date.now() + WAIT_MS;
  const pauses = [100, 250, 500];
  while (Date.now() < deadline) {
    if (stop()) return false;
    if (await answers200(url)) return true;
    await new Promise((resolve) => setTimeout(resolve, pauses.shift() ?? 1_000));
  }
  return false;
}

// Children still running, ended with this process.
const children = new Set();
let gateway;
let stopping = false;
let ready = false;

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    // Without the gateway running yet, nothing is left to wait for.
    if (!gateway) process.exit(1);
  });
}

// The compiled server when scripts/e2e.mjs built it (E2E_COMPILED_SERVER=1: dist-server/index.js
// and create-admin.js start in about a second), else the sources through tsx.
const compiled = process.env.E2E_COMPILED_SERVER === "1";
const SERVER = compiled ? ["dist-server/index.js"] : ["--import", "tsx", "server/index.ts"];
const CREATE_ADMIN = compiled ? ["dist-server/create-admin.js"] : ["--import", "tsx", "server/cli/create-admin.ts"];

function start(args, options = {}) {
  const child = spawn(process.execPath, args, { cwd: root, env: process.env, ...options });
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

if (!(await waitFor200(standInReady, () => stopping))) fail(`the stand-in for Webex did not answer ${standInReady} within ${WAIT_MS / 1000} s`);

gateway = start(SERVER, { stdio: "inherit" });
let gatewayExited = false;
gateway.once("exit", (code, signal) => {
  gatewayExited = true;
  if (!stopping && !ready) console.error(`e2e-gateway: the gateway stopped before it was ready (${signal ?? `exit code ${code}`})`);
  process.exit(ready ? (code ?? 0) : 1);
});

if (!(await waitFor200(gatewayReady, () => gatewayExited || stopping))) {
  if (!gatewayExited) {
    console.error(`e2e-gateway: the gateway did not answer ${gatewayReady} within ${WAIT_MS / 1000} s (its first synchronisation)`);
    gateway.kill("SIGTERM");
  }
  await new Promise(() => undefined); // the gateway's exit ends this process
}

/** `npm run admin:create`'s command, the password piped on stdin. */
function createAdmin({ email, name, role, locations = [] }) {
  const args = [...CREATE_ADMIN, "--email", email, "--name", name, "--role", role, ...locations.flatMap((l) => ["--location", l])];
  const child = start(args, { stdio: ["pipe", "inherit", "inherit"] });
  child.stdin.end(`${E2E_GATEWAY_ADMIN_PASSWORD}\n`);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code === 0)));
}

const created = await Promise.all(admins.map(createAdmin));
if (stopping) await new Promise(() => undefined);
if (created.includes(false)) {
  console.error("e2e-gateway: creating the administrator accounts failed (above)");
  stopping = true;
  gateway.kill("SIGTERM");
  await new Promise(() => undefined);
}
ready = true;
console.log(`E2E_GATEWAY_READY at http://${HOST}:${PORT} in front of ${WEBEX_API_URL}, with ${admins.length} administrator accounts`);
