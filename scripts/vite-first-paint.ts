import fs from "node:fs";
import path from "node:path";
import type { Plugin } from "vite";
import { api } from "../domain/api/addresses.js";
import { API_BASE } from "../domain/api/endpoint.js";
import { EARLY_FETCHES, INITIAL_NAMESPACES, SIGNED_IN_NOTE } from "../src/lib/early-fetch.js";
import { pageFileOf } from "../server/http/built-pages.js";
import { NAV_ICON_SIZE, NAV_SECTIONS } from "../src/lib/nav-sections.js";
import {
  AUDIT_LOG_PATH,
  CALL_PARK_EXTENSIONS_PATH,
  CALL_PARK_HEALTH_PATH,
  CALL_PARKS_PATH,
  FEATURES_PATH,
  LOCATIONS_PATH,
  SIGN_IN_PATH,
  TASKS_PATH,
} from "../src/lib/paths.js";
import { SCREEN_NAMESPACES } from "../src/lib/screen-namespaces.js";
import { THEME_CLASSES, THEME_STORAGE_KEY } from "../src/lib/theme.js";

// A screen's frame and words in its HTML, so that a first visit paints the page's heading and
// description as soon as the HTML and CSS arrive, not after the JavaScript has loaded, run,
// and fetched the language's files (Lighthouse's LCP was that text, seconds later than a bare
// page). It is what the user sees next: the same elements with the same classes and words,
// which the SPA then replaces (the route's loading state keeps the copy in place until the
// page itself renders, so nothing blinks or moves). The screens at a fixed address have one
// (FRAMED_SCREENS): sign-in, and, for a request that carries a session, Features and the lists
// (the shell around their heading and words).
//
// The build writes each one's HTML (framedPage) beside index.html (sign-in's into its own page,
// sign-in.html, an entry of its own); the server sends it for that address
// (server/http/built-pages.ts). It holds the frame once per language; a small
// external script (the server's CSP allows no inline script) picks the language as i18n will
// (the remembered choice, else the browser's languages) and marks <html> so CSS shows that one.
// On every address it then starts the requests each screen begins with (startEarlyFetches),
// and last the app's code (startApp): on a framed page, only once the frame is on screen.

/** i18n's (src/lib/i18n.ts; the test holds them equal), not imported: the script below runs on its own, before any module. */
export const LANGUAGE_STORAGE_KEY = "callParkAdmin.language";
const SCRIPT_NAME = "first-paint.js";

/** What the script runs (also run by its test, against i18n's own choice, detectLanguage). `supported` in the app's order. */
export function chooseFirstPaint(supported: readonly string[], storageKey: string, frameAttribute: string) {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(storageKey);
  } catch {
    // Storage refused: the browser's languages decide, as they will for i18n.
  }
  const codes = [stored, ...(navigator.languages ?? []), navigator.language].filter((c): c is string => !!c);
  const lower = supported.map((s) => s.toLowerCase());
  // i18n's order (bestLanguage): any code supported as it is, then any by its language part (pt-PT → pt-BR).
  let language = codes.map((c) => lower.indexOf(c.toLowerCase())).find((i) => i >= 0);
  if (language === undefined) {
    language = codes.map((c) => lower.findIndex((s) => s.split("-")[0] === c.split("-")[0].toLowerCase())).find((i) => i >= 0);
  }
  const chosen = supported[language ?? 0];
  // A framed page: its frame in that language is the one to show (first-paint.css).
  if (document.documentElement.hasAttribute(frameAttribute)) document.documentElement.setAttribute("data-first-paint", chosen);
  return chosen;
}

/**
 * Run by the script first: the theme on <html> as the app will set it (lib/theme.ts: the
 * remembered choice, else the system's), so that a frame paints in its colours, dark or light.
 */
export function applyFirstTheme(storageKey: string, classes: Record<"light" | "dark", string>) {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(storageKey);
  } catch {
    // Storage refused: the system's theme, as the app will find.
  }
  const theme = saved === "light" || saved === "dark" ? saved : window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  const root = document.documentElement;
  root.classList.add(classes[theme]);
  root.dataset.theme = theme;
  root.style.colorScheme = theme;
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
 * they still download from the first moment. On a framed page (its frame in the HTML), the code
 * is requested once that frame is on screen: a script that runs before the first paint delays it
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
    // A framed page's HTML holds the app's files back until now (framedPage).
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

