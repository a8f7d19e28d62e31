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

/** `column` starts with `text`, taken literally. */
export function startsWith(column: string, text: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} like ${`${escapeLike(text)}%`} escape '\\'`;
}
