// @vitest-environment jsdom
import path from "node:path";
import type { IndexHtmlTransformContext, Plugin } from "vite";
import { afterEach, describe, expect, it, vi } from "vitest";
import { LANGUAGE_STORAGE_KEY as I18N_STORAGE_KEY, LANGUAGES } from "../src/lib/i18n";
import { chooseFirstPaint, firstPaint, LANGUAGE_STORAGE_KEY, signInFrame } from "./vite-first-paint";

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
