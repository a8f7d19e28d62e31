import type { OrderKey } from "@domain/schemas/sort-order";

/**
 * The columns a list is sorted by, in turn, from its `order` keys: each key's columns in its
 * direction, then `last`'s (a unique column, so that paging never repeats or skips a row), none
 * twice (the first mention decides).
 */
export function orderColumns<F extends string, C extends string>(
  order: readonly OrderKey<F>[],
  columns: Readonly<Record<F, readonly C[]>>,
  last: OrderKey<F>,
): { column: C; direction: OrderKey<F>["direction"] }[] {
  const seen = new Set<C>();
  return [...order, last].flatMap(({ field, direction }) =>
    columns[field].filter((column) => !seen.has(column) && seen.add(column)).map((column) => ({ column, direction })),
  );
}
