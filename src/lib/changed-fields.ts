/** Equal as JSON: the same values, whatever object or array holds them. */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A save's body with only the fields the administrator changed from the version they
 * opened: what they did not touch is not sent, so a change made meanwhile to another
 * field stays as it is (and, with If-Match, nothing is overwritten unseen).
 */
export function changedFields<T extends object>(edited: T, opened: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(edited).filter(([key, value]) => !same(value, (opened as Record<string, unknown>)[key])),
  ) as Partial<T>;
}
