import { http, HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { readLocales } from "@/test/locales";
import { recordRequests, server } from "@/test/server";
import { i18n, initI18n, LANGUAGE_STORAGE_KEY, loadNamespaces } from "./i18n";

// The app's own i18n set-up as the browser runs it: the language files fetched from
// /locales (MSW serves public/locales), the language remembered or taken from the browser.

const locales = readLocales();
const asked = new Map<string, number>();

beforeEach(() => {
  asked.clear();
  server.use(
    http.get("*/locales/:language/:file", ({ params }) => {
      const file = `${String(params.language)}/${String(params.file)}`;
      asked.set(file, (asked.get(file) ?? 0) + 1);
      if (file === "en/flaky.json" && asked.get(file) === 1) return new HttpResponse(null, { status: 503 });
      if (file === "en/flaky.json") return HttpResponse.json({ word: "back" });
      const namespace = locales[String(params.language)]?.[String(params.file).replace(/\.json$/, "")];
      return namespace ? HttpResponse.json(namespace) : new HttpResponse(null, { status: 404 });
    }),
  );
});

afterEach(() => vi.restoreAllMocks());

describe("initI18n", () => {
  it("starts in the remembered language with its files, and remembers a new choice", async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, "pt-BR");
    const { requests } = recordRequests();
    await initI18n();

    expect(i18n.language).toBe("pt-BR");
    expect(i18n.t("auth:signIn.title")).toBe("Entrar");
    const files = requests.map((r) => new URL(r.url).pathname).filter((p) => p.startsWith("/locales/"));
    expect(files).toEqual(expect.arrayContaining(["/locales/pt-BR/common.json", "/locales/pt-BR/auth.json"]));
    expect(files.filter((p) => p.startsWith("/locales/en/"))).toEqual([]);

    await i18n.changeLanguage("en");
    expect(i18n.t("auth:signIn.title")).toBe("Sign in");
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe("en");
  });

  it("without a remembered choice, takes the browser's first language it has (Portuguese as pt-BR)", async () => {
    await initI18n();
    const detect = () => i18n.services.languageUtils.getBestMatchFromCodes(i18n.services.languageDetector.detect() as string[]);
    vi.spyOn(navigator, "languages", "get").mockReturnValue(["pt-PT", "en-GB"]);
    expect(detect()).toBe("pt-BR");
    vi.spyOn(navigator, "languages", "get").mockReturnValue(["de-DE", "en-US"]);
    expect(detect()).toBe("en");
    localStorage.setItem(LANGUAGE_STORAGE_KEY, "en");
    vi.spyOn(navigator, "languages", "get").mockReturnValue(["pt-BR"]);
    expect(detect()).toBe("en");
  });

  it("asks again for a file the server failed to give, but not for one that does not exist", async () => {
    await initI18n();
    await i18n.changeLanguage("en");
    await loadNamespaces(["flaky", "absent"]);

    expect(i18n.t("flaky:word")).toBe("back");
    expect(asked.get("en/flaky.json")).toBe(2);
    expect(asked.get("en/absent.json")).toBe(1);
  });
});
