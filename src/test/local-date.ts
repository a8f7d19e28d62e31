// What a date and time should read as in each language, built from the Date's own local
// fields (not from Intl, which the code under test uses), so tests hold in any time zone.

const pad = (n: number) => String(n).padStart(2, "0");

/** "27/11/2026 14:03" (pt-BR) or "11/27/2026, 2:03 PM" (en); with seconds for `timeStyle: "medium"`. */
export function expectedDateTime(iso: string, language: "en" | "pt-BR", timeStyle: "short" | "medium" = "medium"): string {
  const d = new Date(iso);
  const seconds = timeStyle === "medium" ? `:${pad(d.getSeconds())}` : "";
  if (language === "pt-BR") {
    return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}${seconds}`;
  }
  const ampm = d.getHours() < 12 ? "AM" : "PM";
  return `${pad(d.getMonth() + 1)}/${pad(d.getDate())}/${d.getFullYear()}, ${d.getHours() % 12 || 12}:${pad(d.getMinutes())}${seconds} ${ampm}`;
}

/** Intl writes a narrow no-break space before AM/PM: compare any space as a space. */
export const plainSpaces = (text: string | null) => (text ?? "").replace(/\s/g, " ");
