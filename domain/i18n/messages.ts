// How a message is read from the translation files (public/locales/<language>/<namespace>.json,
// i18next's format), the same in the browser (src/lib/i18n.ts) and on the server
// (server/http/messages.ts): which key a count and a context pick, and how placeholders fill.

/** What picks a message's form, beside its placeholders' values. */
export interface MessageValues {
  count?: unknown;
  context?: unknown;
  [name: string]: unknown;
}

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function pluralCategory(language: string, count: number) {
  let rules = pluralRules.get(language);
  if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(language)));
  return rules.select(count);
}

function formatNumber(language: string, value: number) {
  let format = numberFormats.get(language);
  if (!format) numberFormats.set(language, (format = new Intl.NumberFormat(language)));
  return format.format(value);
}

/**
 * The keys a count and a context may pick, the most particular first, as i18next tries them:
 * `key_context_zero` (at 0), `key_context_<plural form>`, `key_context`, `key_zero`,
 * `key_<plural form>`, `key`. The plural form is the language's own (Intl.PluralRules); the
 * `_zero` form is there because Portuguese's rules put 0 with 1 ("0 segundo").
 */
export function messageKeys(key: string, language: string, { count, context }: MessageValues): string[] {
  const forms = (base: string) =>
    typeof count === "number" ? [...(count === 0 ? [`${base}_zero`] : []), `${base}_${pluralCategory(language, count)}`, base] : [base];
  const withContext = (typeof context === "string" || typeof context === "number") && context !== "" ? forms(`${key}_${context}`) : [];
  return [...withContext, ...forms(key)];
}

/**
 * `{{name}}` takes the value of `name`; `{{name, number}}` writes a number as the language
 * writes it (1,200 / 1.200). A placeholder without a value writes nothing. A value is written
 * as it is: no placeholder inside it is filled.
 */
export function interpolate(text: string, language: string, values: MessageValues): string {
  return text.replace(/\{\{(.+?)\}\}/g, (_, inside: string) => {
    const [name, format] = inside.split(",").map((part) => part.trim());
    const value = values[name];
    if (value === undefined || value === null) return "";
    return format === "number" && typeof value === "number" ? formatNumber(language, value) : String(value);
  });
}
