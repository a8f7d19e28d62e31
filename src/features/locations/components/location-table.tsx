import { useTranslation } from "@/lib/use-translation";
import { Link } from "react-router";
import type { LocationWithCounts } from "@domain/schemas/location";
import { useFromList } from "@/lib/list-return";
import { locationPath } from "@/lib/paths";
import type { Direction } from "@/lib/sort-param";
import { SortableHeader } from "@/components/sortable-header";
import { CallParkExtensionUsage } from "@/components/usage-meter";
import { formatAddress } from "./format-address";

export type LocationSortable = "name" | "callParkExtensions";

/**
 * The Locations list: each name opens the location, with the list's place for its back link
 * to return to; name and call park extension use sort it.
 */
export function LocationTable({
  items,
  busy,
  sort,
  direction,
  onSort,
}: {
  items: LocationWithCounts[];
  busy?: boolean;
  sort: LocationSortable;
  direction: Direction;
  onSort: (field: LocationSortable) => void;
}) {
  const { t } = useTranslation("locations");
  const fromList = useFromList();
  return (
    <div className="table-wrap" aria-busy={busy || undefined}>
      <table className="table table-stacked">
        <caption className="visually-hidden">{t("title")}</caption>
        <thead>
          <tr>
            <SortableHeader field="name" sort={sort} direction={direction} onSort={onSort}>
              {t("columns.name")}
            </SortableHeader>
            <th scope="col">{t("columns.address")}</th>
            <th scope="col">{t("columns.timeZone")}</th>
            <SortableHeader field="callParkExtensions" sort={sort} direction={direction} onSort={onSort}>
              {t("columns.callParkExtensions")}
            </SortableHeader>
            <th scope="col" className="numeric">
              {t("columns.callParks")}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((l) => (
            <tr key={l.id}>
              <td className="cell-title">
                <Link to={locationPath(l.id)} state={fromList}>
                  {l.name}
                </Link>
              </td>
              <td data-label={t("columns.address")}>{formatAddress(l.address)}</td>
              <td data-label={t("columns.timeZone")}>{l.timeZone}</td>
              <td data-label={t("columns.callParkExtensions")}>
                {l.callParkCounts ? (
                  <CallParkExtensionUsage used={l.callParkCounts.callParkExtensions} label={t("usageLabel", { name: l.name })} />
                ) : (
                  "—"
                )}
              </td>
              <td className="numeric mono" data-label={t("columns.callParks")}>
                {l.callParkCounts?.callParks ?? "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
