import i18next, { type BackendModule, type LanguageDetectorModule } from "i18next";
import { initReactI18next } from "react-i18next";
import { INITIAL_NAMESPACES, takeEarlyResponse } from "./early-fetch";

export const LANGUAGES = [
  { code: "en", label: "English" },
  { code: "pt-BR", label: "Português (Brasil)" },
] as const;
export type LanguageCode = (typeof LANGUAGES)[number]["code"];

export const LANGUAGE_STORAGE_KEY = "callParkAdmin.language";

export const i18n = i18next;

function reflectLanguage(lng: string) {
  if (typeof document !== "undefined") document.documentElement.lang = lng;
}

export { INITIAL_NAMESPACES } from "./early-fetch";

let ready: Promise<unknown> | undefined;

/** Where a language's namespace is served (public/locales, copied into the build). */
export const localePath = (language: string, namespace: string) => `/locales/${language}/${namespace}.json`;

/**
 * The language files over fetch: all i18next-http-backend did for us, in a few lines and
 * ~3 KB less on the first screen. A refusal (404) is final; a network failure or a server
 * error is worth another try, which i18next makes (the `true` below).
 */
const fetchBackend: BackendModule = {
  type: "backend",
  init() {},
  read(language, namespace, callback) {
    const url = localePath(language, namespace);
    (takeEarlyResponse(url) ?? fetch(url, { headers: { accept: "application/json" } }))
      .then(async (response) => {
        if (response.ok) return callback(null, (await response.json()) as Record<string, unknown>);
        callback(new Error(`${url} answered ${response.status}`), response.status >= 500);
      })
      .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), true));
  },
};

/**
 * The remembered choice, else the browser's languages, in order (i18next picks the first it
 * supports, `pt` as `pt-BR`); a choice is remembered. What i18next-browser-languagedetector's
 * "localStorage, navigator" did, without its ~2 KB.
 */
const languageDetector: LanguageDetectorModule = {
  type: "languageDetector",
  detect() {
    const stored = readStoredLanguage();
    const browser = typeof navigator === "undefined" ? [] : [...(navigator.languages ?? []), navigator.language];
    return [...(stored ? [stored] : []), ...browser].filter(Boolean);
  },
  cacheUserLanguage(language) {
    try {
      localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
    } catch {
      // Storage refused (private mode, quota): the choice lasts this visit only.
    }
  },
};

function readStoredLanguage() {
  try {
    return typeof localStorage === "undefined" ? null : localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null;
  }
}

/**
 * Loads translations over HTTP from /locales/<lng>/<ns>.json; the choice is remembered.
 * The language is detected and its files requested at once (not after a tick), so they
 * travel beside the session request and the first screen's code. Once only: every later
 * call answers the same promise.
 */
export function initI18n() {
  if (ready) return ready;
  i18next.on("languageChanged", reflectLanguage);
  return (ready = i18next
    .use(fetchBackend)
    .use(languageDetector)
    .use(initReactI18next)
    .init({
      supportedLngs: LANGUAGES.map((l) => l.code),
      nonExplicitSupportedLngs: false,
      load: "currentOnly",
      fallbackLng: { pt: ["pt-BR"], default: ["en"] },
      ns: INITIAL_NAMESPACES,
      defaultNS: "common",
      interpolation: { escapeValue: false },
      react: { useSuspense: true },
      initAsync: false,
    }));
}

/**
 * A screen's own namespaces, requested beside its code and data (a route's loader) rather
 * than when it first renders and suspends; those loaded already are not asked again.
 */
export async function loadNamespaces(namespaces: readonly string[]): Promise<void> {
  await i18next.loadNamespaces([...namespaces]);
}
