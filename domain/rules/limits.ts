// Limits stated by the Webex help article.

/** A location holds at most this many call park extensions. */
export const MAX_CALL_PARK_EXTENSIONS_PER_LOCATION = 100;

/** Room left in a location for new call park extensions. */
export function callParkExtensionRoom(current: number): number {
  return Math.max(0, MAX_CALL_PARK_EXTENSIONS_PER_LOCATION - current);
}
