import { useEffect, useState } from "react";

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/**
 * How long ago `iso` was, in the user's language ("3 minutes ago", "há 3 minutos",
 * "yesterday"); undefined under a minute (and for a time a skewed clock puts ahead), which
 * the caller words as "just now".
 */
export function timeAgo(iso: string, now: number, language: string): string | undefined {
  const elapsed = now - new Date(iso).getTime();
  if (!(elapsed >= 60_000)) return undefined;
  const [unit, size] = UNITS.find(([, ms]) => elapsed >= ms) ?? UNITS[UNITS.length - 1];
  return new Intl.RelativeTimeFormat(language, { numeric: "auto" }).format(-Math.floor(elapsed / size), unit);
}

/** The current time, moving on every `intervalMs` so a relative time on screen stays true. */
export function useNow(intervalMs = 15_000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
