import fs from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { type Browser, chromium, type Page, type Request } from "playwright-core";
import { API_BASE, urlOf } from "@domain/api/endpoint";
import { api } from "@domain/api/endpoints";
import { DEMO_ADMINS, DEMO_PASSWORD } from "@server/db/seed";
import { SESSION_COOKIE } from "@server/features/auth/access";
import { freePort } from "@server/test/free-port";
import { CALL_PARK_EXTENSIONS_PATH, callParkPath, FEATURES_PATH, LOCATIONS_PATH, SIGN_IN_PATH } from "@/lib/paths";
import { chromiumExecutable } from "./chromium.mjs";
import { type BuiltServer, describe, type Figure, kb, median, printSummary, startBuiltServer } from "./bench-support";
import { asAdmin } from "./large-org";

// What the screens really cost in a browser: the built SPA served by the compiled server on a
// fresh demo database, loaded by Chromium with an empty cache (a first visit), signed in through
// the real sign-in API. Then Lighthouse (mobile preset, simulated throttling) on the same pages.

const JS_BUDGET_KB = 120;
const LIGHTHOUSE_RUNS = 3;
const LIGHTHOUSE_SCORE_BUDGET = 95;
const LCP_BUDGET_S = 2.0;
const SECTION = "browser";

type Category = "document" | "JavaScript" | "CSS" | "fonts" | "locales" | "API" | "other";
const CATEGORIES: Category[] = ["document", "JavaScript", "CSS", "fonts", "locales", "API", "other"];

interface Fetched {
  url: string;
  category: Category;
  status: number;
  /** The body as it came over the wire (compressed as the server sent it). */
  sent: number;
  /** The response's status line and headers. */
  headers: number;
  /** The body decoded. */
  raw: number;
  /** The decoded body gzipped at level 9, as bundlers report it. */
  gzip: number;
  encoding: string;
}

interface Screen {
  key: string;
  label: string;
  path: string;
  signedIn: boolean;
  /** JavaScript budget in KB gzip, for the screens that have one. */
  jsBudgetKb?: number;
  lighthouse: boolean;
  /** Resolves when the screen shows what it is for. */
  ready(page: Page): Promise<void>;
}

const visible = (page: Page, selector: string) => page.locator(selector).first().waitFor({ state: "visible", timeout: 30_000 });

function screensOf(panelPath: string): Screen[] {
  return [
    {
      key: "sign-in",
      label: "sign-in",
      path: SIGN_IN_PATH,
      signedIn: false,
      jsBudgetKb: JS_BUDGET_KB,
      lighthouse: true,
      ready: (page) => visible(page, "input[type=password]"),
    },
    {
      key: "features",
      label: "Features",
      path: FEATURES_PATH,
      signedIn: true,
      jsBudgetKb: JS_BUDGET_KB,
      lighthouse: true,
      ready: (page) => visible(page, ".feature-grid"),
    },
    {
      key: "extensions",
      label: "call park extension list",
      path: CALL_PARK_EXTENSIONS_PATH,
      signedIn: true,
      lighthouse: true,
      ready: (page) => visible(page, "main table tbody tr"),
    },
    {
      key: "group-panel",
      label: "call park group's side panel",
      path: panelPath,
      signedIn: true,
      lighthouse: false,
      ready: (page) => visible(page, "[role=dialog]"),
    },
    {
      key: "locations",
      label: "Locations",
      path: LOCATIONS_PATH,
      signedIn: true,
      lighthouse: false,
      ready: (page) => visible(page, "main table tbody tr"),
    },
  ];
}

function categoryOf(request: Request): Category {
  const { pathname } = new URL(request.url());
  if (pathname.startsWith(`${API_BASE}/`)) return "API";
  if (pathname.startsWith("/locales/")) return "locales";
  switch (request.resourceType()) {
    case "document":
      return "document";
    case "script":
      return "JavaScript";
    case "stylesheet":
      return "CSS";
    case "font":
      return "fonts";
    default:
      return "other";
  }
}

