import fs from "node:fs";
import path from "node:path";
import type { Plugin } from "vite";
import { api } from "../domain/api/addresses.js";
import { API_BASE } from "../domain/api/endpoint.js";
import { EARLY_FETCHES, INITIAL_NAMESPACES, SIGNED_IN_NOTE } from "../src/lib/early-fetch.js";
import { SIGN_IN_PATH } from "../src/lib/paths.js";
import { SCREEN_NAMESPACES } from "../src/lib/screen-namespaces.js";

// The sign-in page's frame and words in index.html, so a first visit paints the page's heading
// and description as soon as the HTML and CSS arrive, not after the JavaScript has loaded, run,
// and fetched the language's files (Lighthouse's LCP on sign-in was that paragraph, ~2.5 s
// later than a bare page). It is what the user sees next: the same elements with the same
// classes and words, which the SPA then replaces (the sign-in route's loading state keeps the
// copy in place until the page itself renders, so nothing blinks or moves).
//
// index.html holds the frame once per language; a small external script (the server's CSP
// allows no inline script) picks the language as i18n will (the remembered choice, else the
// browser's languages) and, on the sign-in address only, marks <html> so CSS shows that one.
// On every address it then starts the requests each screen begins with (startEarlyFetches), and
// last the app's code (startApp): on sign-in, only once the frame is on screen.

/** i18n's (src/lib/i18n.ts; the test holds them equal), not imported: that module brings i18next into the config. */
export const LANGUAGE_STORAGE_KEY = "callParkAdmin.language";
const SCRIPT_NAME = "first-paint.js";

/** What the script runs (also run by its test, against i18next's own choice). `supported` in the app's order. */
export function chooseFirstPaint(supported: readonly string[], storageKey: string, signInPath: string) {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(storageKey);
  } catch {
    // Storage refused: the browser's languages decide, as they will for i18n.
  }
  const codes = [stored, ...(navigator.languages ?? []), navigator.language].filter((c): c is string => !!c);
  const lower = supported.map((s) => s.toLowerCase());
  // i18next's order: any code supported as it is, then any by its language part (pt-PT → pt-BR).
  let language = codes.map((c) => lower.indexOf(c.toLowerCase())).find((i) => i >= 0);
  if (language === undefined) {
    language = codes.map((c) => lower.findIndex((s) => s.split("-")[0] === c.split("-")[0].toLowerCase())).find((i) => i >= 0);
  }
  const chosen = supported[language ?? 0];
  if (location.pathname === signInPath) document.documentElement.setAttribute("data-first-paint", `sign-in-${chosen}`);
  return chosen;
}

/**
 * Also run by the script, after the language is chosen: the requests every screen starts with
 * (the language's shared translation files and the screen's own; the session, except on the
 * sign-in page when this browser has no note of holding one),
 * made now, beside the app's code, and left in `window[globalName]` for the app to take
 * (src/lib/early-fetch.ts). The same requests the app would make, with the same headers.
 */
export function startEarlyFetches(
  language: string,
  namespaces: readonly string[],
  screenNamespaces: Readonly<Record<string, readonly string[]>>,
  sessionUrl: string,
  signInPath: string,
  signedInNote: string,
  globalName: string,
) {
  const early: Record<string, Promise<Response>> = {};
  // The shared files, and those of the screen at this address (a fixed one; others load theirs with their code).
  for (const namespace of [...namespaces, ...(screenNamespaces[location.pathname] ?? [])]) {
    const url = `/locales/${language}/${namespace}.json`;
    early[url] = fetch(url, { headers: { accept: "application/json" } });
  }
  let noted = "1";
  try {
    noted = localStorage.getItem(signedInNote) ?? "";
  } catch {
    // Storage refused: the app then asks for the session too (lib/session.ts).
  }
  // Every screen but sign-in asks for the session before anything else, signed in or not.
  if (noted === "1" || location.pathname !== signInPath) early[sessionUrl] = fetch(sessionUrl, { headers: { accept: "application/json", "accept-language": language } });
  // A failure is the app's to handle when it takes the response; none is left unhandled here.
  for (const response of Object.values(early)) response.catch(() => undefined);
  (window as unknown as Record<string, unknown>)[globalName] = early;
}

