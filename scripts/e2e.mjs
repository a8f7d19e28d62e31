// `npm run test:e2e`: makes sure a Chromium exists, builds the SPA (dist/) and the server
// (dist-server/), runs Playwright. Each Playwright worker starts its own servers from that
// build (e2e/servers.ts): compiled once here, not run through tsx in every worker.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildServer, staleBuilds } from "./build-server.mjs";
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

// E2E_BUILT=1: `npm test` has just built both, beside lint and the type check.
const built = process.env.E2E_BUILT === "1" && staleBuilds(root).length === 0;
const vite = path.join(root, "node_modules/vite/bin/vite.js");
if (!built && run(process.execPath, [vite, "build", "--logLevel", "warn"]) !== 0) process.exit(1);
const playwright = path.join(root, "node_modules/@playwright/test/cli.js");
if (!built) await buildServer();
// The "postgres" project runs on databases it makes on TEST_DATABASE_URL's PostgreSQL (npm test
// passes the one it has); without one its tests are skipped (e2e/fixtures.ts), said once here.
const args = process.argv.slice(2);
const projects = args.flatMap((arg, i) => {
  if (arg.startsWith("--project=")) return [arg.slice("--project=".length)];
  if (arg !== "--project") return [];
  const next = args.slice(i + 1);
  const end = next.findIndex((value) => value.startsWith("-"));
  return end === -1 ? next : next.slice(0, end);
});
if (!/^postgres(ql)?:\/\//i.test(process.env.TEST_DATABASE_URL ?? "") && (projects.length === 0 || projects.includes("postgres"))) {
  console.log("The postgres project's tests are skipped: set TEST_DATABASE_URL=postgres://… (a role that may create databases) to run them.");
}
// Tells e2e/servers.ts (and scripts/e2e-gateway.mjs) to start dist-server/ rather than the sources.
const env = { ...process.env, E2E_COMPILED_SERVER: "1" };
process.exit(run(process.execPath, [playwright, "test", ...args], { env }));
