import { describe, expect, it } from "vitest";
import { LANGUAGES } from "@/lib/i18n";
import { readLocales } from "./locales";

const locales = readLocales();
const languages = Object.keys(locales).sort();

/** "a.b.c" → value for every leaf of a namespace; anything but a string or an object is reported as-is. */
function flatten(node: unknown, prefix = ""): Record<string, unknown> {
  if (node === null || typeof node !== "object" || Array.isArray(node)) return { [prefix]: node };
  return Object.entries(node).reduce<Record<string, unknown>>(
    (out, [key, value]) => Object.assign(out, flatten(value, prefix ? `${prefix}.${key}` : key)),
    {},
  );
}

const keysOf = (language: string) =>
  Object.entries(locales[language]).flatMap(([namespace, tree]) =>
    Object.keys(flatten(tree)).map((key) => `${namespace}:${key}`),
  );

const placeholders = (text: string) => [...text.matchAll(/{{\s*([\w.-]+)\s*}}/g)].map((m) => m[1]).sort();

describe("locale parity (public/locales)", () => {
  it("has a folder for each language the app offers, and no other", () => {
    expect(languages).toEqual(LANGUAGES.map((l) => l.code).sort());
  });

  it.each(languages)("%s has the same namespaces as en", (language) => {
    expect(Object.keys(locales[language]).sort()).toEqual(Object.keys(locales.en).sort());
  });

  it.each(languages)("%s has the same keys as en", (language) => {
    const keys = new Set(keysOf(language));
    const english = new Set(keysOf("en"));
    expect({
      missing: [...english].filter((key) => !keys.has(key)),
      extra: [...keys].filter((key) => !english.has(key)),
    }).toEqual({ missing: [], extra: [] });
  });

  it.each(languages)("%s has a non-empty string for every key", (language) => {
    const bad = Object.entries(locales[language]).flatMap(([namespace, tree]) =>
      Object.entries(flatten(tree))
        .filter(([, value]) => typeof value !== "string" || value.trim() === "")
        .map(([key]) => `${namespace}:${key}`),
    );
    expect(bad).toEqual([]);
  });

  it.each(languages)("%s uses the same {{placeholders}} as en in each message", (language) => {
    const mismatched = Object.entries(locales[language]).flatMap(([namespace, tree]) => {
      const english = flatten(locales.en[namespace] ?? {});
      return Object.entries(flatten(tree))
        .filter(([key, value]) => typeof value === "string" && typeof english[key] === "string")
        .filter(([key, value]) => placeholders(value as string).join() !== placeholders(english[key] as string).join())
        .map(([key]) => `${namespace}:${key}`);
    });
    expect(mismatched).toEqual([]);
  });
});
