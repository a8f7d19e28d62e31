import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CallParkExtensionListItem } from "@domain/schemas/call-park-extension";
import { Icon } from "@/components/icon";
import type { Sortable } from "@/features/call-park-extensions/routes/list-params";
import { callParkExtensionPath } from "@/lib/paths";
import type { DeleteTarget } from "./delete-call-park-extension";

export function CallParkExtensionTable({
  items,
  sort,
  direction,
  onSort,
  onDelete,
  canChange,
  busy,
}: {
  items: CallParkExtensionListItem[];
  sort: Sortable;
  direction: "asc" | "desc";
  onSort: (field: Sortable) => void;
  onDelete: (target: DeleteTarget) => void;
  /** Whether the administrator may edit and delete this row; rows they may not show no actions. */
  canChange: (item: CallParkExtensionListItem) => boolean;
  busy: boolean;
}) {
  const { t } = useTranslation(["callParkExtensions", "common"]);
  const withActions = items.some(canChange);
  const header = (field: Sortable, label: string) => (
    <th scope="col" aria-sort={sort === field ? (direction === "asc" ? "ascending" : "descending") : "none"}>
      <button type="button" className="sort-button" onClick={() => onSort(field)}>
        {label}
        <span aria-hidden="true">{sort === field ? (direction === "asc" ? " ▲" : " ▼") : ""}</span>
      </button>
    </th>
  );
  return (
    <div className="table-wrap" aria-busy={busy}>
      <table className="table">
        <caption className="visually-hidden">{t("list.caption")}</caption>
        <thead>
          <tr>
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
            <tr key={item.id}>
              <td>
                <Link to={callParkExtensionPath(item.locationId, item.id)}>{item.name}</Link>
              </td>
              <td className="mono">{item.extension}</td>
              <td>{item.locationName}</td>
              {withActions && (
                <td className="row-actions">
                  {canChange(item) && (
                    <>
                      <Link
                        className="icon-button"
                        to={callParkExtensionPath(item.locationId, item.id)}
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
