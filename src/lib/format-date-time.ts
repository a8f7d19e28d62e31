/**
 * A moment in the user's language and time zone, as a reader of that language writes it:
 * "27/11/2026 14:03:09" in Portuguese, "11/27/2026, 2:03:09 PM" in English ("14:03" and
 * "2:03 PM" with `timeStyle: "short"`); an empty string for none.
 */
export function formatDateTime(
  iso: string | undefined,
  language: string,
  timeStyle: "short" | "medium" = "medium",
): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = new Intl.DateTimeFormat(language, { year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
  const time = new Intl.DateTimeFormat(language, { timeStyle }).format(date);
  return `${day}${dateTimeGlue(language)}${time}`;
}

/**
 * What goes between the date and the time. Intl's combined pattern gives Portuguese a comma
 * ("27/11/2026, 14:03") that Brazilians do not write; English keeps its comma.
 */
function dateTimeGlue(language: string): string {
  return language.toLowerCase().startsWith("pt") ? " " : ", ";
}
