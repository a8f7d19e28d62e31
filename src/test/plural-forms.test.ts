import { describe, expect, it } from "vitest";
import { i18n } from "@/lib/i18n";
import { readLocales } from "./locales";
import { setTestLanguage } from "./i18n";

// Every counted string, rendered at 0, 1 and 2 in both languages: Brazilian Portuguese's
// plural rules put 0 with 1 ("0 membro"), so each counted string has its own `_zero` form
// ("Nenhum membro", "0 membros"), and every form fills its placeholders.

const locales = readLocales();

/** "ns:a.b.key" for every key that has plural forms (`key_one` / `key_other`). */
function countedKeys(): string[] {
  const keys = new Set<string>();
  const walk = (namespace: string, node: Record<string, unknown>, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      if (value && typeof value === "object") walk(namespace, value as Record<string, unknown>, `${prefix}${key}.`);
      const plural = key.match(/^(.*)_(zero|one|other)$/);
      if (plural) keys.add(`${namespace}:${prefix}${plural[1]}`);
    }
  };
  for (const [namespace, tree] of Object.entries(locales["pt-BR"])) walk(namespace, tree as Record<string, unknown>, "");
  return [...keys].sort();
}

const SAMPLE = { fileName: "park.csv", create: 1, update: 0, delete: 0, unchanged: 0, error: 0, errors: 1, name: "X", text: "Y", names: "Ana and Bruno", firstName: "Park 1", firstExtension: "8001", lastName: "Park 2", lastExtension: "8002", list: "8003, 8004" };

describe("counted strings", () => {
  const keys = countedKeys();

  it("are found", () => {
    expect(keys).toEqual(expect.arrayContaining(["callParkGroups:members.chosen", "callParkExtensions:card.count"]));
  });

  it.each(keys)("%s has a _zero form in both languages", (key) => {
    const [namespace, path] = key.split(":");
    for (const language of ["en", "pt-BR"] as const) {
      const parent = path.split(".").slice(0, -1).reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], locales[language][namespace]);
      expect((parent as Record<string, unknown>)[`${path.split(".").at(-1)}_zero`], `${language} ${key}_zero`).toEqual(expect.any(String));
    }
  });

  it.each(keys)("%s reads at 0, 1 and 2 in both languages, every placeholder filled", async (key) => {
    for (const language of ["en", "pt-BR"] as const) {
      await setTestLanguage(language);
      const [zero, one, two] = [0, 1, 2].map((count) => i18n.t(key, { ...SAMPLE, count }));
      for (const text of [zero, one, two]) expect(text, `${language} ${key}`).not.toMatch(/{{|}}|_zero|_one|_other/);
      expect(one, `${language} ${key}`).not.toBe(two);
      // At 0, never the singular ("0 membro").
      expect(zero, `${language} ${key}`).not.toBe(one.replace(/\b1\b/, "0"));
    }
  });
});
