export const CALL_PARK_EXTENSIONS_PATH = "/services/calling/features/call-park-extensions";
export const newCallParkExtensionPath = () => `${CALL_PARK_EXTENSIONS_PATH}/new`;
export const callParkExtensionPath = (locationId: string, id: string) =>
  `${CALL_PARK_EXTENSIONS_PATH}/${encodeURIComponent(locationId)}/${encodeURIComponent(id)}`;
