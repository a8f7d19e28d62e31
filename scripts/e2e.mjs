// `npm run test:e2e`: makes sure a Chromium exists, builds the SPA, runs Playwright.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromiumExecutable } from "./chromium.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const hasBrowser = () => chromiumExecutable() !== undefined;

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", ...options });
  return result.status ?? 1;
}

if (!hasBrowser()) {
  const isRoot = process.getuid?.() === 0;
  const hasApt = fs.existsSync("/usr/bin/apt-get");
  if (isRoot && hasApt) {
    console.log("No Chromium found: installing Debian's chromium with apt-get…");
    run("apt-get", ["update"]);
    run("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], {
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  }
  if (!hasBrowser()) {
    console.error(
      "The end-to-end tests need Chromium. Install one of:\n" +
        "  npx playwright install chromium        (Playwright's own build)\n" +
        "  sudo apt-get install -y chromium       (Debian/Ubuntu)\n" +
        "then run the tests again.",
    );
    process.exit(1);
  }
}

/** A port nobody listens on, so two runs on one machine do not collide. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

const vite = path.join(root, "node_modules/vite/bin/vite.js");
if (run(process.execPath, [vite, "build", "--logLevel", "warn"]) !== 0) process.exit(1);
const playwright = path.join(root, "node_modules/@playwright/test/cli.js");
// Three servers, three ports: the standalone server (project "chromium"), and for the
// "gateway" project the Webex stand-in and the gateway in Webex mode in front of it.
const ports = new Set();
const portFor = async (name) => {
  if (process.env[name]) return process.env[name];
  let port;
  do port = String(await freePort());
  while (ports.has(port));
  ports.add(port);
  return port;
};
const env = {
  ...process.env,
  E2E_PORT: await portFor("E2E_PORT"),
  E2E_STANDIN_PORT: await portFor("E2E_STANDIN_PORT"),
  E2E_GATEWAY_PORT: await portFor("E2E_GATEWAY_PORT"),
};
process.exit(run(process.execPath, [playwright, "test", ...process.argv.slice(2)], { env }));
