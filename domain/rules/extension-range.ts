// A range of call park extensions to create at once: consecutive extensions of one length,
// each named from a pattern. Pure, so the range builder's summary and the rows it sends to
// the import (one way to check and apply many extensions) are the same answer.
import { MAX_CALL_PARK_EXTENSIONS_PER_LOCATION } from "./limits";

/** In a name pattern: the extension's position in the range (1, 2, …) and the extension itself. */
export const RANGE_POSITION = "{n}";
export const RANGE_EXTENSION = "{ext}";
/** A range never holds more than a location can: 100. */
export const MAX_RANGE_SIZE = MAX_CALL_PARK_EXTENSIONS_PER_LOCATION;

/** Whether a pattern names each extension of a range apart: it holds {n} or {ext}. */
export const namesEachApart = (pattern: string) => pattern.includes(RANGE_POSITION) || pattern.includes(RANGE_EXTENSION);

/** The name `pattern` gives the `position`th extension (from 1), `extension`. */
export const rangeName = (pattern: string, position: number, extension: string) =>
  pattern.replaceAll(RANGE_POSITION, String(position)).replaceAll(RANGE_EXTENSION, extension);

/**
 * `count` consecutive extensions from `first`, each as long as `first` (leading zeros kept):
 * 0100, 0101, …; none past the last number of that length.
 */
export function rangeExtensions(first: string, count: number): string[] {
  const start = BigInt(first);
  const largest = 10n ** BigInt(first.length) - 1n;
  const extensions: string[] = [];
  for (let i = 0n; i < BigInt(count) && start + i <= largest; i++) extensions.push(String(start + i).padStart(first.length, "0"));
  return extensions;
}

/** How many extensions from `first` to `last` inclusive (0 when `last` comes first). */
export const rangeCount = (first: string, last: string) => Math.max(0, Number(BigInt(last) - BigInt(first) + 1n));

/** The range's extensions with their names, in order. */
export function rangeRows(range: { first: string; count: number; pattern: string }): { name: string; extension: string }[] {
  return rangeExtensions(range.first, range.count).map((extension, i) => ({ extension, name: rangeName(range.pattern, i + 1, extension) }));
}