/** The attribute of a framed page's `<template>` of the app's files, which startApp puts in <head>. */
export const HELD_FILES_ATTRIBUTE = "data-app-files";
/** The attribute of a framed page's `<html>`, which tells the script to show a frame. */
export const FRAME_ATTRIBUTE = "data-frame";

const MODULE_PRELOADS = /(?:\s*<link rel="modulepreload" [^>]*>)+/;
const HTML_TAG = /<html( [^>]*)?>/;
const ROOT = '<div id="root"></div>';

/**
 * A framed page's HTML: a built page (index.html, or sign-in's own) with `frames` in #root,
 * <html> marked, and its modulepreloads in an inert <template>, so that its first paint (the frame, its CSS and font)
 * has the connection to itself; startApp requests them once that paint is on screen. The
 * ~150 KB then arrive about as soon (the bandwidth is what a phone lacks, and the paint needs
 * little of it), and the page shows its words first. Every other address keeps index.html:
 * nothing paints before its code, so the code comes first.
 */
export function framedPage(builtHtml: string, frames: string): string {
  const preloads = MODULE_PRELOADS.exec(builtHtml);
  if (!preloads) throw new Error("first paint: no modulepreload links in a built page");
  if (!HTML_TAG.test(builtHtml) || !builtHtml.includes(ROOT)) throw new Error("first paint: no <html> or empty #root in a built page");
  const indent = "\n    ";
  const links = preloads[0].trim().split(/\s*\n\s*/).join(`${indent}  `);
  return builtHtml
    .replace(preloads[0], `${indent}<template ${HELD_FILES_ATTRIBUTE}>${indent}  ${links}${indent}</template>`)
    .replace(HTML_TAG, (tag) => `${tag.slice(0, -1)} ${FRAME_ATTRIBUTE}>`)
    .replace(ROOT, `<div id="root">${frames}</div>`);
}

/** The built index.html's entry `<script type="module">`, which startApp replaces. */
const ENTRY_SCRIPT = /<script type="module" crossorigin src="([^"]+)"><\/script>/;

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

type Words = Record<string, unknown>;
/** A translation, `namespace:key` (common's without a namespace), of one language. */
export type Translate = (key: string) => string;

/** The translations of `language` in the app's locale files, as its frames use them. */
export function translator(localesDir: string, language: string): Translate {
  const namespaces = new Map<string, Words>();
  return (key) => {
    const [namespace, name] = key.includes(":") ? key.split(":") : ["common", key];
    if (!namespaces.has(namespace)) {
      namespaces.set(namespace, JSON.parse(fs.readFileSync(path.join(localesDir, language, `${namespace}.json`), "utf8")) as Words);
    }
    const value = name.split(".").reduce<unknown>((node, part) => (node as Words | undefined)?.[part], namespaces.get(namespace));
    if (typeof value !== "string") throw new Error(`first paint: no string at ${key} (${language})`);
    return escapeHtml(value);
  };
}

/**
 * A frame's outer element's attributes: the frame hidden unless the script chose its language
 * (first-paint.css), and inert: a picture of the screen until the app replaces it, whose links
 * and text neither focus nor a click nor a screen reader reaches (Tab then lands on the app's
 * first control, not on a link about to vanish).
 */
const frameOf = (kind: "sign-in" | "shell", classes: string, language: string) =>
  `class="${classes} first-paint" data-first-paint="${kind}" lang="${language}" inert`;
/** The sizes of the icons a frame draws, each a class of first-paint.css (the CSP allows no style attribute in HTML). */
export const FRAME_ICON_SIZES = [16, NAV_ICON_SIZE] as const;
/** An icon's box (components/icon.tsx) without its drawing, so that the words beside it sit where they will. */
const iconBox = (size: (typeof FRAME_ICON_SIZES)[number]) => `<span class="icon icon-${size}" aria-hidden="true"></span>`;