/** The attribute of the entry's `<link rel="modulepreload">` in the built index.html, which startApp imports. */
export const APP_ENTRY_ATTRIBUTE = "data-app-entry";

/**
 * Also run by the script, last: starts the app's code once the document is parsed, as the entry's
 * `<script type="module">` would. index.html modulepreloads the entry and its imports instead, so
 * they still download from the first moment. On the sign-in address, whose frame is in the HTML,
 * the code runs once that frame is on screen: a script that runs before the first paint delays it
 * (on a phone, by the time its ~150 KB take to evaluate), and Lighthouse counts it, with every
 * byte it waited for, as blocking that paint. Elsewhere nothing paints before the app: it starts
 * at once. So does a page that paints nothing because no one sees it (a tab opened in the
 * background, or sent there before its first paint).
 */
export function startApp(load: (url: string) => unknown, entryAttribute: string, heldAttribute: string, waitForFirstPaint: boolean) {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    // The sign-in page's HTML holds the app's files back until now (signInPage).
    const held = document.querySelector<HTMLTemplateElement>(`template[${heldAttribute}]`);
    if (held) {
      document.head.append(held.content);
      held.remove();
    }
    // Read once the document is parsed: the script runs first in <head>, before the link.
    const link = document.querySelector<HTMLLinkElement>(`link[${entryAttribute}]`);
    // The dev server keeps its own <script type="module">.
    if (link) load(link.href);
  };
  const whenParsed = () => {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
    else start();
  };
  const paints = typeof PerformanceObserver === "function" && (PerformanceObserver.supportedEntryTypes ?? []).includes("paint");
  const hidden = () => document.visibilityState === "hidden";
  if (!waitForFirstPaint || !paints || hidden()) return whenParsed();
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName("first-contentful-paint").length === 0) return;
    observer.disconnect();
    // After the task that reported the paint.
    setTimeout(whenParsed);
  });
  observer.observe({ type: "paint", buffered: true });
  document.addEventListener("visibilitychange", () => {
    if (hidden()) whenParsed();
  });
}

/** The attribute of the sign-in page's `<template>` of the app's files, which startApp puts in <head>. */
export const HELD_FILES_ATTRIBUTE = "data-app-files";
/** Where the build writes the sign-in page's HTML (the server sends `x.html` for the address /x). */
export const SIGN_IN_HTML = `${SIGN_IN_PATH.slice(1)}.html`;

const MODULE_PRELOADS = /(?:\s*<link rel="modulepreload" [^>]*>)+/;

/**
 * The sign-in page's HTML: index.html with the app's modulepreloads in an inert <template>, so its
 * first paint (the frame, its CSS and font) has the connection to itself; startApp requests them
 * once that paint is on screen. The ~150 KB then arrive about as soon (the bandwidth is what a
 * phone lacks, and the paint needs little of it), and the page shows its words first. Every
 * other address keeps index.html: its screen waits for the code, so the code comes first.
 */
export function signInPage(indexHtml: string): string {
  const preloads = MODULE_PRELOADS.exec(indexHtml);
  if (!preloads) throw new Error("first paint: no modulepreload links in the built index.html");
  const indent = "\n    ";
  const links = preloads[0].trim().split(/\s*\n\s*/).join(`${indent}  `);
  return indexHtml.replace(preloads[0], `${indent}<template ${HELD_FILES_ATTRIBUTE}>${indent}  ${links}${indent}</template>`);
}

/** The built index.html's entry `<script type="module">`, which startApp replaces. */
const ENTRY_SCRIPT = /<script type="module" crossorigin src="([^"]+)"><\/script>/;

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

