// @vitest-environment jsdom
import path from "node:path";
import type { IndexHtmlTransformContext, Plugin } from "vite";
import { afterEach, describe, expect, it, vi } from "vitest";
import { LANGUAGE_STORAGE_KEY as I18N_STORAGE_KEY, LANGUAGES } from "../src/lib/i18n";
import { EARLY_FETCHES, INITIAL_NAMESPACES, SIGNED_IN_NOTE } from "../src/lib/early-fetch";
import { CALL_PARKS_PATH, callParkPath, FEATURES_PATH } from "../src/lib/paths";
import { SCREEN_NAMESPACES } from "../src/lib/screen-namespaces";
import { INITIAL_NAMESPACES as I18N_NAMESPACES } from "../src/lib/i18n";
import {
  APP_ENTRY_ATTRIBUTE,
  chooseFirstPaint,
  firstPaint,
  HELD_FILES_ATTRIBUTE,
  LANGUAGE_STORAGE_KEY,
  signInFrame,
  signInPage,
  startApp,
  startEarlyFetches,
} from "./vite-first-paint";

const root = path.resolve(import.meta.dirname, "..");
const localesDir = path.join(root, "public/locales");
const languages = LANGUAGES.map((l) => l.code);

afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
  document.documentElement.removeAttribute("data-first-paint");
  window.history.replaceState(null, "", "/");
});

describe("the first paint's script", () => {
  const browser = (list: string[]) => vi.spyOn(navigator, "languages", "get").mockReturnValue(list);
  const choose = () => chooseFirstPaint(languages, LANGUAGE_STORAGE_KEY, "/sign-in");

  it("picks the language as i18n does: the remembered one, else a browser language it has as it is, else by its language part", () => {
    expect(LANGUAGE_STORAGE_KEY).toBe(I18N_STORAGE_KEY);
    browser(["de-DE", "en-US", "pt-BR"]);
    expect(choose()).toBe("pt-BR");
    browser(["pt-PT", "en-GB"]);
    expect(choose()).toBe("pt-BR");
    browser(["de-DE", "en-GB"]);
    expect(choose()).toBe("en");
    browser(["ja-JP"]);
    vi.spyOn(navigator, "language", "get").mockReturnValue("ja-JP");
    expect(choose()).toBe("en");
    localStorage.setItem(LANGUAGE_STORAGE_KEY, "en");
    browser(["pt-BR"]);
    expect(choose()).toBe("en");
  });

  it("marks the page for the sign-in frame on the sign-in address only", () => {
    browser(["pt-BR"]);
    choose();
    expect(document.documentElement.getAttribute("data-first-paint")).toBeNull();
    window.history.replaceState(null, "", "/sign-in?next=%2Fservices");
    choose();
    expect(document.documentElement.getAttribute("data-first-paint")).toBe("sign-in-pt-BR");
  });
});

describe("the requests the script starts early", () => {
  const early = () => (window as unknown as Record<string, Record<string, Promise<Response>>>)[EARLY_FETCHES];
  const start = (language: string) =>
    startEarlyFetches(language, INITIAL_NAMESPACES, SCREEN_NAMESPACES, "/v1/session", "/sign-in", SIGNED_IN_NOTE, EARLY_FETCHES);
  afterEach(() => {
    delete (window as unknown as Record<string, unknown>)[EARLY_FETCHES];
  });

  it("asks for the chosen language's shared translation files, as i18n would, and leaves them for the app", () => {
    const fetch = vi.spyOn(globalThis, "fetch").mockImplementation(() => Promise.resolve(Response.json({})));
    window.history.replaceState(null, "", "/sign-in");
    start("pt-BR");
    expect(I18N_NAMESPACES).toEqual(INITIAL_NAMESPACES);
    const urls = INITIAL_NAMESPACES.map((ns) => `/locales/pt-BR/${ns}.json`);
    expect(fetch.mock.calls.map(([url]) => url)).toEqual(urls);
    expect(Object.keys(early())).toEqual(urls);
  });

  it("on a screen's address, asks for that screen's files too, as the router does", () => {
    const fetch = vi.spyOn(globalThis, "fetch").mockImplementation(() => Promise.resolve(Response.json({})));
    window.history.replaceState(null, "", `${FEATURES_PATH}?x=1`);
    start("en");
    const urls = fetch.mock.calls.map(([url]) => url);
    expect(urls).toEqual([...INITIAL_NAMESPACES, "callParkExtensions", "callParkGroups"].map((ns) => `/locales/en/${ns}.json`).concat("/v1/session"));
    // An address without a fixed screen (a group's panel) gets the shared ones; its screen loads its own.
    fetch.mockClear();
    window.history.replaceState(null, "", callParkPath("loc", "cp"));
    start("en");
    expect(fetch.mock.calls.map(([url]) => url).filter((url) => String(url).startsWith("/locales"))).toHaveLength(INITIAL_NAMESPACES.length);
  });

  it("elsewhere than sign-in, always asks for the session: the screen asks for it first thing, signed in or not", () => {
    const fetch = vi.spyOn(globalThis, "fetch").mockImplementation(() => Promise.resolve(Response.json({})));
    window.history.replaceState(null, "", CALL_PARKS_PATH);
    start("pt-BR");
    expect(localStorage.getItem(SIGNED_IN_NOTE)).toBeNull();
    expect(early()["/v1/session"]).toBeDefined();
    expect(fetch).toHaveBeenCalledWith("/v1/session", { headers: { accept: "application/json", "accept-language": "pt-BR" } });
  });

  it("on sign-in, asks for the session only when this browser noted holding one (or cannot tell), in the chosen language", () => {
    const fetch = vi.spyOn(globalThis, "fetch").mockImplementation(() => Promise.resolve(Response.json({})));
    window.history.replaceState(null, "", "/sign-in");
    start("en");
    expect(early()["/v1/session"]).toBeUndefined();

    localStorage.setItem(SIGNED_IN_NOTE, "1");
    start("en");
    expect(early()["/v1/session"]).toBeDefined();
    expect(fetch).toHaveBeenLastCalledWith("/v1/session", { headers: { accept: "application/json", "accept-language": "en" } });

    localStorage.clear();
    vi.spyOn(Storage.prototype, "getItem").mockImplementation(() => {
      throw new Error("storage refused");
    });
    start("en");
    expect(early()["/v1/session"]).toBeDefined();
  });
});

