import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { LocationWithCounts } from "@domain/schemas/location";
import { locationPath } from "@/lib/paths";
import { formatAddress } from "./format-address";

/** The Locations list: each name opens the location. */
export function LocationTable({ items, busy }: { items: LocationWithCounts[]; busy?: boolean }) {
  const { t } = useTranslation("locations");
  return (
    <div className="table-wrap" aria-busy={busy || undefined}>
      <table className="table">
        <caption className="visually-hidden">{t("title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("columns.name")}</th>
            <th scope="col">{t("columns.address")}</th>
            <th scope="col">{t("columns.timeZone")}</th>
            <th scope="col" className="numeric">
              {t("columns.callParkExtensions")}
            </th>
            <th scope="col" className="numeric">
              {t("columns.callParks")}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((l) => (
            <tr key={l.id}>
              <td>
                <Link to={locationPath(l.id)}>{l.name}</Link>
              </td>
              <td>{formatAddress(l.address)}</td>
              <td>{l.timeZone}</td>
              <td className="numeric mono">{l.callParkCounts?.callParkExtensions ?? "—"}</td>
              <td className="numeric mono">{l.callParkCounts?.callParks ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
