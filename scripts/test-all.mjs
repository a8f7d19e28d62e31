// `npm test`: every check the project has, in order — lint, types, unit + server +
// component tests (Vitest), end-to-end tests (Playwright in Chromium) — then one
// closing line with the counts. Every step runs even when an earlier one fails.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const results = path.join(root, ".test-results");
fs.rmSync(results, { recursive: true, force: true });
fs.mkdirSync(results, { recursive: true });
const bin = (p) => path.join(root, "node_modules", p);

const steps = [
  ["lint", [bin("eslint/bin/eslint.js"), "."]],
  ["typecheck", [bin("typescript/bin/tsc"), "--noEmit", "-p", "tsconfig.json"]],
  [
    "unit, server and component tests",
    [bin("vitest/vitest.mjs"), "run", "--reporter=default", "--reporter=json", `--outputFile.json=${path.join(results, "vitest.json")}`],
  ],
  ["end-to-end tests", [path.join(root, "scripts/e2e.mjs")]],
];

const failedSteps = [];
for (const [name, args] of steps) {
  console.log(`\n=== ${name} ===`);
  const { status } = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
  if (status !== 0) failedSteps.push(name);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(path.join(results, file), "utf8"));
  } catch {
    return undefined;
  }
}

const vitest = readJson("vitest.json");
const playwright = readJson("playwright.json");
const passed = (vitest?.numPassedTests ?? 0) + (playwright?.stats.expected ?? 0) + (playwright?.stats.flaky ?? 0);
const failed = (vitest?.numFailedTests ?? 0) + (playwright?.stats.unexpected ?? 0);
const skipped = (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0) + (playwright?.stats.skipped ?? 0);

console.log("");
if (failedSteps.length) console.log(`Failed steps: ${failedSteps.join(", ")}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedSteps.length || failed ? 1 : 0);
