export const CALL_PARK_GROUPS_PATH = "/services/calling/features/call-park-groups";
export const newCallParkGroupPath = (locationId?: string) =>
  `${CALL_PARK_GROUPS_PATH}/new${locationId ? `?location=${encodeURIComponent(locationId)}` : ""}`;
export const callParkGroupPath = (locationId: string, id: string) =>
  `${CALL_PARK_GROUPS_PATH}/${encodeURIComponent(locationId)}/${encodeURIComponent(id)}`;
