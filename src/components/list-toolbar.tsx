import { Icon } from "./icon";
import { LocationFilter } from "./location-filter";

/** A list's search box and, on lists across locations, its location filter: the same on every list. */
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
  /** The location filter's value; without `onLocation`, no location filter. */
  locationId?: string;
  onLocation?: (locationId: string) => void;
}) {
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
      {onLocation && <LocationFilter id={`${idPrefix}-location-filter`} value={locationId ?? ""} onChange={onLocation} />}
    </div>
  );
}
