// Where-used: what a change to a call park extension or a group takes from whoever relies
// on it, said before the change is made. Pure, for the server (positions) and the SPA
// (how much of a long list to show).

/** One park destination of a group as stored: its place in the group's hunting order. */
export interface StoredDestination {
  callParkId: string;
  callParkExtensionId: string;
  /** The stored order key: only its order counts (gaps and a start at 0 or 1 say nothing). */
  position: number;
}

/** Where a call park extension sits in its group's hunting order: `position` (from 1) of `of`. */
export interface HuntingPlace {
  callParkId: string;
  position: number;
  of: number;
}

/**
 * Each call park extension's place in the hunting order of the group that parks on it, from
 * every destination of those groups. #58 hunts from the first destination, so position 1 is
 * the one taken first; the positions are counted, not read, so stored gaps never show.
 */
export function huntingPlaces(destinations: readonly StoredDestination[]): Map<string, HuntingPlace> {
  const byGroup = new Map<string, StoredDestination[]>();
  for (const d of destinations) byGroup.set(d.callParkId, [...(byGroup.get(d.callParkId) ?? []), d]);
  const places = new Map<string, HuntingPlace>();
  for (const [callParkId, list] of byGroup) {
    const ordered = [...list].sort((a, b) => a.position - b.position);
    ordered.forEach((d, index) => places.set(d.callParkExtensionId, { callParkId, position: index + 1, of: ordered.length }));
  }
  return places;
}

/** How many names a dialog lists before it says "and N more". */
export const NAMES_SHOWN = 10;

/**
 * The first names of a list a dialog shows, and how many it leaves unsaid. Past `limit`,
 * it shows one fewer than the limit, so that "and N more" never stands for a single name.
 */
export function namesToShow<T>(items: readonly T[], limit = NAMES_SHOWN): { shown: T[]; more: number } {
  if (items.length <= limit) return { shown: [...items], more: 0 };
  const shown = items.slice(0, limit - 1);
  return { shown, more: items.length - shown.length };
}
