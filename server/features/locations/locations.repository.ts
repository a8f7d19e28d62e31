import type { Selectable } from "kysely";
import type { Location } from "../../../domain/schemas/location";
import type { Db } from "../../db/database";
import type { LocationTable } from "../../db/schema";
import { keyContains } from "../../db/search";

export interface LocationFilter {
  name?: string;
  id?: string;
}

function toLocation(row: Selectable<LocationTable>): Location {
  return {
    id: row.id,
    name: row.name,
    orgId: row.org_id,
    address: {
      address1: row.address1,
      ...(row.address2 ? { address2: row.address2 } : {}),
      city: row.city,
      state: row.state,
      postalCode: row.postal_code,
      country: row.country,
    },
    timeZone: row.time_zone,
    preferredLanguage: row.preferred_language,
    announcementLanguage: row.announcement_language,
    ...(row.latitude ? { latitude: row.latitude } : {}),
    ...(row.longitude ? { longitude: row.longitude } : {}),
    ...(row.notes ? { notes: row.notes } : {}),
  };
}

function filtered(db: Db, filter: LocationFilter) {
  let query = db.selectFrom("locations");
  if (filter.name) query = query.where(keyContains("name_key", filter.name));
  if (filter.id) query = query.where("id", "=", filter.id);
  return query;
}

export async function listLocations(db: Db, filter: LocationFilter, start: number, max: number) {
  const [rows, count] = await Promise.all([
    filtered(db, filter).selectAll().orderBy("name_key").orderBy("name").limit(max).offset(start).execute(),
    filtered(db, filter).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toLocation), total: Number(count.n) };
}

export async function findLocation(db: Db, id: string) {
  const row = await db.selectFrom("locations").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? { location: toLocation(row), routingPrefix: row.routing_prefix, row } : undefined;
}
