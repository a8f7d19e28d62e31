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

/** Loads translations over HTTP from /locales/<lng>/<ns>.json; the choice is remembered. */
export function initI18n() {
  i18next.on("languageChanged", reflectLanguage);
  return i18next
    .use(HttpBackend)
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      supportedLngs: LANGUAGES.map((l) => l.code),
      nonExplicitSupportedLngs: false,
      load: "currentOnly",
      fallbackLng: { pt: ["pt-BR"], default: ["en"] },
      ns: ["common", "validation", "errors", "auth"],
      defaultNS: "common",
      backend: { loadPath: "/locales/{{lng}}/{{ns}}.json" },
      detection: {
        order: ["localStorage", "navigator"],
        lookupLocalStorage: LANGUAGE_STORAGE_KEY,
        caches: ["localStorage"],
      },
      interpolation: { escapeValue: false },
      react: { useSuspense: true },
    });
}
