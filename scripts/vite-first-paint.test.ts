// @vitest-environment jsdom
import fs from "node:fs";
import path from "node:path";
import type { IndexHtmlTransformContext, Plugin } from "vite";
import { afterEach, describe, expect, it, vi } from "vitest";
import { detectLanguage, LANGUAGE_STORAGE_KEY as I18N_STORAGE_KEY, LANGUAGES } from "../src/lib/i18n";
import { EARLY_FETCHES, INITIAL_NAMESPACES, SIGNED_IN_NOTE } from "../src/lib/early-fetch";
import { NAV_SECTIONS } from "../src/lib/nav-sections";
import {
  AUDIT_LOG_PATH,
  CALL_PARK_EXTENSIONS_PATH,
  CALL_PARK_HEALTH_PATH,
  CALL_PARKS_PATH,
  callParkPath,
  FEATURES_PATH,
  LOCATIONS_PATH,
  SIGN_IN_PATH,
  TASKS_PATH,
} from "../src/lib/paths";
import { SCREEN_NAMESPACES } from "../src/lib/screen-namespaces";
import { applyTheme, storedTheme, THEME_CLASSES, THEME_STORAGE_KEY } from "../src/lib/theme";
import { INITIAL_NAMESPACES as I18N_NAMESPACES } from "../src/lib/i18n";
import {
  APP_ENTRY_ATTRIBUTE,
  applyFirstTheme,
  chooseFirstPaint,
  FRAME_ATTRIBUTE,
  FRAME_ICON_SIZES,
  FRAMED_SCREENS,
  framedPage,
  firstPaint,
  HELD_FILES_ATTRIBUTE,
  LANGUAGE_STORAGE_KEY,
  startApp,
  startEarlyFetches,
  translator,
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
  const choose = () => chooseFirstPaint(languages, LANGUAGE_STORAGE_KEY, FRAME_ATTRIBUTE);

  it("picks the language as i18n does: the remembered one, else a browser language it has as it is, else by its language part", () => {
    expect(LANGUAGE_STORAGE_KEY).toBe(I18N_STORAGE_KEY);
    browser(["de-DE", "en-US", "pt-BR"]);
    expect([choose(), detectLanguage()]).toEqual(["pt-BR", "pt-BR"]);
    browser(["pt-PT", "en-GB"]);
    expect([choose(), detectLanguage()]).toEqual(["pt-BR", "pt-BR"]);
    browser(["de-DE", "en-GB"]);
    expect([choose(), detectLanguage()]).toEqual(["en", "en"]);
    browser(["ja-JP"]);
    vi.spyOn(navigator, "language", "get").mockReturnValue("ja-JP");
    expect([choose(), detectLanguage()]).toEqual(["en", "en"]);
    localStorage.setItem(LANGUAGE_STORAGE_KEY, "en");
    browser(["pt-BR"]);
    expect([choose(), detectLanguage()]).toEqual(["en", "en"]);
  });

  it("marks a framed page (its <html> says so) with the language whose frame to show, and no other page", () => {
    browser(["pt-BR"]);
    choose();
    expect(document.documentElement.getAttribute("data-first-paint")).toBeNull();
    document.documentElement.setAttribute(FRAME_ATTRIBUTE, "");
    choose();
    expect(document.documentElement.getAttribute("data-first-paint")).toBe("pt-BR");
    document.documentElement.removeAttribute(FRAME_ATTRIBUTE);
  });
});

