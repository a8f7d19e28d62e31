// @vitest-environment jsdom
import path from "node:path";
import type { IndexHtmlTransformContext, Plugin } from "vite";
import { afterEach, describe, expect, it, vi } from "vitest";
import { LANGUAGE_STORAGE_KEY as I18N_STORAGE_KEY, LANGUAGES } from "../src/lib/i18n";
import { EARLY_FETCHES, INITIAL_NAMESPACES, SIGNED_IN_NOTE } from "../src/lib/early-fetch";
import { INITIAL_NAMESPACES as I18N_NAMESPACES } from "../src/lib/i18n";
import { chooseFirstPaint, firstPaint, LANGUAGE_STORAGE_KEY, signInFrame, startEarlyFetches } from "./vite-first-paint";

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
  const start = (language: string) => startEarlyFetches(language, INITIAL_NAMESPACES, "/v1/session", SIGNED_IN_NOTE, EARLY_FETCHES);
  afterEach(() => {
    delete (window as unknown as Record<string, unknown>)[EARLY_FETCHES];
  });

  it("asks for the chosen language's shared translation files, as i18n would, and leaves them for the app", () => {
    const fetch = vi.spyOn(globalThis, "fetch").mockImplementation(() => Promise.resolve(Response.json({})));
    start("pt-BR");
    expect(I18N_NAMESPACES).toEqual(INITIAL_NAMESPACES);
    const urls = INITIAL_NAMESPACES.map((ns) => `/locales/pt-BR/${ns}.json`);
    expect(fetch.mock.calls.map(([url]) => url)).toEqual(urls);
    expect(Object.keys(early())).toEqual(urls);
  });

  it("asks for the session only when this browser noted holding one (or cannot tell), in the chosen language", () => {
    const fetch = vi.spyOn(globalThis, "fetch").mockImplementation(() => Promise.resolve(Response.json({})));
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

  it("puts the frames in #root and the script, as a file of the build, in <head>", () => {
    const plugin = firstPaint({ root, languages }) as Plugin & {
      transformIndexHtml: { handler: (html: string, ctx: Partial<IndexHtmlTransformContext>) => { html: string; tags: unknown[] } };
    };
    const bundle = { "assets/first-paint-abc.js": { type: "asset", names: ["first-paint.js"], fileName: "assets/first-paint-abc.js" } };
    const { html, tags } = plugin.transformIndexHtml.handler('<body><div id="root"></div></body>', {
      bundle: bundle as unknown as IndexHtmlTransformContext["bundle"],
    });
    expect(html).toContain(`<div id="root">${signInFrame(localesDir, "en")}${signInFrame(localesDir, "pt-BR")}</div>`);
    expect(tags).toEqual([{ tag: "script", attrs: { src: "/assets/first-paint-abc.js" }, injectTo: "head" }]);
  });
});
