import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { chromium } from "playwright-core";

// End-to-end tests run the real server on a fresh SQLite database and drive real Chromium.
// The database path is chosen once, in the runner, and inherited by its workers.
process.env.E2E_DATABASE_URL ??= `sqlite:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cpa-e2e-")), "e2e.sqlite")}`;
const port = Number(process.env.E2E_PORT ?? 8787);
// The server's ADMIN_TOKEN for this run: the tests' own API calls (setting data up) use it.
process.env.E2E_ADMIN_TOKEN ??= `e2e-${randomBytes(24).toString("base64url")}`;

/** Playwright's own Chromium where installed, else the system's (Debian's `chromium`). */
function chromiumExecutable(): string | undefined {
  if (process.env.E2E_CHROMIUM) return process.env.E2E_CHROMIUM;
  try {
    if (fs.existsSync(chromium.executablePath())) return undefined;
  } catch {
    // not installed: fall through to the system browser
  }
  return ["/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));
}

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
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
    url: `http://127.0.0.1:${port}/v1/organizations`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      SEED: "demo",
      LOG_LEVEL: "warn",
      ADMIN_TOKEN: process.env.E2E_ADMIN_TOKEN,
    },
  },
});
