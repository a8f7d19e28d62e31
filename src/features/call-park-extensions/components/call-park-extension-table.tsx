import { useTranslation } from "@/lib/use-translation";
import { Link } from "react-router";
import type { CallParkExtensionListItem } from "@domain/schemas/call-park-extension";
import { Icon } from "@/components/icon";
import { type RowSelection, SelectPageHeader, SelectRowCell } from "@/components/bulk-selection";
import { SortableHeader } from "@/components/sortable-header";
import type { Sortable } from "@/features/call-park-extensions/routes/list-params";
import { callParkExtensionPath } from "@/lib/paths";
import { useFromList } from "@/lib/list-return";
import type { DeleteTarget } from "./delete-call-park-extension";

export function CallParkExtensionTable({
  items,
  sort,
  direction,
  onSort,
  onDelete,
  canChange,
  busy,
  selection,
}: {
  items: CallParkExtensionListItem[];
  sort: Sortable;
  direction: "asc" | "desc";
  onSort: (field: Sortable) => void;
  onDelete: (target: DeleteTarget) => void;
  /** Whether the administrator may edit and delete this row; rows they may not show no actions. */
  canChange: (item: CallParkExtensionListItem) => boolean;
  busy: boolean;
  /** Rows ticked for a bulk delete; without it, no tick boxes. */
  selection?: RowSelection<CallParkExtensionListItem>;
}) {
  const { t } = useTranslation(["callParkExtensions", "common"]);
  const withActions = items.some(canChange);
  const fromList = useFromList();
  const header = (field: Sortable, label: string) => (
    <SortableHeader field={field} sort={sort} direction={direction} onSort={onSort}>
      {label}
    </SortableHeader>
  );
  const selectable = items.filter(canChange);
  return (
    <div className="table-wrap" aria-busy={busy}>
      <table className="table table-stacked">
        <caption className="visually-hidden">{t("list.caption")}</caption>
        <thead>
          <tr>
            {selection && withActions && <SelectPageHeader selection={selection} rows={selectable} />}
            {header("name", t("columns.name"))}
            {header("extension", t("columns.extension"))}
            {header("locationName", t("columns.location"))}
            {withActions && (
              <th scope="col">
                <span className="visually-hidden">{t("columns.actions")}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} id={callParkExtensionRowId(item.id)}>
              {selection && withActions && (
                <SelectRowCell
                  selection={selection}
                  row={item}
                  name={t("bulkDelete.item", { name: item.name, extension: item.extension, location: item.locationName })}
                  enabled={canChange(item)}
                />
              )}
              <td className="cell-title">
                <Link to={callParkExtensionPath(item.locationId, item.id)} state={fromList}>
                  {item.name}
                </Link>
              </td>
              <td className="mono" data-label={t("columns.extension")}>
                {item.extension}
              </td>
              <td data-label={t("columns.location")}>{item.locationName}</td>
              {withActions && (
                <td className="row-actions">
                  {canChange(item) && (
                    <>
                      <Link
                        className="icon-button"
                        to={callParkExtensionPath(item.locationId, item.id)}
                        state={fromList}
                        aria-label={t("list.editItem", { name: item.name })}
                      >
                        <Icon name="edit" />
                      </Link>
                      <button
                        type="button"
                        className="icon-button"
                        aria-label={t("list.deleteItem", { name: item.name })}
                        onClick={() =>
                          onDelete({ locationId: item.locationId, id: item.id, name: item.name, extension: item.extension })
                        }
                      >
                        <Icon name="remove" />
                      </button>
                    </>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The row's element id, by which the list brings an edited row back into view. */
export const callParkExtensionRowId = (id: string) => `call-park-extension-${id}`;
