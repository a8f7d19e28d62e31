export const CALL_PARK_EXTENSIONS_PATH = "/services/calling/features/call-park-extensions";
/** Bulk manage (CSV template, export and import): a dialog over the list. */
export const BULK_MANAGE_PATH = `${CALL_PARK_EXTENSIONS_PATH}/bulk`;
/** Add New; from a list filtered to one location, that location comes preselected. */
export const newCallParkExtensionPath = (locationId?: string) =>
  `${CALL_PARK_EXTENSIONS_PATH}/new${locationId ? `?location=${encodeURIComponent(locationId)}` : ""}`;
export const callParkExtensionPath = (locationId: string, id: string) =>
  `${CALL_PARK_EXTENSIONS_PATH}/${encodeURIComponent(locationId)}/${encodeURIComponent(id)}`;