/** The sign-in page's frame (as SignInRoute draws it, without the form and language switch) in one language. */
export function signInFrame(t: Translate, language: string): string {
  return (
    `<div ${frameOf("sign-in", "sign-in-page", language)}>` +
    `<header class="sign-in-bar"><span class="brand-name">${t("app.name")}</span></header>` +
    `<main class="sign-in-main"><div class="sign-in-card"><h1>${t("auth:signIn.title")}</h1>` +
    `<p class="page-description">${t("auth:signIn.description")}</p></div></main></div>`
  );
}

/**
 * The signed-in shell (app/shell: the top bar's Menu button and product name, the navigation
 * with the link of `path`'s section current) around `main`, in one language. What depends on
 * the administrator or the organisation (its name, the user menu) comes with the app.
 */
export function shellFrame(t: Translate, language: string, path: string, main: string): string {
  const sections = NAV_SECTIONS.map(
    (section) =>
      `<div class="side-nav-section"><h2 class="side-nav-heading">${t(section.heading)}</h2><ul>` +
      section.links
        .map((link) => {
          const current = path === link.to || path.startsWith(`${link.to}/`);
          const attributes = current ? ' aria-current="page" class="side-nav-link active"' : ' class="side-nav-link"';
          return `<li><a${attributes} href="${link.to}">${iconBox(NAV_ICON_SIZE)}${t(link.label)}</a></li>`;
        })
        .join("") +
      "</ul></div>",
  );
  return (
    `<div ${frameOf("shell", "shell", language)}>` +
    `<header class="top-bar"><span class="icon-button nav-toggle" aria-hidden="true"><span class="nav-toggle-bars"></span></span>` +
    `<div class="brand"><span class="brand-name">${t("app.name")}</span></div></header>` +
    `<nav class="side-nav" aria-label="${t("nav.label")}">${sections.join("")}</nav>` +
    // Busy, as the app's own skeleton of the shell says, until the screen is in.
    `<main class="main" aria-busy="true">${main}</main></div>`
  );
}

/** components/page-header.tsx's header. */
function pageHeader({ title, description, back, actions = "" }: { title: string; description: string; back?: { to: string; label: string }; actions?: string }) {
  const backLink = back ? `<a class="back-link" href="${back.to}">${iconBox(16)}${back.label}</a>` : "";
  const actionsBox = actions ? `<div class="page-actions">${actions}</div>` : "";
  return (
    `<header class="page-header">${backLink}<div class="page-header-row">` +
    `<div><h1>${title}</h1><p class="page-description">${description}</p></div>${actionsBox}</div></header>`
  );
}

/** Features (app/routes/features-page.tsx) without what the administrator's role and the counts decide. */
export function featuresMain(t: Translate): string {
  const card = (namespace: string) =>
    `<article class="feature-card"><h2>${t(`${namespace}:card.title`)}</h2><p class="feature-card-description">${t(`${namespace}:card.description`)}</p></article>`;
  return (
    pageHeader({
      title: t("features.title"),
      description: t("features.description"),
      actions: `<a class="btn btn-secondary" href="${CALL_PARK_HEALTH_PATH}">${t("nav.healthCheck")}</a>`,
    }) +
    `<p class="breadcrumb">${t("features.breadcrumb")}</p>` +
    `<section class="feature-grid" aria-label="${t("features.cards")}">${card("callParkExtensions")}${card("callParkGroups")}</section>`
  );
}

/**
 * The screens of a list at a fixed address, each as its route draws its header (title,
 * description, and the way back to Features where it has one), without the actions a role decides.
 */
const LIST_SCREENS: readonly { path: string; title: string; description: string; backToFeatures?: boolean }[] = [
  { path: CALL_PARK_EXTENSIONS_PATH, title: "callParkExtensions:list.title", description: "callParkExtensions:list.description", backToFeatures: true },
  { path: CALL_PARKS_PATH, title: "callParkGroups:list.title", description: "callParkGroups:list.description", backToFeatures: true },
  { path: CALL_PARK_HEALTH_PATH, title: "callParkHealth:title", description: "callParkHealth:description", backToFeatures: true },
  { path: LOCATIONS_PATH, title: "locations:title", description: "locations:description" },
  { path: TASKS_PATH, title: "tasks:title", description: "tasks:description" },
  { path: AUDIT_LOG_PATH, title: "auditLog:title", description: "auditLog:description" },
];

