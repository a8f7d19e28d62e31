import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { chromiumExecutable } from "./scripts/chromium.mjs";

// End-to-end tests run the real server on a fresh SQLite database and drive real Chromium.
// The database path is chosen once, in the runner, and inherited by its workers.
process.env.E2E_DATABASE_URL ??= `sqlite:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cpa-e2e-")), "e2e.sqlite")}`;
const port = Number(process.env.E2E_PORT ?? 8787);
// The server's ADMIN_TOKEN for this run: the tests' own API calls (setting data up) use it.
process.env.E2E_ADMIN_TOKEN ??= `e2e-${randomBytes(24).toString("base64url")}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  // Budgets for a busy machine (two cores shared with other work): the longest tests take
  // ~40 s there, and every wait is on a state, so a longer budget only slows a real failure.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: ".test-results/playwright.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
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
      },
    },
  ],
  webServer: {
    command: "node --import tsx server/index.ts",
    // Answers 401 until signed in: any answer means the server is up.
    url: `http://127.0.0.1:${port}${urlOf(api.organizations.list)}`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      SEED: "demo",
      LOG_LEVEL: "warn",
      ADMIN_TOKEN: process.env.E2E_ADMIN_TOKEN,
      // The suite sends every test's setup through one token and one session per role, far
      // more in a minute than an administrator would; the limit itself has its server tests.
      API_RATE_LIMIT: "0",
    },
  },
});
