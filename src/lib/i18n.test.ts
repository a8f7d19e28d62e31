import { http, HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { readLocales } from "@/test/locales";
import { recordRequests, server } from "@/test/server";
import { detectLanguage, i18n, initI18n, LANGUAGE_STORAGE_KEY, loadNamespaces, Translations } from "./i18n";

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
    const starting = initI18n();
    // The language is known at once: requests made while its files load already name it.
    expect(i18n.language).toBe("pt-BR");
    expect(i18n.hasLoaded(["common"])).toBe(false);
    await starting;

    expect(i18n.hasLoaded(["common", "auth"])).toBe(true);
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
    const detect = detectLanguage;
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

describe("t", () => {
  function translations(language: "en" | "pt-BR" = "pt-BR") {
    const words = new Translations();
    words.addResources("en", "common", { save: "Save", members_one: "{{count}} member", members_other: "{{count}} members", onlyEnglish: "Only in English" });
    words.addResources("en", "groups", { title: "Call parks", save: "Save group" });
    words.addResources("pt-BR", "common", { save: "Salvar", members_zero: "Nenhum membro", members_one: "{{count}} membro", members_other: "{{count}} membros" });
    words.addResources("pt-BR", "groups", { title: "Estacionamentos" });
    return words.changeLanguage(language).then(() => words);
  }

  it("looks in the given namespaces in order, in the reader's language before English, unless the key names its own namespace", async () => {
    const words = await translations();
    expect(words.fixedT(["groups", "common"])("save")).toBe("Salvar");
    expect(words.fixedT(["groups", "common"])("title")).toBe("Estacionamentos");
    expect(words.fixedT(["groups"])("common:save")).toBe("Salvar");
    expect(words.t("groups:title")).toBe("Estacionamentos");
    expect(words.t("save", { ns: "groups" })).toBe("Save group");
  });

  it("picks the count's form in the language, falls back to English, then to the default or the key", async () => {
    const words = await translations();
    expect([0, 1, 2].map((count) => words.t("members", { count }))).toEqual(["Nenhum membro", "1 membro", "2 membros"]);
    expect(words.t("onlyEnglish")).toBe("Only in English");
    expect(words.t("groups:missing.key")).toBe("missing.key");
    expect(words.t("missing", { defaultValue: "As the server said: {{text}}", text: "no" })).toBe("As the server said: no");
    expect(words.exists("common:save")).toBe(true);
    expect(words.exists("common:missing")).toBe(false);
  });

  it("switches language once every namespace asked for is there in it; a later choice overtakes one still loading", async () => {
    const words = new Translations();
    const events: string[] = [];
    words.subscribe(() => events.push(words.language));
    await words.changeLanguage("en");
    await words.load(["groups"]);
    const first = words.changeLanguage("pt-BR");
    const second = words.changeLanguage("en-GB");
    await Promise.all([first, second]);
    expect(words.language).toBe("en");
    const files = [...asked.keys()].filter((file) => file.startsWith("pt-BR/"));
    expect(files.sort()).toEqual(["pt-BR/auth.json", "pt-BR/common.json", "pt-BR/errors.json", "pt-BR/groups.json", "pt-BR/validation.json"]);
    // English's files arrived, then English was chosen: never Portuguese on screen in between.
    expect(events.filter((language) => language === "pt-BR")).toEqual([]);
  });

  it("asks for each file once, however many ask at the same time", async () => {
    const words = new Translations();
    await Promise.all([words.changeLanguage("en"), words.load(["auditLog"], "en"), words.load(["auditLog"], "en")]);
    expect(asked.get("en/auditLog.json")).toBe(1);
    expect(asked.get("en/common.json")).toBe(1);
  });
});