/** The built page of the app's screens (src/main.tsx). */
export const APP_PAGE = "index.html";
/** The built page of sign-in, an entry of its own (src/sign-in.tsx): the frame goes into it. */
export const SIGN_IN_PAGE = "sign-in.html";

/**
 * The screens whose HTML paints their frame: an address, whether it needs a session (the
 * shell), the built page whose entry draws it, and the frame in one language.
 */
export const FRAMED_SCREENS: readonly { path: string; signedIn: boolean; page: string; frame: (t: Translate, language: string) => string }[] = [
  { path: SIGN_IN_PATH, signedIn: false, page: SIGN_IN_PAGE, frame: signInFrame },
  { path: FEATURES_PATH, signedIn: true, page: APP_PAGE, frame: (t, language) => shellFrame(t, language, FEATURES_PATH, featuresMain(t)) },
  ...LIST_SCREENS.map(({ path, title, description, backToFeatures }) => ({
    path,
    signedIn: true,
    page: APP_PAGE,
    frame: (t: Translate, language: string) =>
      shellFrame(
        t,
        language,
        path,
        pageHeader({ title: t(title), description: t(description), back: backToFeatures ? { to: FEATURES_PATH, label: t("nav.features") } : undefined }),
      ),
  })),
];

export function firstPaint({ root, languages }: { root: string; languages: readonly string[] }): Plugin {
  const localesDir = path.join(root, "public/locales");
  const chosen = `(${chooseFirstPaint.toString()})(${JSON.stringify(languages)}, ${JSON.stringify(LANGUAGE_STORAGE_KEY)}, ${JSON.stringify(FRAME_ATTRIBUTE)})`;
  const early = [INITIAL_NAMESPACES, SCREEN_NAMESPACES, API_BASE + api.session.get.path, SIGN_IN_PATH, SIGNED_IN_NOTE, EARLY_FETCHES].map((value) =>
    JSON.stringify(value),
  );
  const started = `(${startApp.toString()})((url) => import(url), ${JSON.stringify(APP_ENTRY_ATTRIBUTE)}, ${JSON.stringify(HELD_FILES_ATTRIBUTE)}, document.documentElement.hasAttribute("data-first-paint"));`;
  const theme = `(${applyFirstTheme.toString()})(${JSON.stringify(THEME_STORAGE_KEY)}, ${JSON.stringify(THEME_CLASSES)});`;
  const script = `${theme}\n(${startEarlyFetches.toString()})(${chosen}, ${early.join(", ")});\n${started}\n`;
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
      // After Vite has written the HTML pages.
      order: "post",
      handler(_options, bundle) {
        const app = bundle[APP_PAGE];
        if (app?.type !== "asset") return;
        const translators = languages.map((language) => ({ language, t: translator(localesDir, language) }));
        for (const screen of FRAMED_SCREENS) {
          const page = bundle[screen.page];
          if (page?.type !== "asset") throw new Error(`first paint: the build wrote no ${screen.page}`);
          const frames = translators.map(({ language, t }) => screen.frame(t, language)).join("");
          const source = framedPage(String(page.source), frames);
          const fileName = pageFileOf(screen.path, screen.signedIn);
          // Sign-in's own page takes its frame in place; the app's screens each get a copy of index.html.
          if (fileName === screen.page) page.source = source;
          else this.emitFile({ type: "asset", fileName, source });
        }
      },
    },
    transformIndexHtml: {
      order: "post",
      handler(html, { bundle }) {
        const asset = bundle && Object.values(bundle).find((file) => file.type === "asset" && file.names.includes(SCRIPT_NAME));
        // The dev server has no CSP: the same script inline, beside its own module script.
        if (!asset) return { html, tags: [{ tag: "script", children: script, injectTo: "head" as const }] };
        // Built, the script takes the entry's place, before the other files: the page's first
        // paint waits for it (it marks the frame to show), so it must not queue behind the
        // JavaScript and the font on the browser's few connections.
        const entry = ENTRY_SCRIPT.exec(html);
        if (!entry) throw new Error('first paint: no <script type="module"> of the entry in the built index.html');
        const tags = `<script src="/${asset.fileName}"></script>\n    <link rel="modulepreload" crossorigin href="${entry[1]}" ${APP_ENTRY_ATTRIBUTE}>`;
        return html.replace(entry[0], tags);
      },
    },
  };
}
