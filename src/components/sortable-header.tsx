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
