import fs from "node:fs";
import path from "node:path";
import type { Plugin } from "vite";
import { api } from "../domain/api/addresses.js";
import { API_BASE } from "../domain/api/endpoint.js";
import { EARLY_FETCHES, INITIAL_NAMESPACES, SIGNED_IN_NOTE } from "../src/lib/early-fetch.js";
import { SIGN_IN_PATH } from "../src/lib/paths.js";

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
// On every address it then starts the requests each screen begins with (startEarlyFetches).

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
 * (the language's shared translation files; the session when this browser noted holding one),
 * made now, beside the app's code, and left in `window[globalName]` for the app to take
 * (src/lib/early-fetch.ts). The same requests the app would make, with the same headers.
 */
export function startEarlyFetches(language: string, namespaces: readonly string[], sessionUrl: string, signedInNote: string, globalName: string) {
  const early: Record<string, Promise<Response>> = {};
  for (const namespace of namespaces) {
    const url = `/locales/${language}/${namespace}.json`;
    early[url] = fetch(url, { headers: { accept: "application/json" } });
  }
  let noted = "1";
  try {
    noted = localStorage.getItem(signedInNote) ?? "";
  } catch {
    // Storage refused: the app then asks for the session too (lib/session.ts).
  }
  if (noted === "1") early[sessionUrl] = fetch(sessionUrl, { headers: { accept: "application/json", "accept-language": language } });
  // A failure is the app's to handle when it takes the response; none is left unhandled here.
  for (const response of Object.values(early)) response.catch(() => undefined);
  (window as unknown as Record<string, unknown>)[globalName] = early;
}

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
  const early = [INITIAL_NAMESPACES, API_BASE + api.session.get.path, SIGNED_IN_NOTE, EARLY_FETCHES].map((value) => JSON.stringify(value));
  const script = `(${startEarlyFetches.toString()})(${chosen}, ${early.join(", ")});\n`;
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
    transformIndexHtml: {
      order: "post",
      handler(html, { bundle }) {
        const frames = languages.map((language) => signInFrame(localesDir, language)).join("");
        const asset = bundle && Object.values(bundle).find((file) => file.type === "asset" && file.names.includes(SCRIPT_NAME));
        // The dev server has no CSP: the same script inline.
        const tag = asset
          ? { tag: "script", attrs: { src: `/${asset.fileName}` }, injectTo: "head" as const }
          : { tag: "script", children: script, injectTo: "head" as const };
        return { html: html.replace('<div id="root"></div>', `<div id="root">${frames}</div>`), tags: [tag] };
      },
    },
  };
}
