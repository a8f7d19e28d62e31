/**
 * A count in the user's language: "1,000" in English, "1.000" in Portuguese. Translations
 * format their own numbers with `{{count, number}}`; this is for numbers shown on their own
 * (a table cell, a figure), or "—" for an unknown one.
 */
export function formatNumber(value: number | undefined | null, language: string): string {
  if (value === undefined || value === null || Number.isNaN(value)) return "—";
  return new Intl.NumberFormat(language).format(value);
}
