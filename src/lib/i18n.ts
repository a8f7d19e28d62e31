import i18next from "i18next";
import LanguageDetector from "i18next-browser-languagedetector";
import HttpBackend from "i18next-http-backend";
import { initReactI18next } from "react-i18next";

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

/** What every screen uses: the shell's and sign-in's words, messages and field errors. */
export const INITIAL_NAMESPACES = ["common", "validation", "errors", "auth"];

let ready: Promise<unknown> | undefined;

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
    .use(HttpBackend)
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      supportedLngs: LANGUAGES.map((l) => l.code),
      nonExplicitSupportedLngs: false,
      load: "currentOnly",
      fallbackLng: { pt: ["pt-BR"], default: ["en"] },
      ns: INITIAL_NAMESPACES,
      defaultNS: "common",
      backend: { loadPath: "/locales/{{lng}}/{{ns}}.json" },
      detection: {
        order: ["localStorage", "navigator"],
        lookupLocalStorage: LANGUAGE_STORAGE_KEY,
        caches: ["localStorage"],
      },
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
