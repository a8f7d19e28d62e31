import type { ReactNode } from "react";
import type { Direction } from "@/lib/sort-param";

/**
 * A column header that sorts its list: a button inside the `<th>`, which says by
 * `aria-sort` whether (and which way) the list is sorted by it. The arrow is for the eye;
 * screen readers hear the header's sort state.
 */
export function SortableHeader<F extends string>({
  field,
  sort,
  direction,
  onSort,
  className,
  children,
}: {
  field: F;
  sort: F;
  direction: Direction;
  onSort: (field: F) => void;
  className?: string;
  children: ReactNode;
}) {
  const active = sort === field;
  return (
    <th scope="col" className={className} aria-sort={active ? (direction === "asc" ? "ascending" : "descending") : "none"}>
      <button type="button" className="sort-button" onClick={() => onSort(field)}>
        {children}
        <span aria-hidden="true">{active ? (direction === "asc" ? " ▲" : " ▼") : ""}</span>
      </button>
    </th>
  );
}

/** How a list is sorted, and what a click on a column's header asks for. */
export interface Sorting<F extends string> {
  sort: F;
  direction: Direction;
  onSort: (field: F) => void;
}

/** A column's header: sortable with `sorting`, a plain header without (a list shown as it comes). */
export function ColumnHeader<F extends string>({ field, sorting, children }: { field: F; sorting?: Sorting<F>; children: ReactNode }) {
  return sorting ? (
    <SortableHeader field={field} {...sorting}>
      {children}
    </SortableHeader>
  ) : (
    <th scope="col">{children}</th>
  );
}
