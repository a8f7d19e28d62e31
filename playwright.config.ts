import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { API_BASE, urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { DEMO_ADMINS, DEMO_PASSWORD } from "@server/db/seed";
import { chromiumExecutable } from "./scripts/chromium.mjs";
import type { E2eOptions } from "./e2e/fixtures";

// End-to-end tests run the real server on a fresh SQLite database and drive real Chromium.
// Two projects, one set of specs: "chromium" against the server in standalone mode, and
// "gateway" against the server in Webex mode, in front of a stand-in for Webex (this
// project's own server, standalone, whose API is Webex's) that holds the demo organisation.
// Databases, ports and tokens are chosen once, in the runner, and inherited by its workers.
const tempDatabase = (prefix: string) => `sqlite:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), prefix)), "e2e.sqlite")}`;
const token = (prefix: string) => `${prefix}-${randomBytes(24).toString("base64url")}`;

process.env.E2E_DATABASE_URL ??= tempDatabase("cpa-e2e-");
const port = Number(process.env.E2E_PORT ?? 8787);
// The server's ADMIN_TOKEN for this run: the tests' own API calls (setting data up) use it.
process.env.E2E_ADMIN_TOKEN ??= token("e2e");

// Webex mode: the stand-in (its own database and token), and the gateway (its own database
// and token; the stand-in's token is its Webex access token).
process.env.E2E_STANDIN_DATABASE_URL ??= tempDatabase("cpa-e2e-standin-");
process.env.E2E_STANDIN_TOKEN ??= token("e2e-standin");
process.env.E2E_GATEWAY_DATABASE_URL ??= tempDatabase("cpa-e2e-gateway-");
process.env.E2E_GATEWAY_TOKEN ??= token("e2e-gateway");
const standInPort = Number(process.env.E2E_STANDIN_PORT ?? 8788);
const gatewayPort = Number(process.env.E2E_GATEWAY_PORT ?? 8789);
const origin = (p: number) => `http://127.0.0.1:${p}`;

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
 * The projects this run selects (`--project=name`, `--project name`, repeatable); all when
 * none is named. Only the runner's own command line counts: workers never start servers.
 */
function selected(name: string): boolean {
  const args = process.argv;
  const named: string[] = [];
  args.forEach((arg, i) => {
    if (arg.startsWith("--project=")) named.push(arg.slice("--project=".length));
    else if (arg === "--project" && args[i + 1]) named.push(args[i + 1]);
  });
  if (named.length === 0) return true;
  return named.some((n) => n.includes("*") || n.toLowerCase() === name.toLowerCase());
}

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

// The suite sends every test's setup through one token and one session per role, far
// more in a minute than an administrator would; the limit itself has its server tests.
const serverEnv = { HOST: "127.0.0.1", LOG_LEVEL: "warn", API_RATE_LIMIT: "0" };

const standaloneServer = {
  command: "node --import tsx server/index.ts",
  // Answers 401 until signed in: any answer means the server is up.
  url: `${origin(port)}${urlOf(api.organizations.list)}`,
  reuseExistingServer: false,
  timeout: 60_000,
  env: {
    ...serverEnv,
    PORT: String(port),
    DATABASE_URL: process.env.E2E_DATABASE_URL,
    SEED: "demo",
    ADMIN_TOKEN: process.env.E2E_ADMIN_TOKEN,
  },
};

const standInServer = {
  name: "stand-in",
  command: "node --import tsx server/index.ts",
  url: `${origin(standInPort)}/readyz`,
  reuseExistingServer: false,
  timeout: 60_000,
  env: {
    ...serverEnv,
    PORT: String(standInPort),
    DATABASE_URL: process.env.E2E_STANDIN_DATABASE_URL,
    SEED: "demo",
    ADMIN_TOKEN: process.env.E2E_STANDIN_TOKEN,
  },
};

// The demo accounts, made on the gateway by the documented command (Webex mode seeds none).
const demoAccounts = Object.values(DEMO_ADMINS).map((admin) => ({
  email: admin.email,
  name: admin.displayName,
  role: admin.role,
  locations: "locationName" in admin ? [admin.locationName] : [],
}));

const gatewayServer = {
  name: "gateway",
  // Waits for the stand-in, starts the gateway, waits for its first synchronisation, adds the
  // accounts, then says so: that line, not an address, is what "ready" means here.
  command: "node scripts/e2e-gateway.mjs",
  wait: { stdout: /E2E_GATEWAY_READY/ },
  reuseExistingServer: false,
  timeout: 120_000,
  env: {
    ...serverEnv,
    PORT: String(gatewayPort),
    DATABASE_URL: process.env.E2E_GATEWAY_DATABASE_URL,
    ADMIN_TOKEN: process.env.E2E_GATEWAY_TOKEN,
    WEBEX_API_URL: `${origin(standInPort)}${API_BASE}`,
    WEBEX_ACCESS_TOKEN: process.env.E2E_STANDIN_TOKEN,
    WEBEX_SYNC_INTERVAL: "0",
    E2E_GATEWAY_ADMINS: JSON.stringify(demoAccounts),
    E2E_GATEWAY_ADMIN_PASSWORD: DEMO_PASSWORD,
  },
};

export default defineConfig<E2eOptions>({
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
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      testIgnore: GATEWAY_ONLY,
      use: { ...browser, baseURL: origin(port), adminToken: process.env.E2E_ADMIN_TOKEN! },
    },
    {
      name: "gateway",
      testMatch: [...SEED_FLOWS, ...GATEWAY_ONLY],
      use: {
        ...browser,
        baseURL: origin(gatewayPort),
        adminToken: process.env.E2E_GATEWAY_TOKEN!,
        webex: { baseURL: origin(standInPort), token: process.env.E2E_STANDIN_TOKEN! },
      },
    },
  ],
  webServer: [
    ...(selected("chromium") ? [standaloneServer] : []),
    ...(selected("gateway") ? [standInServer, gatewayServer] : []),
  ],
});
