import { initReactI18next } from "react-i18next";
import { i18n, LANGUAGES, type LanguageCode } from "@/lib/i18n";
import { readLocales } from "./locales";

const resources = readLocales();

/**
 * The app's i18n instance with every translation loaded up front from public/locales,
 * so components render in the chosen language without the HTTP backend or Suspense.
 */
export async function setTestLanguage(language: LanguageCode) {
  if (!i18n.isInitialized) {
    await i18n.use(initReactI18next).init({
      resources,
      lng: language,
      supportedLngs: LANGUAGES.map((l) => l.code),
      fallbackLng: "en",
      ns: Object.keys(resources.en),
      defaultNS: "common",
      interpolation: { escapeValue: false },
      react: { useSuspense: false },
    });
  } else if (i18n.language !== language) {
    await i18n.changeLanguage(language);
  }
}