describe("firstPaint (Vite plugin)", () => {
  it("writes the sign-in frame in each language from the translations", () => {
    const en = signInFrame(localesDir, "en");
    expect(en).toContain('data-first-paint="sign-in-en" lang="en"');
    expect(en).toContain("<h1>Sign in</h1>");
    expect(en).toContain('<span class="brand-name">Call Park Admin</span>');
    expect(signInFrame(localesDir, "pt-BR")).toContain("<h1>Entrar</h1>");
  });

  it("puts the frames in #root and the script, as a file of the build, in <head>; the entry is modulepreloaded for the script to start", () => {
    const plugin = firstPaint({ root, languages }) as Plugin & {
      transformIndexHtml: { handler: (html: string, ctx: Partial<IndexHtmlTransformContext>) => string | { html: string; tags: unknown[] } };
    };
    const bundle = { "assets/first-paint-abc.js": { type: "asset", names: ["first-paint.js"], fileName: "assets/first-paint-abc.js" } };
    const built = '<head><script type="module" crossorigin src="/assets/index-x1.js"></script></head><body><div id="root"></div></body>';
    const html = plugin.transformIndexHtml.handler(built, { bundle: bundle as unknown as IndexHtmlTransformContext["bundle"] }) as string;
    expect(html).toContain(`<div id="root">${signInFrame(localesDir, "en")}${signInFrame(localesDir, "pt-BR")}</div>`);
    expect(html).toContain(
      `<head><script src="/assets/first-paint-abc.js"></script>\n    <link rel="modulepreload" crossorigin href="/assets/index-x1.js" ${APP_ENTRY_ATTRIBUTE}></head>`,
    );
    expect(html).not.toContain('type="module"');
    // The dev server keeps its module script, and gets the script inline.
    const dev = plugin.transformIndexHtml.handler('<script type="module" src="/src/main.tsx"></script><div id="root"></div>', {}) as { html: string; tags: unknown[] };
    expect(dev.html).toContain('<script type="module" src="/src/main.tsx"></script>');
    expect(dev.tags).toEqual([{ tag: "script", children: expect.stringContaining("startEarlyFetches"), injectTo: "head" }]);
  });
});

describe("the sign-in page's HTML", () => {
  it("is index.html with the app's modulepreloads held in a <template>, the stylesheet and font left to load", () => {
    const index = [
      "<head>",
      '    <script src="/assets/first-paint-a.js"></script>',
      `    <link rel="modulepreload" crossorigin href="/assets/index-x1.js" ${APP_ENTRY_ATTRIBUTE}>`,
      '    <link rel="modulepreload" crossorigin href="/assets/vendor-x2.js">',
      '    <link rel="stylesheet" crossorigin href="/assets/index-x3.css">',
      '    <link rel="preload" href="/assets/Inter-x4.woff2" as="font" type="font/woff2" crossorigin="">',
      "</head>",
    ].join("\n");
    const page = signInPage(index);
    const head = new DOMParser().parseFromString(page, "text/html").head;
    expect([...head.querySelectorAll("link")].map((link) => link.getAttribute("rel"))).toEqual(["stylesheet", "preload"]);
    const held = head.querySelector<HTMLTemplateElement>(`template[${HELD_FILES_ATTRIBUTE}]`)!;
    expect([...held.content.querySelectorAll("link")].map((link) => link.getAttribute("href"))).toEqual(["/assets/index-x1.js", "/assets/vendor-x2.js"]);
    expect(held.content.querySelector(`link[${APP_ENTRY_ATTRIBUTE}]`)?.getAttribute("href")).toBe("/assets/index-x1.js");
    expect(() => signInPage("<head></head>")).toThrow(/modulepreload/);
  });
});

