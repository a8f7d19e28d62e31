// `npm test`: every check the project has — lint and types (side by side), then unit + server +
// component tests (Vitest), the server tests again on PostgreSQL (when there is one: see
// scripts/test-postgres.mjs), end-to-end tests (Playwright in Chromium) — then one closing line
// with the counts. Every step runs even when an earlier one fails.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { postgresForTests, runServerTestsOnPostgres } from "./test-postgres.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const results = path.join(root, ".test-results");
fs.rmSync(results, { recursive: true, force: true });
fs.mkdirSync(results, { recursive: true });
const bin = (p) => path.join(root, "node_modules", p);
const BUILD = `
  const { spawnSync } = require("node:child_process");
  const vite = spawnSync(process.execPath, [${JSON.stringify(path.join(root, "node_modules/vite/bin/vite.js"))}, "build", "--logLevel", "warn"], { stdio: "inherit" });
  if (vite.status !== 0) process.exit(vite.status ?? 1);
  process.exit(spawnSync(process.execPath, [${JSON.stringify(path.join(root, "scripts/build-server.mjs"))}], { stdio: "inherit" }).status ?? 1);
`;

// Lint and the type check each use one core: they run side by side (~1 min less on two
// cores), and so does the build the end-to-end tests run (the SPA, then the server); each
// one's output printed whole once it is done.
const checks = [
  ["lint", [bin("eslint/bin/eslint.js"), "."]],
  ["typecheck", [bin("typescript/bin/tsc"), "--noEmit", "-p", "tsconfig.json"]],
  ["build", ["-e", BUILD]],
];
// One PostgreSQL for the whole run (TEST_DATABASE_URL's, or a throwaway cluster), started for
// the PostgreSQL step, handed on to the end-to-end tests, stopped at the very end (and by
// scripts/pg-cluster.mjs itself should the run be interrupted).
let postgres;
const runNode = (args, env) => spawnSync(process.execPath, args, { cwd: root, stdio: "inherit", env }).status ?? 1;
/** The environment without TEST_DATABASE_URL: each step gets the one it should have, or none. */
const { TEST_DATABASE_URL: _given, ...envWithoutPostgres } = process.env;
const steps = [
  [
    "unit, server and component tests",
    // The SQLite run, whatever TEST_DATABASE_URL says.
    () =>
      runNode(
        [bin("vitest/vitest.mjs"), "run", "--reporter=default", "--reporter=json", `--outputFile.json=${path.join(results, "vitest.json")}`],
        envWithoutPostgres,
      ),
  ],
  [
    "server tests on PostgreSQL",
    async () => {
      try {
        postgres = await postgresForTests();
      } catch (error) {
        console.error(error.message);
        return 1;
      }
      if (postgres.skipped) {
        console.log(postgres.skipped);
        return 0;
      }
      return runServerTestsOnPostgres(postgres.url, { reportFile: path.join(results, "vitest-postgres.json") });
    },
  ],
  [
    "end-to-end tests",
    () =>
      runNode([path.join(root, "scripts/e2e.mjs")], {
        ...envWithoutPostgres,
        E2E_BUILT: "1",
        ...(postgres?.url && { TEST_DATABASE_URL: postgres.url }),
      }),
  ],
];

const failedSteps = [];
const checksStarted = performance.now();
const checked = await Promise.all(
  checks.map(
    ([name, args]) =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
        let output = "";
        child.stdout.on("data", (chunk) => (output += chunk));
        child.stderr.on("data", (chunk) => (output += chunk));
        child.on("error", (error) => resolve({ name, status: 1, output: `${output}${error.message}\n` }));
        child.on("close", (status) => resolve({ name, status, output }));
      }),
  ),
);
const checksTook = performance.now() - checksStarted;
for (const { name, status, output } of checked) {
  console.log(`\n=== ${name} ===`);
  if (output) process.stdout.write(output);
  if (status !== 0) failedSteps.push(name);
}
/** How long each step took, printed with the closing counts: where the run's time goes. */
const took = [];
const startedAt = performance.now();
const seconds = (ms) => `${Math.round(ms / 1000)} s`;
took.push(`lint, types and build ${seconds(checksTook)}`);
for (const [name, step] of steps) {
  console.log(`\n=== ${name} ===`);
  const stepStarted = performance.now();
  if ((await step()) !== 0) failedSteps.push(name);
  took.push(`${name} ${seconds(performance.now() - stepStarted)}`);
}
postgres?.stop?.();

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(path.join(results, file), "utf8"));
  } catch {
    return undefined;
  }
}

const vitests = [readJson("vitest.json"), readJson("vitest-postgres.json")];
const playwright = readJson("playwright.json");
const sum = (count) => vitests.reduce((total, report) => total + (report?.[count] ?? 0), 0);
const passed = sum("numPassedTests") + (playwright?.stats.expected ?? 0) + (playwright?.stats.flaky ?? 0);
const failed = sum("numFailedTests") + (playwright?.stats.unexpected ?? 0);
const skipped = sum("numPendingTests") + sum("numTodoTests") + (playwright?.stats.skipped ?? 0);

console.log("");
console.log(`Time: ${took.join("; ")}; all ${seconds(performance.now() - startedAt + checksTook)}.`);
if (failedSteps.length) console.log(`Failed steps: ${failedSteps.join(", ")}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedSteps.length || failed ? 1 : 0);
