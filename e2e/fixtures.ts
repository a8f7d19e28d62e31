import AxeBuilder from "@axe-core/playwright";
import {
  type APIRequestContext,
  type Browser,
  type Cookie,
  expect,
  type Page,
  request as playwrightRequest,
  type Response,
  test as base,
} from "@playwright/test";
import { API_BASE, type Endpoint, pathOf, urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { DEMO_ADMINS, DEMO_PASSWORD } from "@server/db/seed";
import { hasPostgres, POSTGRES_SKIPPED, workerDatabase } from "./postgres";
import { startServers, type WorkerServers } from "./servers";

/** The demo accounts, one per role; `role: null` runs a test signed out. */
export type Role = keyof typeof DEMO_ADMINS;
export { DEMO_ADMINS, DEMO_PASSWORD };

// One session per server, role and worker, opened through the API the first time a test needs it.
const sessions = new Map<string, Promise<Cookie[]>>();

function sessionCookies(role: Role, baseURL: string): Promise<Cookie[]> {
  const key = `${baseURL} ${role}`;
  let cookies = sessions.get(key);
  if (!cookies) {
    cookies = (async () => {
      const client = await playwrightRequest.newContext({ baseURL });
      const response = await client.post(urlOf(api.session.signIn), {
        data: { email: DEMO_ADMINS[role].email, password: DEMO_PASSWORD },
      });
      expect(response.status(), `signing in as ${role}`).toBe(201);
      const { cookies: jar } = await client.storageState();
      await client.dispose();
      return jar;
    })();
    sessions.set(key, cookies);
  }
  return cookies;
}

/**
 * A second administrator in their own browser (a context of its own, signed in as `role`,
 * in English): for tests where two people work on the same objects at once.
 */
export async function pageOf(browser: Browser, role: Role, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  await context.addCookies(await sessionCookies(role, baseURL));
  await context.addInitScript(() => localStorage.setItem("callParkAdmin.language", "en"));
  return context.newPage();
}

export interface DemoLocation {
  id: string;
  name: string;
}

/** Fails the test with axe's own report when the page has any accessibility violation. */
/**
 * Waits for the app's screen: the frame its HTML painted first (scripts/vite-first-paint.ts: the
 * same heading and words, inert) replaced. What checks a whole screen checks the app's.
 */
export async function expectAppRendered(page: Page) {
  await expect(page.locator(".first-paint")).toHaveCount(0);
}

/** The app's modules: every script of the build but the small first-paint one that a page's HTML runs. */
export function isAppCode(url: URL | string): boolean {
  const { pathname } = new URL(url);
  return /^\/assets\/.*\.js$/.test(pathname) && !pathname.includes("/first-paint-");
}

/** A framed page held its code back until its frame was on screen: every app script started after the first contentful paint. */
export async function expectAppCodeAfterFirstPaint(page: Page) {
  const { paint, starts } = await page.evaluate(() => ({
    paint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime,
    starts: performance.getEntriesByType("resource").map((entry) => [entry.name, entry.startTime] as const),
  }));
  const codeStarts = starts.filter(([url]) => isAppCode(url)).map(([, start]) => start);
  expect(paint).toBeGreaterThan(0);
  expect(codeStarts.length).toBeGreaterThan(1);
  expect(Math.min(...codeStarts)).toBeGreaterThanOrEqual(paint!);
}

export async function expectNoAxeViolations(page: Page, context: string) {
  await expectAppRendered(page);
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(summary, `axe violations on ${context}`).toEqual([]);
}

/** The stand-in for Webex a gateway-mode server mirrors: its address and its ADMIN_TOKEN. */
export interface WebexStandIn {
  baseURL: string;
  token: string;
}

/** What each project of playwright.config.ts sets: which servers its workers start. */
export interface E2eOptions {
  /** Which mode the server under test runs in: its own organisation, or a gateway to Webex's. */
  mode: "standalone" | "webex";
  /** The standalone server's database: a SQLite file, or a PostgreSQL database (e2e/postgres.ts). */
  database: "sqlite" | "postgres";
}

/** What a worker's servers give its tests (e2e/servers.ts starts them). */
interface WorkerFixtures extends E2eOptions {
  servers: WorkerServers;
  /** The ADMIN_TOKEN of the server under test (baseURL). */
  adminToken: string;
  /** Webex mode: the stand-in the server under test is the gateway to; null in standalone mode. */
  webex: WebexStandIn | null;
}

/** What the "postgres" project's workers have when there is no PostgreSQL: nothing to start or stop. */
const NO_SERVERS: WorkerServers = { baseURL: "", adminToken: "", webex: null, stop: async () => undefined };

/** An API client acting as a full administrator through a server's ADMIN_TOKEN. */
function tokenClient(baseURL: string | undefined, token: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
}

export const test = base.extend<
  {
    role: Role | null;
    language: "en" | "pt-BR";
    locations: DemoLocation[];
    locationNamed: (name: string) => DemoLocation;
    /**
     * The organisation itself, whatever the mode: in Webex mode the stand-in for Webex (read
     * back what the gateway sent, or change it behind the gateway's back); standalone, the
     * server under test (the same as `request`). Acts as a full administrator.
     */
    upstream: APIRequestContext;
  },
  WorkerFixtures
>({
  mode: ["standalone", { option: true, scope: "worker" }],
  database: ["sqlite", { option: true, scope: "worker" }],
  // Each worker starts its own servers on fresh databases, once, before its first test, and
  // stops them after its last: files in parallel never share an organisation. A worker that
  // replaces one after a failed test starts from fresh databases too.
  servers: [
    async ({ mode, database }, use, workerInfo) => {
      // No PostgreSQL to run the "postgres" project on: no servers, and `baseURL` skips each test.
      if (database === "postgres" && !hasPostgres) return use(NO_SERVERS);
      const postgres = database === "postgres" ? await workerDatabase() : undefined;
      try {
        const servers = await startServers(mode, workerInfo.workerIndex, postgres?.url);
        await use(servers);
        await servers.stop();
      } finally {
        await postgres?.drop();
      }
    },
    // Starting the gateway waits for the stand-in, the gateway's first synchronisation and
    // the accounts: on a busy machine that can take longer than one test's budget.
    { scope: "worker", timeout: 240_000 },
  ],
  adminToken: [async ({ servers }, use) => use(servers.adminToken), { scope: "worker" }],
  webex: [async ({ servers }, use) => use(servers.webex), { scope: "worker" }],
  baseURL: async ({ servers }, use, testInfo) => {
    // Every test and hook needs the server through here: skipped here, a test runs no hook either.
    testInfo.skip(servers === NO_SERVERS, POSTGRES_SKIPPED);
    await use(servers.baseURL);
  },
  // Tests run signed in as the full administrator unless they choose another role (or null).
  role: ["full", { option: true }],
  context: async ({ context, role, baseURL }, use) => {
    if (role) await context.addCookies(await sessionCookies(role, baseURL!));
    await use(context);
  },
  // The tests' own API calls (setting data up, checking it) act through ADMIN_TOKEN.
  request: async ({ baseURL, adminToken }, use) => {
    const api = await tokenClient(baseURL, adminToken);
    await use(api);
    await api.dispose();
  },
  upstream: async ({ request, webex }, use) => {
    if (!webex) return use(request);
    const api = await tokenClient(webex.baseURL, webex.token);
    await use(api);
    await api.dispose();
  },
  language: ["en", { option: true }],
  // The chosen language is stored before the app loads, as a returning user's would be.
  // Whatever the test does, the browser must never report a Content-Security-Policy
  // violation: the app runs under a policy without inline script or style.
  page: async ({ page, language }, use) => {
    await page.addInitScript((lng) => {
      if (!localStorage.getItem("callParkAdmin.language")) localStorage.setItem("callParkAdmin.language", lng);
    }, language);
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await use(page);
    expect(violations, "Content-Security-Policy violations").toEqual([]);
  },
  locations: async ({ request }, use) => {
    const response = await request.get(urlOf(api.locations.list));
    expect(response.ok()).toBeTruthy();
    await use((await response.json()).items);
  },
  locationNamed: async ({ locations }, use) => {
    await use((name) => {
      const found = locations.find((l) => l.name === name);
      if (!found) throw new Error(`no demo location named ${name}`);
      return found;
    });
  },
});

export { expect };

/**
 * The browser's next call to an endpoint (these path parameters, and these query values
 * when given), answered: start waiting before the action that sends it, await it after.
 * A test that goes on once the server has answered never races with the write.
 */
export function responseTo(
  page: Page,
  endpoint: Endpoint,
  params: Record<string, string> = {},
  query: Record<string, string> = {},
): Promise<Response> {
  const path = API_BASE + pathOf(endpoint, params);
  return page.waitForResponse((response) => {
    const url = new URL(response.url());
    return (
      response.request().method() === endpoint.method &&
      url.pathname === path &&
      Object.entries(query).every(([key, value]) => url.searchParams.get(key) === value)
    );
  });
}

/** Picks a location in the form's searchable Location field, by keyboard and click as a user would. */
export async function chooseLocation(page: Page, label: string, name: string) {
  const combo = page.getByRole("combobox", { name: label });
  await combo.click();
  await combo.fill(name);
  await page.getByRole("option", { name, exact: true }).click();
  await expect(combo).toHaveValue(name);
}

/** A number unlikely to be taken, unique per call within a run. */
let counter = 0;
export function uniqueExtension(prefix = "7") {
  counter += 1;
  return `${prefix}${String(Date.now() % 100000).padStart(5, "0")}${counter}`.slice(0, 8);
}
