import { defineConfig, devices } from "@playwright/test";
import { chromiumExecutable } from "./scripts/chromium.mjs";
import type { E2eOptions } from "./e2e/fixtures";

// End-to-end tests run the real server on a fresh SQLite database and drive real Chromium.
// Two projects, one set of specs: "chromium" against the server in standalone mode, and
// "gateway" against the server in Webex mode, in front of a stand-in for Webex (this
// project's own server, standalone, whose API is Webex's) that holds the demo organisation.
// A third, "postgres", runs the seed's main flows against the standalone server on PostgreSQL
// (a database per worker on TEST_DATABASE_URL's server: e2e/postgres.ts); skipped without one.
// No webServer here: each worker starts its own servers (the worker-scoped `servers` fixture
// in e2e/fixtures.ts, through e2e/servers.ts), on free ports, over fresh databases with
// their own tokens, and stops them when it ends. Two workers run two files at once
// without sharing an organisation; most of a test's time is waiting on a server or the browser.

/** The specs of the seed flows, run in both modes: what the gateway must do as standalone does. */
const SEED_FLOWS = [
  "call-park-extensions.spec.ts",
  "call-parks.spec.ts",
  "call-parks.pt-br.spec.ts",
  "locations.spec.ts",
  "bulk-manage.spec.ts",
  "tasks.spec.ts",
];
const GATEWAY_ONLY = ["gateway.spec.ts"];
/**
 * Ours, not Control Hub's, run in Webex mode too: the simulator over the mirrored configuration,
 * free numbers (validateExtensions answered by Webex), where-used and Add a range (the import).
 */
const ALSO_IN_WEBEX_MODE = ["simulator.spec.ts", "free-numbers.spec.ts", "where-used.spec.ts", "range-builder.spec.ts", "call-park-groups-csv.spec.ts"];
/**
 * The seed's main flows, on PostgreSQL: call park extensions added, edited and deleted, and a
 * group made through the wizard and edited in its side panel (Call Park Settings, one form
 * saved, is left to the server tests, which all run on PostgreSQL too).
 */
const MAIN_FLOWS = ["call-park-extensions.spec.ts", "call-parks.spec.ts"];

const browser = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: chromiumExecutable(),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  },
};

// Files, not tests, are what workers share out (fullyParallel: false): a file's tests run in
// order on one worker's servers, as they were written. E2E_WORKERS=1 runs the suite as one
// stream (every file then meets the leftovers of the files before it on one database).
const workers = Number(process.env.E2E_WORKERS ?? 2);

export default defineConfig<E2eOptions>({
  testDir: "e2e",
  fullyParallel: false,
  workers,
  retries: process.env.CI ? 1 : 0,
  // Budgets for a busy machine (two cores shared with other work): the longest tests take
  // ~40 s there, and every wait is on a state, so a longer budget only slows a real failure.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  // The HTML report keeps every attachment (the responsive spec's screenshots) as files of its
  // own folder, outside Playwright's outputDir, which each run empties.
  reporter: [
    ["list"],
    ["json", { outputFile: ".test-results/playwright.json" }],
    ["html", { outputFolder: ".test-results/html-report", open: "never" }],
  ],
  use: {
    // A trace records every action of every test (DOM snapshots, screenshots): ~15% of the
    // suite's CPU on two cores. It is kept for the retry of a test that failed (CI retries
    // once); `--trace=retain-on-failure` records every test's again, keeping the failures'.
    trace: "on-first-retry",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      testIgnore: GATEWAY_ONLY,
      use: { ...browser, mode: "standalone" },
    },
    {
      name: "gateway",
      testMatch: [...SEED_FLOWS, ...ALSO_IN_WEBEX_MODE, ...GATEWAY_ONLY],
      use: { ...browser, mode: "webex" },
    },
    {
      name: "postgres",
      testMatch: MAIN_FLOWS,
      use: { ...browser, mode: "standalone", database: "postgres" },
    },
  ],
});
