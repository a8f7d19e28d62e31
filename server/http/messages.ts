import fs from "node:fs";
import path from "node:path";
import { interpolate, messageKeys } from "@domain/i18n/messages";
import { localesDir } from "@server/paths";

// The server speaks the user's language from the same translation files as the SPA
// (public/locales/<lng>/{errors,validation}.json), picked by Accept-Language.

export const LANGUAGES = ["en", "pt-BR"] as const;
export type Language = (typeof LANGUAGES)[number];

type Catalog = Record<string, string>;

function load(language: Language, namespace: string): Catalog {
  return JSON.parse(fs.readFileSync(path.join(localesDir, language, `${namespace}.json`), "utf8"));
}

const catalogs = Object.fromEntries(
  LANGUAGES.map((lng) => [lng, { errors: load(lng, "errors"), validation: load(lng, "validation") }]),
) as Record<Language, { errors: Catalog; validation: Catalog }>;

/** Picks the best of our languages from an Accept-Language header (q-values honoured). */
export function pickLanguage(header: string | undefined): Language {
  if (!header) return "en";
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag, ...rest] = part.trim().split(";");
      const q = Number(rest.find((r) => r.trim().startsWith("q="))?.split("=")[1] ?? 1);
      return { tag: tag.toLowerCase(), q: Number.isFinite(q) ? q : 0 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith("pt")) return "pt-BR";
    if (tag.startsWith("en")) return "en";
  }
  return "en";
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * A moment given as `at` (an ISO instant, kept as it is in the body's params for a client
 * to show in its reader's time zone) reads in the message as a date and time in the
 * language, in UTC, which the server can say for everyone.
 */
function withReadableTime(language: Language, params: Record<string, string | number>) {
  const { at } = params;
  if (typeof at !== "string" || !ISO_INSTANT.test(at)) return params;
  const format = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return { ...params, at: `${format.format(new Date(at))} UTC` };
}

export function translate(
  language: Language,
  namespace: "errors" | "validation",
  key: string,
  params: Record<string, string | number> = {},
): string {
  const lookup = (lng: Language) =>
    messageKeys(key, lng, params).map((k) => catalogs[lng][namespace][k]).find((t) => t !== undefined);
  const template = lookup(language) ?? lookup("en") ?? key;
  return interpolate(template, language, withReadableTime(language, params));
}
