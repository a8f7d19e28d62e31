// Every screen's address, once: the router and every link build them from here, so a
// feature links to another's screen without importing it.

const encode = encodeURIComponent;
const withLocation = (path: string, locationId?: string) => (locationId ? `${path}?location=${encode(locationId)}` : path);

export const SIGN_IN_PATH = "/sign-in";
export const PROFILE_PATH = "/profile";
export const CALLING_PATH = "/services/calling";
/** Services > Calling > Features, the home screen. */
export const FEATURES_PATH = `${CALLING_PATH}/features`;

export const CALL_PARK_EXTENSIONS_PATH = `${FEATURES_PATH}/call-park-extensions`;
/** Bulk manage (CSV template, export and import): a dialog over the call park extension list. */
export const BULK_MANAGE_PATH = `${CALL_PARK_EXTENSIONS_PATH}/bulk`;
/** Add a range: many call park extensions at once, a dialog over the list like bulk manage. */
export const EXTENSION_RANGE_PATH = `${CALL_PARK_EXTENSIONS_PATH}/range`;
/** Add New; from a list filtered to one location, that location comes preselected. */
export const newCallParkExtensionPath = (locationId?: string) => withLocation(`${CALL_PARK_EXTENSIONS_PATH}/new`, locationId);
export const callParkExtensionPath = (locationId: string, id: string) =>
  `${CALL_PARK_EXTENSIONS_PATH}/${encode(locationId)}/${encode(id)}`;
/** The call park extension list, filtered to one location when given. */
export const callParkExtensionListPath = (locationId?: string) => withLocation(CALL_PARK_EXTENSIONS_PATH, locationId);

/** Call park groups: the list, with a group's side panel over it. */
export const CALL_PARKS_PATH = `${FEATURES_PATH}/call-parks`;
export const newCallParkPath = (locationId?: string) => withLocation(`${CALL_PARKS_PATH}/new`, locationId);
export const callParkPath = (locationId: string, id: string) => `${CALL_PARKS_PATH}/${encode(locationId)}/${encode(id)}`;
/** Bulk manage of call park groups (CSV template, export and import): a dialog over the group list. */
export const CALL_PARKS_BULK_MANAGE_PATH = `${CALL_PARKS_PATH}/bulk`;

/** The health check of the organisation's call park configuration: a page of its own in the navigation (Monitoring), reached from Features too. */
export const CALL_PARK_HEALTH_PATH = "/health-check";

export const LOCATIONS_PATH = "/locations";
export const LOCATION_TABS = ["overview", "calling", "simulator"] as const;
export type LocationTab = (typeof LOCATION_TABS)[number];
/** A location's page; the Overview tab is its plain address, other tabs add their name. */
export const locationPath = (locationId: string, tab: LocationTab = "overview") =>
  `${LOCATIONS_PATH}/${encode(locationId)}${tab === "overview" ? "" : `/${tab}`}`;

/**
 * What the Simulator's script starts from: a group's first members parking together, and
 * settings not saved yet (a form's values) played as "what if".
 */
export interface SimulatorStart {
  group?: string;
  recallOption?: string;
  huntGroupId?: string;
  recallTime?: number;
  huntWaitTime?: number;
}
/** A location's Simulator tab, optionally starting from a group or from unsaved settings. */
export function simulatorPath(locationId: string, start: SimulatorStart = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(start)) if (value !== undefined && value !== "") search.set(key, String(value));
  const query = search.toString();
  return `${locationPath(locationId, "simulator")}${query ? `?${query}` : ""}`;
}

export const TASKS_PATH = "/tasks";
/** The kinds of import task, each its own list (`?kind=`): call park extensions' (the plain address) and call park groups'. */
export const TASK_KINDS = ["callParkExtensions", "callParks"] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
const kindSearch = (kind: TaskKind) => (kind === "callParkExtensions" ? "" : `?kind=${kind}`);
/** Tasks, listing one kind of import. */
export const tasksPath = (kind: TaskKind) => `${TASKS_PATH}${kindSearch(kind)}`;
/** One task; a call park group import says its kind, as its endpoints are the groups' own. */
export const taskPath = (jobId: string, kind: TaskKind = "callParkExtensions") => `${TASKS_PATH}/${encode(jobId)}${kindSearch(kind)}`;

export const AUDIT_LOG_PATH = "/audit-log";
/** The audit log filtered to one object's history (or one object type), as a link's target. */
export function auditLogPath(filters: { objectId?: string; objectType?: string } = {}): string {
  const search = new URLSearchParams();
  if (filters.objectId) search.set("objectId", filters.objectId);
  if (filters.objectType) search.set("objectType", filters.objectType);
  const query = search.toString();
  return query ? `${AUDIT_LOG_PATH}?${query}` : AUDIT_LOG_PATH;
}
