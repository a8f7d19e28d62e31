import { i18n, type LanguageCode } from "@/lib/i18n";
import { readLocales } from "./locales";

const resources = readLocales();

/**
 * The app's i18n instance with every translation loaded up front from public/locales, so
 * components render in the chosen language without fetching the files or suspending.
 */
export async function setTestLanguage(language: LanguageCode) {
  if (!i18n.hasLoaded(Object.keys(resources[language]), language)) {
    for (const [code, namespaces] of Object.entries(resources)) {
      for (const [namespace, tree] of Object.entries(namespaces)) i18n.addResources(code, namespace, tree);
    }
  }
  if (i18n.language !== language) await i18n.changeLanguage(language);
}
