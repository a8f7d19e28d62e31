export const LOCATIONS_PATH = "/locations";
export const LOCATION_TABS = ["overview", "calling"] as const;
export type LocationTab = (typeof LOCATION_TABS)[number];

/** A location's page; the Overview tab is its plain address, other tabs add their name. */
export const locationPath = (locationId: string, tab: LocationTab = "overview") =>
  `${LOCATIONS_PATH}/${encodeURIComponent(locationId)}${tab === "overview" ? "" : `/${tab}`}`;
