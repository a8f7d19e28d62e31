import type { Db } from "@server/db/database";
import { HttpError } from "@server/http/errors";
import { findLocation, type LocationFilter, type LocationOptions, listLocations } from "./locations.repository";

export function listOrgLocations(
  db: Db,
  filter: LocationFilter,
  start: number,
  max: number,
  options?: Parameters<typeof listLocations>[4],
) {
  return listLocations(db, filter, start, max, options);
}

/** The location's id and name, as an audit entry names it; a 404 when it does not exist. */
export async function locationOf(db: Db, id: string) {
  const { location } = await requireLocation(db, id);
  return { id: location.id, name: location.name };
}

/** The location, or a 404 naming it as a location that does not exist. */
export async function requireLocation(db: Db, id: string, options?: LocationOptions) {
  const found = await findLocation(db, id, options);
  if (!found) throw new HttpError("locationNotFound", { id });
  return found;
}
