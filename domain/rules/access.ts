// Who may do what. Webex scopes call park by administrator role: a full administrator
// reads and writes everything; a read-only administrator reads everything and writes
// nothing; a location administrator reads and writes only the locations assigned to
// them. The server enforces these on every route; the SPA uses the same answers to
// show each role only what it may do.

export const ADMIN_ROLES = ["FULL_ADMIN", "READ_ONLY_ADMIN", "LOCATION_ADMIN"] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

export interface AccessSubject {
  role: AdminRole;
  /** The locations a location administrator manages; ignored for the other roles. */
  locationIds: readonly string[];
}

/**
 * The locations an administrator may see: every location, or just these. The one shape
 * every service, list and import takes; an object of a location outside it is unknown.
 */
export type LocationScope = { all: true } | { all: false; locationIds: readonly string[] };

export const ALL_LOCATIONS: LocationScope = { all: true };

export function locationScope(subject: AccessSubject): LocationScope {
  return subject.role === "LOCATION_ADMIN" ? { all: false, locationIds: subject.locationIds } : ALL_LOCATIONS;
}

/** Whether the scope covers this location. */
export function inScope(scope: LocationScope, locationId: string): boolean {
  return scope.all || scope.locationIds.includes(locationId);
}

/** Whether the subject may see a location (and everything in it) at all. */
export function canSeeLocation(subject: AccessSubject, locationId: string): boolean {
  return inScope(locationScope(subject), locationId);
}

/** Whether the subject may change call park data; with a location, data of that location. */
export function canWrite(subject: AccessSubject, locationId?: string): boolean {
  if (subject.role === "READ_ONLY_ADMIN") return false;
  return locationId === undefined || canSeeLocation(subject, locationId);
}

/**
 * Whether the subject may run a bulk import. A location administrator may: rows for
 * locations outside their scope are refused row by row as unknown locations.
 */
export function canImport(subject: AccessSubject): boolean {
  return canWrite(subject);
}
