import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { locationQueries } from "../lib/location-queries";
import { Icon } from "./icon";

/** A list's search box and location filter, the same on every list of the organisation. */
export function ListToolbar({
  idPrefix,
  label,
  search,
  onSearch,
  searchLabel,
  searchPlaceholder,
  locationId,
  onLocation,
}: {
  idPrefix: string;
  label: string;
  search: string;
  onSearch: (value: string) => void;
  searchLabel: string;
  searchPlaceholder?: string;
  locationId: string;
  onLocation: (locationId: string) => void;
}) {
  const { t } = useTranslation();
  const locations = useQuery(locationQueries.list());
  return (
    <div role="search" className="toolbar" aria-label={label}>
      <div className="field field-inline">
        <label htmlFor={`${idPrefix}-search`}>{searchLabel}</label>
        <div className="search-input">
          <Icon name="search" />
          <input
            id={`${idPrefix}-search`}
            className="input"
            type="search"
            value={search}
            placeholder={searchPlaceholder}
            onChange={(e) => onSearch(e.target.value)}
          />
        </div>
      </div>
      <div className="field field-inline">
        <label htmlFor={`${idPrefix}-location-filter`}>{t("location.label")}</label>
        <select
          id={`${idPrefix}-location-filter`}
          className="input"
          value={locationId}
          onChange={(e) => onLocation(e.target.value)}
        >
          <option value="">{t("location.all")}</option>
          {locations.data?.items.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
