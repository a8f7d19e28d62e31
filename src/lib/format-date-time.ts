/**
 * A moment in the user's language and time zone, e.g. "12 Mar 2025, 14:05:09"
 * ("14:05" with `timeStyle: "short"`); an empty string for none.
 */
export function formatDateTime(
  iso: string | undefined,
  language: string,
  timeStyle: "short" | "medium" = "medium",
): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle }).format(date);
}