type Words = Record<string, unknown>;
const read = (dir: string, language: string, namespace: string) =>
  JSON.parse(fs.readFileSync(path.join(dir, language, `${namespace}.json`), "utf8")) as Words;
const at = (words: Words, key: string) => {
  const value = key.split(".").reduce<unknown>((node, part) => (node as Words | undefined)?.[part], words);
  if (typeof value !== "string") throw new Error(`first paint: no string at ${key}`);
  return value;
};

/** The sign-in page's frame (as SignInRoute draws it, without the form and language switch) in one language. */
export function signInFrame(localesDir: string, language: string): string {
  const common = read(localesDir, language, "common");
  const auth = read(localesDir, language, "auth");
  return (
    `<div class="sign-in-page first-paint" data-first-paint="sign-in-${language}" lang="${language}">` +
    `<header class="sign-in-bar"><span class="brand-name">${escapeHtml(at(common, "app.name"))}</span></header>` +
    `<main class="sign-in-main"><div class="sign-in-card"><h1>${escapeHtml(at(auth, "signIn.title"))}</h1>` +
    `<p class="page-description">${escapeHtml(at(auth, "signIn.description"))}</p></div></main></div>`
  );
}

export function firstPaint({ root, languages }: { root: string; languages: readonly string[] }): Plugin {
  const localesDir = path.join(root, "public/locales");
  const chosen = `(${chooseFirstPaint.toString()})(${JSON.stringify(languages)}, ${JSON.stringify(LANGUAGE_STORAGE_KEY)}, ${JSON.stringify(SIGN_IN_PATH)})`;
  const early = [INITIAL_NAMESPACES, SCREEN_NAMESPACES, API_BASE + api.session.get.path, SIGN_IN_PATH, SIGNED_IN_NOTE, EARLY_FETCHES].map((value) =>
    JSON.stringify(value),
  );
  const started = `(${startApp.toString()})((url) => import(url), ${JSON.stringify(APP_ENTRY_ATTRIBUTE)}, ${JSON.stringify(HELD_FILES_ATTRIBUTE)}, document.documentElement.hasAttribute("data-first-paint"));`;
  const script = `(${startEarlyFetches.toString()})(${chosen}, ${early.join(", ")});\n${started}\n`;
  let building = false;
  return {
    name: "first-paint",
    configResolved(config) {
      // `vite build` only: the dev server and Vitest serve modules and emit no files.
      building = config.command === "build";
    },
    buildStart() {
      if (building) this.emitFile({ type: "asset", name: SCRIPT_NAME, source: script });
    },
    generateBundle: {
      // After Vite has written index.html.
      order: "post",
      handler(_options, bundle) {
        const index = bundle["index.html"];
        if (index?.type !== "asset") return;
        this.emitFile({ type: "asset", fileName: SIGN_IN_HTML, source: signInPage(String(index.source)) });
      },
    },
    transformIndexHtml: {
      order: "post",
      handler(html, { bundle }) {
        const frames = languages.map((language) => signInFrame(localesDir, language)).join("");
        const asset = bundle && Object.values(bundle).find((file) => file.type === "asset" && file.names.includes(SCRIPT_NAME));
        const page = html.replace('<div id="root"></div>', `<div id="root">${frames}</div>`);
        // The dev server has no CSP: the same script inline, beside its own module script.
        if (!asset) return { html: page, tags: [{ tag: "script", children: script, injectTo: "head" as const }] };
        // Built, the script takes the entry's place, before the other files: the page's first
        // paint waits for it (it marks the frame to show), so it must not queue behind the
        // JavaScript and the font on the browser's few connections.
        const entry = ENTRY_SCRIPT.exec(page);
        if (!entry) throw new Error('first paint: no <script type="module"> of the entry in the built index.html');
        const tags = `<script src="/${asset.fileName}"></script>\n    <link rel="modulepreload" crossorigin href="${entry[1]}" ${APP_ENTRY_ATTRIBUTE}>`;
        return page.replace(entry[0], tags);
      },
    },
  };
}
