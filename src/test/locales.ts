import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const LOCALES_DIR = join(dirname(fileURLToPath(import.meta.url)), "../../public/locales");

export type Namespaces = Record<string, Record<string, unknown>>;

/** Every language folder under public/locales and its namespaces, as the app would fetch them. */
export function readLocales(): Record<string, Namespaces> {
  const languages: Record<string, Namespaces> = {};
  for (const language of readdirSync(LOCALES_DIR, { withFileTypes: true })) {
    if (!language.isDirectory()) continue;
    const namespaces: Namespaces = {};
    for (const file of readdirSync(join(LOCALES_DIR, language.name))) {
      if (!file.endsWith(".json")) continue;
      namespaces[file.slice(0, -".json".length)] = JSON.parse(
        readFileSync(join(LOCALES_DIR, language.name, file), "utf8"),
      );
    }
    languages[language.name] = namespaces;
  }
  return languages;
}
