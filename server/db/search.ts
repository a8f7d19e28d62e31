import { type RawBuilder, sql } from "kysely";
import type { LocationScope } from "@domain/rules/access";
import { searchKey } from "@domain/rules/text";

/** Escapes LIKE wildcards so a search for "50%" means the characters typed. */
function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `column` (a stored search key) contains the search key of `text`. */
export function keyContains(column: string, text: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} like ${`%${escapeLike(searchKey(text))}%`} escape '\\'`;
}

/** `column` is one of `values`; an empty list matches nothing. */
export function isOneOf(column: string, values: readonly string[]): RawBuilder<boolean> {
  return values.length ? sql<boolean>`${sql.ref(column)} in (${sql.join([...values])})` : sql<boolean>`1 = 0`;
}

/**
 * The query kept to rows whose location `column` is within the scope: unchanged for
 * every location, else the scope's list (an empty one matching nothing).
 */
export function withinScope<Q extends { where(expression: RawBuilder<boolean>): Q }>(
  query: Q,
  column: string,
  scope: LocationScope,
): Q {
  return scope.all ? query : query.where(isOneOf(column, scope.locationIds));
}

/**
 * `column` starts with `text`, taken literally, as LIKE compares (ASCII letters in either
 * case), read through an index on `column`: the range of values starting with `text`. With
 * an ASCII letter in `text`, the ranges of both cases of the first one, the LIKE deciding.
 */
export function startsWith(column: string, text: string): RawBuilder<boolean> {
  const like = likeStartsWith(column, text);
  // A lone surrogate has no place in SQLite's order (it is stored as U+FFFD): LIKE alone.
  if (/\p{Cs}/u.test(text)) return like;
  const ranges = prefixRanges(text);
  const within = sql.join(
    ranges.map(([from, to]) =>
      to === undefined ? sql`${sql.ref(column)} >= ${from}` : sql`${sql.ref(column)} >= ${from} and ${sql.ref(column)} < ${to}`,
    ),
    sql` or `,
  );
  // Without a letter, a bounded range is exact: LIKE compares every other character as it is.
  if (ranges.length === 1 && (ranges[0][1] !== undefined || text === "")) return sql<boolean>`(${within})`;
  return sql<boolean>`(${within}) and ${like}`;
}

/** `column` starts with `text`, taken literally: LIKE alone, which SQLite reads row by row (no index). */
export function likeStartsWith(column: string, text: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} like ${`${escapeLike(text)}%`} escape '\\'`;
}

/** The ranges [from, to) holding every value that starts with `text` as LIKE compares (`to` absent: no end). */
export function prefixRanges(text: string): [string, string | undefined][] {
  const letter = text.search(/[A-Za-z]/);
  if (letter < 0) return [[text, following(text)]];
  const head = text.slice(0, letter);
  return [text[letter].toUpperCase(), text[letter].toLowerCase()].map((c) => [head + c, following(head + c)]);
}

/** The least string after every string that starts with `prefix` (code point order, SQLite's BINARY). */
function following(prefix: string): string | undefined {
  const points = [...prefix];
  const last = points.pop()?.codePointAt(0);
  if (last === undefined || last >= 0x10ffff) return undefined;
  const next = last + 1 === 0xd800 ? 0xe000 : last + 1;
  return points.join("") + String.fromCodePoint(next);
}

/** FTS5's trigram tokenizer indexes runs of 3 characters: a shorter text cannot be looked up through it. */
export const TRIGRAM_LENGTH = 3;

/** Whether `key` (a search key) is long enough for a trigram index. */
export function trigramSearchable(key: string): boolean {
  return [...key].length >= TRIGRAM_LENGTH;
}

/** `text` as one FTS5 phrase, every character as typed (a trigram phrase: `text` is a substring). */
export function ftsPhrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