describe("the first paint's theme", () => {
  const system = (dark: boolean) =>
    vi.spyOn(window, "matchMedia").mockImplementation((query) => ({ matches: dark && query === "(prefers-color-scheme: dark)" }) as MediaQueryList);
  const themeOfHtml = () => {
    const root = document.documentElement;
    return { classes: [...root.classList], theme: root.dataset.theme, colorScheme: root.style.colorScheme };
  };
  const reset = () => {
    document.documentElement.className = "";
    delete document.documentElement.dataset.theme;
    document.documentElement.style.colorScheme = "";
  };
  afterEach(reset);

  it.each([
    ["remembered dark", "dark", false],
    ["remembered light", "light", true],
    ["none remembered, a dark system", null, true],
    ["none remembered, a light system", null, false],
  ])("is the one the app sets (%s)", (_label, saved, dark) => {
    window.matchMedia ??= (() => ({ matches: false })) as unknown as typeof window.matchMedia;
    system(dark);
    if (saved) localStorage.setItem(THEME_STORAGE_KEY, saved);
    applyTheme(storedTheme());
    const app = themeOfHtml();
    reset();
    applyFirstTheme(THEME_STORAGE_KEY, THEME_CLASSES);
    expect(themeOfHtml()).toEqual(app);
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

describe("the frames", () => {
  const parse = (html: string) => new DOMParser().parseFromString(html, "text/html").body.firstElementChild as HTMLElement;
  const frameOf = (screenPath: string, language: string) =>
    parse(FRAMED_SCREENS.find((s) => s.path === screenPath)!.frame(translator(localesDir, language), language));

  it("draw sign-in in each language from the translations", () => {
    const en = frameOf(SIGN_IN_PATH, "en");
    expect([...en.classList]).toEqual(expect.arrayContaining(["sign-in-page", "first-paint"]));
    expect(en.dataset.firstPaint).toBe("sign-in");
    expect(en.lang).toBe("en");
    expect(en.hasAttribute("inert")).toBe(true);
    expect(en.querySelector("h1")?.textContent).toBe("Sign in");
    expect(en.querySelector(".brand-name")?.textContent).toBe("Call Park Admin");
    expect(frameOf(SIGN_IN_PATH, "pt-BR").querySelector("h1")?.textContent).toBe("Entrar");
  });

  it("draw Features and the call park extension list inside the shell, its navigation's section current", () => {
    const features = frameOf(FEATURES_PATH, "pt-BR");
    expect([...features.classList]).toEqual(expect.arrayContaining(["shell", "first-paint"]));
    expect(features.dataset.firstPaint).toBe("shell");
    expect(features.lang).toBe("pt-BR");
    // A picture until the app comes: its links take no focus and no click.
    expect(features.hasAttribute("inert")).toBe(true);
    expect(features.querySelector(".top-bar .brand-name")?.textContent).toBe("Call Park Admin");
    const links = [...features.querySelectorAll<HTMLAnchorElement>(".side-nav a")];
    expect(links.map((a) => a.getAttribute("href"))).toEqual(NAV_SECTIONS.flatMap((s) => s.links.map((l) => l.to)));
    expect(links.filter((a) => a.getAttribute("aria-current") === "page").map((a) => a.textContent)).toEqual(["Chamadas"]);
    expect(features.querySelector("main")?.getAttribute("aria-busy")).toBe("true");
    expect(features.querySelector("main h1")?.textContent).toBe("Recursos");
    expect([...features.querySelectorAll(".feature-card-description")].map((p) => p.textContent)).toEqual([
      "Ramais reservados para estacionar chamadas. Qualquer pessoa da organização recupera uma chamada estacionada discando *88 e o ramal.",
      expect.stringContaining("#58"),
    ]);
    // Every other screen at a fixed address (each with its own namespaces, which the frame's words come from).
    expect(FRAMED_SCREENS.map((screen) => screen.path).filter((address) => address !== SIGN_IN_PATH)).toEqual(Object.keys(SCREEN_NAMESPACES));
    const locations = frameOf(LOCATIONS_PATH, "en");
    expect(locations.querySelector("main h1")?.textContent).toBe("Locations");
    expect(locations.querySelector(".back-link")).toBeNull();
    expect([...locations.querySelectorAll('.side-nav a[aria-current="page"]')].map((a) => a.textContent)).toEqual(["Locations"]);
    const list = frameOf(CALL_PARK_EXTENSIONS_PATH, "en");
    expect(list.querySelector(".back-link")?.getAttribute("href")).toBe(FEATURES_PATH);
    expect(list.querySelector("main h1")?.textContent).toBe("Call Park Extensions");
    expect(list.querySelector(".page-description")?.textContent).toBe("Every call park extension of the organization, across locations.");
  });

  it("escape the translations' markup characters", () => {
    expect(translator(localesDir, "en")("features.breadcrumb")).toBe("Services &gt; Calling &gt; Features");
    expect(() => translator(localesDir, "en")("features.noSuchKey")).toThrow(/no string at features.noSuchKey/);
  });

  it("are each shown in its language only by first-paint.css, for every language the app has", () => {
    const css = fs.readFileSync(path.join(root, "src/app/first-paint.css"), "utf8");
    for (const language of languages) {
      expect(css).toContain(`html:not([data-first-paint="${language}"]) .first-paint[lang="${language}"]`);
    }
  });

  it("size their icons' boxes by first-paint.css's classes, with no style attribute (the CSP refuses them)", () => {
    const css = fs.readFileSync(path.join(root, "src/app/first-paint.css"), "utf8");
    for (const size of FRAME_ICON_SIZES) expect(css).toContain(`.first-paint .icon-${size} { width: ${size}px; height: ${size}px; }`);
    for (const screen of FRAMED_SCREENS) {
      const html = screen.frame(translator(localesDir, "en"), "en");
      expect(html).not.toContain("style=");
      for (const [, size] of html.matchAll(/class="icon icon-(\d+)"/g)) expect(FRAME_ICON_SIZES).toContain(Number(size));
    }
  });
});

describe("firstPaint (Vite plugin)", () => {
  type Hook = { handler: (...args: unknown[]) => unknown };
  const plugin = () => firstPaint({ root, languages }) as Plugin & { transformIndexHtml: Hook; generateBundle: Hook };

  it("puts the script, as a file of the build, in <head> of index.html; the entry is modulepreloaded for the script to start", () => {
    const bundle = { "assets/first-paint-abc.js": { type: "asset", names: ["first-paint.js"], fileName: "assets/first-paint-abc.js" } };
    const built = '<head><script type="module" crossorigin src="/assets/index-x1.js"></script></head><body><div id="root"></div></body>';
    const html = plugin().transformIndexHtml.handler(built, { bundle: bundle as unknown as IndexHtmlTransformContext["bundle"] }) as string;
    expect(html).toBe(
      `<head><script src="/assets/first-paint-abc.js"></script>\n    <link rel="modulepreload" crossorigin href="/assets/index-x1.js" ${APP_ENTRY_ATTRIBUTE}></head><body><div id="root"></div></body>`,
    );
    // The dev server keeps its module script, and gets the script inline.
    const dev = plugin().transformIndexHtml.handler('<script type="module" src="/src/main.tsx"></script><div id="root"></div>', {}) as { html: string; tags: unknown[] };
    expect(dev.html).toContain('<script type="module" src="/src/main.tsx"></script>');
    expect(dev.tags).toEqual([{ tag: "script", children: expect.stringContaining("startEarlyFetches"), injectTo: "head" }]);
  });

  it("writes each framed screen's page where the server looks for it, with the frame in every language", () => {
    const emitted: { fileName: string; source: string }[] = [];
    const pageOf = (entry: string) =>
      `<html lang="en"><head>\n    <link rel="modulepreload" crossorigin href="/assets/${entry}-x1.js" ${APP_ENTRY_ATTRIBUTE}>\n</head><body><div id="root"></div></body></html>`;
    const bundle = { "index.html": { type: "asset", source: pageOf("index") }, "sign-in.html": { type: "asset", source: pageOf("sign-in") } };
    plugin().generateBundle.handler.call({ emitFile: (file: { fileName: string; source: string }) => emitted.push(file) }, {}, bundle);
    expect(emitted.map((file) => file.fileName)).toEqual(
      [FEATURES_PATH, CALL_PARK_EXTENSIONS_PATH, CALL_PARKS_PATH, CALL_PARK_HEALTH_PATH, LOCATIONS_PATH, TASKS_PATH, AUDIT_LOG_PATH].map(
        (address) => `signed-in${address}.html`,
      ),
    );
    const parse = (html: string) => new DOMParser().parseFromString(html, "text/html");
    const features = parse(emitted[0].source);
    expect([...features.querySelectorAll("#root > .first-paint")].map((frame) => frame.getAttribute("lang"))).toEqual(languages);
    expect(features.querySelector("#root h1")?.textContent).toBe("Features");
    expect(features.querySelector(`link[${APP_ENTRY_ATTRIBUTE}]`)).toBeNull();
    expect(features.querySelector("template")?.innerHTML).toContain("/assets/index-x1.js");
    // Sign-in's frame goes into its own page, which starts its own entry, not the app's.
    const signIn = parse(bundle["sign-in.html"].source);
    expect([...signIn.querySelectorAll("#root > .first-paint")].map((frame) => frame.getAttribute("lang"))).toEqual(languages);
    expect(signIn.querySelector("#root h1")?.textContent).toBe("Sign in");
    expect(signIn.querySelector("template")?.innerHTML).toContain("/assets/sign-in-x1.js");
    expect(signIn.querySelector("template")?.innerHTML).not.toContain("/assets/index-x1.js");
  });

  it("refuses a build without sign-in's own page", () => {
    const index = `<html><head><link rel="modulepreload" crossorigin href="/assets/index-x1.js" ${APP_ENTRY_ATTRIBUTE}></head><body><div id="root"></div></body></html>`;
    const build = () => plugin().generateBundle.handler.call({ emitFile: () => undefined }, {}, { "index.html": { type: "asset", source: index } });
    expect(build).toThrow(/no sign-in\.html/);
  });
});

describe("a framed page's HTML", () => {
  it("is index.html with the frames in #root, <html> marked, the app's modulepreloads held in a <template>, the stylesheet and font left to load", () => {
    const index = [
      '<html lang="en"><head>',
      '    <script src="/assets/first-paint-a.js"></script>',
      `    <link rel="modulepreload" crossorigin href="/assets/index-x1.js" ${APP_ENTRY_ATTRIBUTE}>`,
      '    <link rel="modulepreload" crossorigin href="/assets/vendor-x2.js">',
      '    <link rel="stylesheet" crossorigin href="/assets/index-x3.css">',
      '    <link rel="preload" href="/assets/Inter-x4.woff2" as="font" type="font/woff2" crossorigin="">',
      '</head><body><div id="root"></div></body></html>',
    ].join("\n");
    const page = new DOMParser().parseFromString(framedPage(index, "<p>frame</p>"), "text/html");
    expect(page.documentElement.hasAttribute(FRAME_ATTRIBUTE)).toBe(true);
    expect(page.documentElement.lang).toBe("en");
    expect(page.getElementById("root")?.innerHTML).toBe("<p>frame</p>");
    const head = page.head;
    expect([...head.querySelectorAll("link")].map((link) => link.getAttribute("rel"))).toEqual(["stylesheet", "preload"]);
    const held = head.querySelector<HTMLTemplateElement>(`template[${HELD_FILES_ATTRIBUTE}]`)!;
    expect([...held.content.querySelectorAll("link")].map((link) => link.getAttribute("href"))).toEqual(["/assets/index-x1.js", "/assets/vendor-x2.js"]);
    expect(held.content.querySelector(`link[${APP_ENTRY_ATTRIBUTE}]`)?.getAttribute("href")).toBe("/assets/index-x1.js");
    expect(() => framedPage("<head></head>", "")).toThrow(/modulepreload/);
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

  it("elsewhere than a framed page, imports the entry at once (the document is parsed)", () => {
    const link = entry();
    const load = vi.fn();
    paintObserver();
    startApp(load, APP_ENTRY_ATTRIBUTE, HELD_FILES_ATTRIBUTE, false);
    expect(load).toHaveBeenCalledExactlyOnceWith(link.href);
  });

  it("on a framed page, imports it once the first contentful paint is reported, and only once", () => {
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

  it("on a framed page, a page no one sees starts at once, or as soon as it is hidden before its first paint; without paint timing, at once", () => {
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

  it("on a framed page's HTML, puts the held files in <head> first, then imports the entry", () => {
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
