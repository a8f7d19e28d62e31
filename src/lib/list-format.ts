// The app's lists of things in a sentence ("1007, 1008 and 1012", "1007, 1008 e 1012"). English
// without a serial comma, as British English writes it and as the app's other English text does;
// Intl's plain "en" would put one in ("1007, 1008, and 1012").
const LIST_LOCALE: Record<string, string> = { en: "en-GB" };

/** Joins `items` with commas and "and" / "e", in `language`. */
export function listFormat(language: string): Intl.ListFormat {
  return new Intl.ListFormat(LIST_LOCALE[language] ?? language, { type: "conjunction" });
}
