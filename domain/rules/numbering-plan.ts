// The numbering plan of a location: every extension in it belongs to exactly one
// owner, whatever its kind. Call park extensions share the plan with people,
// workspaces, virtual lines and hunt groups.

export const EXTENSION_MIN_LENGTH = 2;
export const EXTENSION_MAX_LENGTH = 10;
export const EXTENSION_PATTERN = /^[0-9]+$/;

export const NUMBER_OWNER_TYPES = [
  "PEOPLE",
  "PLACE",
  "VIRTUAL_LINE",
  "HUNT_GROUP",
  "CALL_PARK_EXTENSION",
] as const;
export type NumberOwnerType = (typeof NUMBER_OWNER_TYPES)[number];

export interface NumberOwner {
  type: NumberOwnerType;
  id: string;
  name: string;
}

export const EXTENSION_STATES = ["VALID", "DUPLICATE", "DUPLICATE_IN_LIST", "INVALID"] as const;
export type ExtensionState = (typeof EXTENSION_STATES)[number];

export function isValidExtension(extension: string): boolean {
  return (
    EXTENSION_PATTERN.test(extension) &&
    extension.length >= EXTENSION_MIN_LENGTH &&
    extension.length <= EXTENSION_MAX_LENGTH
  );
}

/** Enterprise significant number: the location's routing prefix followed by the extension. */
export function esn(routingPrefix: string | null | undefined, extension: string): string | undefined {
  return routingPrefix ? `${routingPrefix}${extension}` : undefined;
}

export interface ExtensionCheck {
  extension: string;
  state: ExtensionState;
  owner?: NumberOwner;
}

/**
 * Classifies candidate extensions against what the location already holds, the
 * way Webex's validateExtensions does: malformed first, then taken, then repeated
 * within the same list (the first occurrence of a repeat stays valid).
 */
export function classifyExtensions(
  candidates: readonly string[],
  taken: ReadonlyMap<string, NumberOwner>,
): ExtensionCheck[] {
  const seen = new Set<string>();
  return candidates.map((extension) => {
    if (!isValidExtension(extension)) return { extension, state: "INVALID" };
    const owner = taken.get(extension);
    if (owner) return { extension, state: "DUPLICATE", owner };
    if (seen.has(extension)) return { extension, state: "DUPLICATE_IN_LIST" };
    seen.add(extension);
    return { extension, state: "VALID" };
  });
}

/**
 * The other extensions of `near`'s length, nearest first: one below, one above, two below,
 * two above… A tie goes to the lower one (for 1002: 1001, 1003, 1000, 1004…); past one end
 * of the range the other side goes on alone. The range is the numbers of that many digits
 * that do not start with 0 (1000–9999 for 1002), or, when `near` itself starts with 0, every
 * string of that many digits (0000–9999 for 0102): a suggestion looks like what was typed.
 * Lazy, since a range of 10 digits has billions: the caller takes what it needs. Nothing
 * for a malformed `near`.
 */
export function* extensionsNear(near: string): Generator<string, void, undefined> {
  if (!isValidExtension(near)) return;
  const length = near.length;
  const value = Number(near);
  const low = near.startsWith("0") ? 0 : 10 ** (length - 1);
  const high = 10 ** length - 1;
  const text = (n: number) => String(n).padStart(length, "0");
  for (let distance = 1; value - distance >= low || value + distance <= high; distance++) {
    if (value - distance >= low) yield text(value - distance);
    if (value + distance <= high) yield text(value + distance);
  }
}

/** The next `size` values of an iterator (fewer once it ends): one batch of candidates. */
export function takeBatch<T>(iterator: Iterator<T>, size: number): T[] {
  const batch: T[] = [];
  while (batch.length < size) {
    const next = iterator.next();
    if (next.done) break;
    batch.push(next.value);
  }
  return batch;
}