describe("starting the app", () => {
  const entry = () => {
    const link = document.createElement("link");
    link.rel = "modulepreload";
    link.href = "data:text/javascript,";
    link.setAttribute(APP_ENTRY_ATTRIBUTE, "");
    document.head.append(link);
    return link;
  };
  afterEach(() => {
    document.head.querySelectorAll("link, template").forEach((element) => element.remove());
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  /** A PerformanceObserver that reports what the test says, when it says. */
  function paintObserver() {
    const observers: ((names: string[]) => void)[] = [];
    class FakeObserver {
      static supportedEntryTypes = ["paint"];
      constructor(private readonly callback: PerformanceObserverCallback) {}
      observe() {
        observers.push((names) =>
          this.callback({ getEntriesByName: (name: string) => (names.includes(name) ? [{ name }] : []) } as unknown as PerformanceObserverEntryList, this as never),
        );
      }
      disconnect() {
        observers.length = 0;
      }
    }
    vi.stubGlobal("PerformanceObserver", FakeObserver);
    return (...names: string[]) => [...observers].forEach((report) => report(names));
  }

  it("elsewhere than sign-in, imports the entry at once (the document is parsed)", () => {
    const link = entry();
    const load = vi.fn();
    paintObserver();
    startApp(load, APP_ENTRY_ATTRIBUTE, HELD_FILES_ATTRIBUTE, false);
    expect(load).toHaveBeenCalledExactlyOnceWith(link.href);
  });

  it("on sign-in, imports it once the first contentful paint is reported, and only once", () => {
    vi.useFakeTimers();
    const link = entry();
    const load = vi.fn();
    const paint = paintObserver();
    startApp(load, APP_ENTRY_ATTRIBUTE, HELD_FILES_ATTRIBUTE, true);
    paint("first-paint");
    vi.advanceTimersByTime(10);
    expect(load).not.toHaveBeenCalled();
    paint("first-contentful-paint");
    expect(load).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(load).toHaveBeenCalledExactlyOnceWith(link.href);
    vi.advanceTimersByTime(2000);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("on sign-in, a page no one sees starts at once, or as soon as it is hidden before its first paint; without paint timing, at once", () => {
    entry();
    const load = vi.fn();
    paintObserver();
    const visibility = vi.spyOn(document, "visibilityState", "get").mockReturnValue("hidden");
    startApp(load, APP_ENTRY_ATTRIBUTE, HELD_FILES_ATTRIBUTE, true);
    expect(load).toHaveBeenCalledTimes(1);

    visibility.mockReturnValue("visible");
    startApp(load, APP_ENTRY_ATTRIBUTE, HELD_FILES_ATTRIBUTE, true);
    document.dispatchEvent(new Event("visibilitychange"));
    expect(load).toHaveBeenCalledTimes(1);
    visibility.mockReturnValue("hidden");
    document.dispatchEvent(new Event("visibilitychange"));
    expect(load).toHaveBeenCalledTimes(2);

    vi.stubGlobal("PerformanceObserver", undefined);
    visibility.mockReturnValue("visible");
    startApp(load, APP_ENTRY_ATTRIBUTE, HELD_FILES_ATTRIBUTE, true);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it("on the sign-in page's HTML, puts the held files in <head> first, then imports the entry", () => {
    const held = document.createElement("template");
    held.setAttribute(HELD_FILES_ATTRIBUTE, "");
    held.innerHTML = `<link rel="modulepreload" href="/assets/index-x1.js" ${APP_ENTRY_ATTRIBUTE}><link rel="modulepreload" href="/assets/vendor-x2.js">`;
    document.head.append(held);
    expect(document.querySelectorAll("link[rel=modulepreload]")).toHaveLength(0);
    const load = vi.fn();
    startApp(load, APP_ENTRY_ATTRIBUTE, HELD_FILES_ATTRIBUTE, false);
    expect([...document.head.querySelectorAll<HTMLLinkElement>("link[rel=modulepreload]")].map((link) => new URL(link.href).pathname)).toEqual([
      "/assets/index-x1.js",
      "/assets/vendor-x2.js",
    ]);
    expect(document.querySelector(`template[${HELD_FILES_ATTRIBUTE}]`)).toBeNull();
    expect(load).toHaveBeenCalledExactlyOnceWith(new URL("/assets/index-x1.js", location.href).href);
  });

  it("does nothing without the entry's link (the dev server's module script starts the app)", () => {
    const load = vi.fn();
    startApp(load, APP_ENTRY_ATTRIBUTE, HELD_FILES_ATTRIBUTE, false);
    expect(load).not.toHaveBeenCalled();
  });
});
