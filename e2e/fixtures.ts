import AxeBuilder from "@axe-core/playwright";
import { type Cookie, expect, type Page, request as playwrightRequest, type Response, test as base } from "@playwright/test";
import { API_BASE, type Endpoint, pathOf, urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { DEMO_ADMINS, DEMO_PASSWORD } from "@server/db/seed";

/** The demo accounts, one per role; `role: null` runs a test signed out. */
export type Role = keyof typeof DEMO_ADMINS;
export { DEMO_ADMINS, DEMO_PASSWORD };

// One session per role and worker, opened through the API the first time a test needs it.
const sessions = new Map<Role, Promise<Cookie[]>>();

function sessionCookies(role: Role, baseURL: string): Promise<Cookie[]> {
  let cookies = sessions.get(role);
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
    sessions.set(role, cookies);
  }
  return cookies;
}

export interface DemoLocation {
  id: string;
  name: string;
}

/** Fails the test with axe's own report when the page has any accessibility violation. */
export async function expectNoAxeViolations(page: Page, context: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(summary, `axe violations on ${context}`).toEqual([]);
}

export const test = base.extend<{
  role: Role | null;
  language: "en" | "pt-BR";
  locations: DemoLocation[];
  locationNamed: (name: string) => DemoLocation;
}>({
  // Tests run signed in as the full administrator unless they choose another role (or null).
  role: ["full", { option: true }],
  context: async ({ context, role, baseURL }, use) => {
    if (role) await context.addCookies(await sessionCookies(role, baseURL!));
    await use(context);
  },
  // The tests' own API calls (setting data up, checking it) act through ADMIN_TOKEN.
  request: async ({ baseURL }, use) => {
    const api = await playwrightRequest.newContext({
      baseURL,
      extraHTTPHeaders: { authorization: `Bearer ${process.env.E2E_ADMIN_TOKEN}` },
    });
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