/** Signs in as the demo's full administrator through POST /v1/session; the session cookie's value. */
async function signIn(origin: string): Promise<string> {
  const res = await fetch(`${origin}${urlOf(api.session.signIn)}`, {
    method: api.session.signIn.method,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: DEMO_ADMINS.full.email, password: DEMO_PASSWORD }),
  });
  if (res.status !== api.session.signIn.status) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error("sign-in set no session cookie");
  return cookie.split(";")[0].slice(SESSION_COOKIE.length + 1);
}

/**
 * The demo organisation has no call park group: one, as an administrator would make it (three
 * members, two park extensions) in the first location, through the API; its side panel's address.
 */
async function demoGroupPanel(origin: string): Promise<string> {
  const call = async <T>(url: string, init: RequestInit = {}): Promise<T> => {
    const res = await fetch(`${origin}${url}`, { ...init, headers: { ...asAdmin, "content-type": "application/json", ...init.headers } });
    if (!res.ok) throw new Error(`${init.method ?? "GET"} ${url} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as T;
  };
  const { items } = await call<{ items: { id: string }[] }>(urlOf(api.locations.list));
  const locationId = items[0].id;
  const { agents } = await call<{ agents: { id: string }[] }>(urlOf(api.callParks.availableUsers, { locationId }, { max: 3 }));
  const { callParkExtensions } = await call<{ callParkExtensions: { id: string }[] }>(
    urlOf(api.callParks.availableCallParkExtensions, { locationId }, { max: 2 }),
  );
  const created = await call<{ id: string }>(urlOf(api.callParks.create, { locationId }), {
    method: api.callParks.create.method,
    body: JSON.stringify({
      name: "Front desk",
      recall: { option: "ALERT_PARKING_USER_ONLY" },
      agents: agents.slice(0, 3).map((a) => a.id),
      callParkExtensions: callParkExtensions.slice(0, 2).map((e) => e.id),
    }),
  });
  return callParkPath(locationId, created.id);
}

/** Loads one screen in a fresh context (empty cache) and records every response it fetched. */
async function loadScreen(browser: Browser, origin: string, screen: Screen, session: string) {
  const context = await browser.newContext({ baseURL: origin, locale: "en-US" });
  if (screen.signedIn) await context.addCookies([{ name: SESSION_COOKIE, value: session, url: origin, httpOnly: true, sameSite: "Strict" }]);
  const page = await context.newPage();
  const pending: Promise<Fetched | undefined>[] = [];
  const failed: string[] = [];
  page.on("requestfinished", (request) => {
    if (!/^https?:/.test(request.url())) return;
    pending.push(
      (async () => {
        const response = await request.response();
        if (!response) return undefined;
        const sizes = await request.sizes();
        const body = await response.body().catch(() => Buffer.alloc(0));
        return {
          url: request.url(),
          category: categoryOf(request),
          status: response.status(),
          sent: sizes.responseBodySize,
          headers: sizes.responseHeadersSize,
          raw: body.length,
          gzip: body.length ? gzipSync(body, { level: 9 }).length : 0,
          encoding: (await response.headerValue("content-encoding")) ?? "identity",
        };
      })(),
    );
  });
  page.on("requestfailed", (request) => failed.push(`${request.url()} (${request.failure()?.errorText})`));
  await page.goto(screen.path, { waitUntil: "load" });
  await screen.ready(page);
  // What the screen draws after its content (menus, toasts, lazy parts) loads too: wait for quiet.
  await page.waitForLoadState("networkidle");
  await page.locator("[aria-busy=true]").first().waitFor({ state: "detached", timeout: 15_000 }).catch(() => undefined);
  await page.waitForLoadState("networkidle");
  const landed = new URL(page.url()).pathname;
  const fetched = (await Promise.all(pending)).filter((f): f is Fetched => f !== undefined);
  await context.close();
  if (landed !== screen.path.split("?")[0]) throw new Error(`${screen.label}: ${screen.path} ended at ${landed}`);
  return { fetched, failed };
}

const fmt = (bytes: number) => kb(bytes).toFixed(1).padStart(8);
/** A path and query with the long ids shortened, for reading. */
const short = (pathAndQuery: string) => pathAndQuery.replace(/[\w%-]{40,}/g, (id) => `${id.slice(0, 6)}…`);

function printScreen(screen: Screen, fetched: Fetched[], failed: string[]) {
  const total = fetched.reduce((sum, f) => sum + f.sent + f.headers, 0);
  console.log(`\n  ${screen.label} (${short(screen.path)}): ${fetched.length} requests, ${kb(total).toFixed(1)} KB transferred (bodies as sent + headers)`);
  console.log(`    ${"".padEnd(11)} ${"requests".padStart(8)} ${"sent KB".padStart(8)} ${"gzip KB".padStart(8)} ${"raw KB".padStart(8)}  encodings`);
  for (const category of CATEGORIES) {
    const items = fetched.filter((f) => f.category === category);
    if (items.length === 0) continue;
    const sum = (key: "sent" | "gzip" | "raw") => items.reduce((s, f) => s + f[key], 0);
    const encodings = [...new Set(items.map((f) => f.encoding))].join(", ");
    console.log(`    ${category.padEnd(11)} ${String(items.length).padStart(8)} ${fmt(sum("sent"))} ${fmt(sum("gzip"))} ${fmt(sum("raw"))}  ${encodings}`);
  }
  const api = fetched.filter((f) => f.category === "API");
  if (api.length) console.log(`    API calls: ${api.map((f) => `${short(new URL(f.url).pathname + new URL(f.url).search)} ${f.status}`).join(", ")}`);
  const notOk = fetched.filter((f) => f.status >= 400 && f.category !== "API");
  if (notOk.length) console.log(`    failed answers: ${notOk.map((f) => `${new URL(f.url).pathname} ${f.status}`).join(", ")}`);
  if (failed.length) console.log(`    failed requests: ${failed.join(", ")}`);
}

function printScripts(fetched: Fetched[]) {
  const scripts = fetched.filter((f) => f.category === "JavaScript").sort((a, b) => b.gzip - a.gzip);
  console.log(`    its ${scripts.length} scripts (gzip KB): ${scripts.map((f) => `${path.basename(new URL(f.url).pathname)} ${kb(f.gzip).toFixed(1)}`).join(", ")}`);
}

/** A one-heading HTML page from a bare Node server, gzipped as asked: the floor Lighthouse can reach. */
async function startFloorPage() {
  const html = Buffer.from(
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
      "<title>Call Park Admin</title></head><body><h1>Call Park Admin</h1></body></html>",
  );
  const gzipped = gzipSync(html);
  const server = http.createServer((req, res) => {
    const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-cache", ...(gzip ? { "content-encoding": "gzip" } : {}) });
    res.end(gzip ? gzipped : html);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

interface LighthouseMedian {
  score: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  warnings: string[];
  /** What Lighthouse took for the largest contentful paint, per run (selector and text), to know what to paint early. */
  lcpElements: string[];
}

const CHROME_FLAGS = ["--headless=new", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** One Lighthouse run in a Chromium of its own (one browser for several runs now and then paints nothing: NO_FCP). */
async function lighthouseOnce(url: string, cookie?: string) {
  const chromeFlags = process.getuid?.() === 0 ? [...CHROME_FLAGS, "--no-sandbox"] : CHROME_FLAGS;
  const chrome = await chromeLauncher.launch({ chromePath: chromiumExecutable(), chromeFlags, logLevel: "silent" });
  try {
    return await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance"],
      ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
    });
  } finally {
    chrome.kill();
  }
}

/** The LCP element audit's node: its selector and the start of its text. */
function lcpElementOf(details: unknown): string | undefined {
  type Node = { type?: string; selector?: string; snippet?: string; nodeLabel?: string };
  type Table = { items?: { node?: Node; items?: { node?: Node }[] }[] };
  const items = (details as Table | undefined)?.items ?? [];
  const node = items.flatMap((item) => [item.node, ...(item.items ?? []).map((i) => i.node)]).find((n) => n?.type === "node");
  return node ? `${node.selector ?? node.snippet} "${(node.nodeLabel ?? "").slice(0, 40)}"` : undefined;
}

async function runLighthouse(url: string, cookie?: string, count = LIGHTHOUSE_RUNS): Promise<LighthouseMedian> {
  const runs: { score: number; fcp: number; lcp: number; tbt: number }[] = [];
  const warnings = new Set<string>();
  const lcpElements: string[] = [];
  for (let i = 0, failures = 0; i < count; i++) {
    const result = await lighthouseOnce(url, cookie);
    if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
    const { lhr } = result;
    // LIGHTHOUSE_REPORTS=<folder>: each run's whole report kept there, to read what slows a screen.
    if (process.env.LIGHTHOUSE_REPORTS) {
      fs.mkdirSync(process.env.LIGHTHOUSE_REPORTS, { recursive: true });
      const name = `${new URL(url).pathname.replace(/\W+/g, "-").replace(/^-|-$/g, "") || "home"}-${i + 1}.json`;
      fs.writeFileSync(path.join(process.env.LIGHTHOUSE_REPORTS, name), JSON.stringify(lhr));
    }
    if (lhr.runtimeError) {
      // Lighthouse's own hiccups (NO_NAVSTART, NO_FCP on a busy machine): that run again, twice at most.
      const problem = `${lhr.runtimeError.code}: ${lhr.runtimeError.message}`;
      if (++failures > 2) throw new Error(`Lighthouse on ${url}: ${problem}`);
      warnings.add(`a run failed and was run again (${problem})`);
      i--;
      continue;
    }
    lhr.runWarnings.forEach((w) => warnings.add(w));
    if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(url).pathname) warnings.add(`ended at ${lhr.finalDisplayedUrl}`);
    const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    lcpElements.push(lcpElementOf(lhr.audits["largest-contentful-paint-element"]?.details) ?? "none");
    runs.push({
      score: (lhr.categories.performance.score ?? Number.NaN) * 100,
      fcp: audit("first-contentful-paint"),
      lcp: audit("largest-contentful-paint"),
      tbt: audit("total-blocking-time"),
    });
  }
  return {
    score: median(runs.map((r) => r.score)),
    fcpMs: median(runs.map((r) => r.fcp)),
    lcpMs: median(runs.map((r) => r.lcp)),
    tbtMs: median(runs.map((r) => r.tbt)),
    warnings: [...warnings],
    lcpElements,
  };
}

async function benchLighthouse(server: BuiltServer, screens: Screen[], session: string, runs = LIGHTHOUSE_RUNS): Promise<Figure[]> {
  const figures: Figure[] = [];
  const floor = await startFloorPage();
  try {
    const lighthouseVersion = (createRequire(import.meta.url)("lighthouse/package.json") as { version: string }).version;
    console.log(`\n  Lighthouse ${lighthouseVersion}, mobile preset (simulated throttling), median of ${runs} runs, each in a fresh headless Chromium:`);
    console.log(`    ${"page".padEnd(28)} ${"score".padStart(5)} ${"FCP".padStart(7)} ${"LCP".padStart(7)} ${"TBT".padStart(7)}`);
    const row = (label: string, m: LighthouseMedian) =>
      `    ${label.padEnd(28)} ${m.score.toFixed(0).padStart(5)} ${(m.fcpMs / 1000).toFixed(2).padStart(5)} s ${(m.lcpMs / 1000).toFixed(2).padStart(5)} s ${m.tbtMs.toFixed(0).padStart(4)} ms`;
    for (const screen of screens.filter((s) => s.lighthouse)) {
      const m = await runLighthouse(`${server.origin}${screen.path}`, screen.signedIn ? `${SESSION_COOKIE}=${session}` : undefined, runs).catch(
        (error: Error): LighthouseMedian => {
          console.log(`    ${screen.label}: not measured: ${error.message}`);
          return { score: Number.NaN, fcpMs: Number.NaN, lcpMs: Number.NaN, tbtMs: Number.NaN, warnings: [], lcpElements: [] };
        },
      );
      const score: Figure = { section: SECTION, name: `Lighthouse score, ${screen.label}`, value: m.score, unit: "", min: LIGHTHOUSE_SCORE_BUDGET, digits: 0 };
      const lcp: Figure = { section: SECTION, name: `Lighthouse LCP, ${screen.label}`, value: m.lcpMs / 1000, unit: "s", max: LCP_BUDGET_S, digits: 2 };
      console.log(`${row(screen.label, m)}   score ${describe(score)}; LCP ${describe(lcp)}`);
      for (const w of m.warnings) console.log(`      warning: ${w}`);
      if (m.lcpElements.length) console.log(`      LCP element: ${[...new Set(m.lcpElements)].join("; ")}`);
      figures.push(score, lcp);
    }
    const m = await runLighthouse(floor.url, undefined, runs).catch((error: Error) => {
      console.log(`    floor page: not measured: ${error.message}`);
      return undefined;
    });
    if (m) console.log(`${row("floor: one heading, bare", m)}   (for reference: a bare Node server's gzipped one-heading page)`);
    for (const w of m?.warnings ?? []) console.log(`      warning: ${w}`);
  } finally {
    await floor.close();
  }
  return figures;
}

/**
 * Per screen, what Chromium fetches on a first visit (JavaScript, CSS, fonts, locale files,
 * API calls: requests, bytes as sent and gzip), then Lighthouse's mobile score and LCP.
 * Needs `npm run build` done (dist/, dist-server/). Returns the budgeted figures.
 */
export interface BenchBrowserOptions {
  /** Only the screens with these keys (sign-in, features, extensions, group-panel, locations); all when not given. */
  screens?: readonly string[];
  /** Lighthouse runs per page (the median is taken); 0 skips Lighthouse. */
  lighthouseRuns?: number;
}

export async function benchBrowser({ screens: only, lighthouseRuns = LIGHTHOUSE_RUNS }: BenchBrowserOptions = {}): Promise<Figure[]> {
  const executablePath = chromiumExecutable();
  if (!executablePath) {
    console.log("  no Chromium found (see scripts/chromium.mjs): not measured");
    return [
      { section: SECTION, name: "JavaScript gzip, sign-in", value: Number.NaN, unit: "KB", max: JS_BUDGET_KB },
      { section: SECTION, name: "JavaScript gzip, Features", value: Number.NaN, unit: "KB", max: JS_BUDGET_KB },
    ];
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cpa-bench-browser-"));
  const server = await startBuiltServer({ databaseUrl: `sqlite:${path.join(dir, "demo.sqlite")}`, seed: "demo" });
  const figures: Figure[] = [];
  let browser: Browser | undefined;
  try {
    const session = await signIn(server.origin);
    const screens = screensOf(await demoGroupPanel(server.origin)).filter((s) => !only || only.includes(s.key));
    browser = await chromium.launch({ executablePath, args: ["--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
    console.log(`  Chromium ${browser.version()}, a fresh context (empty cache) per screen, the compiled server on a fresh demo database:`);
    for (const screen of screens) {
      const { fetched, failed } = await loadScreen(browser, server.origin, screen, session);
      printScreen(screen, fetched, failed);
      const js = fetched.filter((f) => f.category === "JavaScript").reduce((sum, f) => sum + f.gzip, 0);
      const figure: Figure = { section: SECTION, name: `JavaScript gzip, ${screen.label}`, value: kb(js), unit: "KB", max: screen.jsBudgetKb };
      printScripts(fetched);
      if (screen.jsBudgetKb !== undefined) console.log(`    JavaScript: ${describe(figure)}`);
      figures.push(figure);
    }
    await browser.close();
    browser = undefined;
    if (lighthouseRuns === 0) return figures;
    figures.push(
      ...(await benchLighthouse(server, screens, session, lighthouseRuns).catch((error: Error) => {
        console.log(`  Lighthouse: not measured: ${error.message}`);
        return screens
          .filter((s) => s.lighthouse)
          .map((s): Figure => ({ section: SECTION, name: `Lighthouse score, ${s.label}`, value: Number.NaN, unit: "", min: LIGHTHOUSE_SCORE_BUDGET }));
      })),
    );
  } finally {
    await browser?.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

// Alone, without the rest of the bench (the SPA and the server built already, as `npm run build`
// leaves them): `node --import tsx scripts/bench-browser.ts [--screens=sign-in,features]
// [--lighthouse-runs=3]` (0 runs: bytes only).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
  const runs = option("lighthouse-runs");
  benchBrowser({ screens: option("screens")?.split(","), lighthouseRuns: runs === undefined ? undefined : Number(runs) })
    .then(printSummary)
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
