import type { Db } from "../../db/database";
import { HttpError } from "../../http/errors";
import { findLocation, type LocationFilter, listLocations } from "./locations.repository";

export function listOrgLocations(db: Db, filter: LocationFilter, start: number, max: number) {
  return listLocations(db, filter, start, max);
}

/** The location, or a 404 naming it as a location that does not exist. */
export async function requireLocation(db: Db, id: string) {
  const found = await findLocation(db, id);
  if (!found) throw new HttpError("locationNotFound", { id });
  return found;
}
