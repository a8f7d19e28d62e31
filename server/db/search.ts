import { type RawBuilder, sql } from "kysely";
import { searchKey } from "../../domain/rules/text";

/** Escapes LIKE wildcards so a search for "50%" means the characters typed. */
function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `column` (a stored search key) contains the search key of `text`. */
export function keyContains(column: string, text: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} like ${`%${escapeLike(searchKey(text))}%`} escape '\\'`;
}

/** `column` starts with `text`, taken literally. */
export function startsWith(column: string, text: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} like ${`${escapeLike(text)}%`} escape '\\'`;
}
