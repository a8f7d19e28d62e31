import { useState } from "react";
import { useTranslation } from "@/lib/use-translation";
import { Icon } from "./icon";
import "./bulk-delete-dialog.css";

/**
 * Rows ticked for a bulk action, kept by id with the row itself (so the dialog can name
 * them after the page has moved on). Only rows the administrator may change can be ticked.
 */
export function useRowSelection<T extends { id: string }>() {
  const [selected, setSelected] = useState<ReadonlyMap<string, T>>(new Map());
  const toggle = (item: T, on: boolean) =>
    setSelected((current) => {
      const next = new Map(current);
      if (on) next.set(item.id, item);
      else next.delete(item.id);
      return next;
    });
  const togglePage = (items: T[], on: boolean) =>
    setSelected((current) => {
      const next = new Map(current);
      for (const item of items) {
        if (on) next.set(item.id, item);
        else next.delete(item.id);
      }
      return next;
    });
  return {
    selected,
    items: [...selected.values()],
    isSelected: (id: string) => selected.has(id),
    toggle,
    togglePage,
    /** Forget these rows (deleted), or every row. */
    drop: (ids?: string[]) =>
      setSelected((current) => {
        if (!ids) return new Map();
        const next = new Map(current);
        for (const id of ids) next.delete(id);
        return next;
      }),
  };
}
export type RowSelection<T extends { id: string }> = ReturnType<typeof useRowSelection<T>>;

/** The header cell that ticks every selectable row of the page. */
export function SelectPageHeader<T extends { id: string }>({ selection, rows }: { selection: RowSelection<T>; rows: T[] }) {
  const { t } = useTranslation();
  const ticked = rows.filter((row) => selection.isSelected(row.id)).length;
  return (
    <th scope="col" className="select-cell">
      <input
        type="checkbox"
        aria-label={t("bulkDelete.selectPage")}
        disabled={rows.length === 0}
        checked={rows.length > 0 && ticked === rows.length}
        ref={(input) => {
          if (input) input.indeterminate = ticked > 0 && ticked < rows.length;
        }}
        onChange={(e) => selection.togglePage(rows, e.target.checked)}
      />
    </th>
  );
}

/** A row's tick box, named after the row; an empty cell where the row cannot be changed. */
export function SelectRowCell<T extends { id: string }>({
  selection,
  row,
  name,
  enabled = true,
}: {
  selection: RowSelection<T>;
  row: T;
  name: string;
  enabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <td className="select-cell">
      {enabled && (
        <input
          type="checkbox"
          aria-label={t("bulkDelete.select", { name })}
          checked={selection.isSelected(row.id)}
          onChange={(e) => selection.toggle(row, e.target.checked)}
        />
      )}
    </td>
  );
}

/** "3 selected · Delete 3 · Clear selection", shown while rows are ticked. */
export function SelectionBar({ count, onDelete, onClear }: { count: number; onDelete: () => void; onClear: () => void }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <div className="bulk-actions">
      <span role="status">{t("bulkDelete.selected", { count })}</span>
      <button type="button" className="btn btn-danger" onClick={onDelete}>
        <Icon name="remove" />
        {t("bulkDelete.deleteSelected", { count })}
      </button>
      <button type="button" className="btn btn-secondary" onClick={onClear}>
        {t("bulkDelete.clearSelection")}
      </button>
    </div>
  );
}
