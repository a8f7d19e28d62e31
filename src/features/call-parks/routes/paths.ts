export const CALL_PARKS_PATH = "/services/calling/features/call-parks";
export const newCallParkPath = (locationId?: string) =>
  `${CALL_PARKS_PATH}/new${locationId ? `?location=${encodeURIComponent(locationId)}` : ""}`;
export const callParkPath = (locationId: string, id: string) =>
  `${CALL_PARKS_PATH}/${encodeURIComponent(locationId)}/${encodeURIComponent(id)}`;
