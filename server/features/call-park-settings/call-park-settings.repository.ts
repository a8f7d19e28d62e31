import type { Insertable, Updateable } from "kysely";
import type { Db } from "@server/db/database";
import type { LocationCallParkSettingsTable } from "@server/db/schema";

export type SettingsRow = Insertable<LocationCallParkSettingsTable>;
export type SettingsChanges = Omit<Updateable<LocationCallParkSettingsTable>, "location_id">;

/** The location's stored settings with the recall hunt group's name, or undefined (the defaults apply). */
export async function findSettings(db: Db, locationId: string) {
  return db
    .selectFrom("location_call_park_settings as s")
    .leftJoin("hunt_groups as h", "h.id", "s.recall_hunt_group_id")
    .select([
      "s.recall_option",
      "s.recall_hunt_group_id",
      "h.name as hunt_group_name",
      "s.ring_pattern",
      "s.recall_time",
      "s.hunt_wait_time",
    ])
    .where("s.location_id", "=", locationId)
    .executeTakeFirst();
}

/** A hunt group anywhere in the organisation, with the name of its location. */
export async function findHuntGroup(db: Db, id: string) {
  return db
    .selectFrom("hunt_groups as h")
    .innerJoin("locations as l", "l.id", "h.location_id")
    .select(["h.id", "h.name", "h.location_id", "l.name as location_name"])
    .where("h.id", "=", id)
    .executeTakeFirst();
}

/**
 * Writes a location's settings in one statement: the whole row when the location has
 * none yet, otherwise only the columns the request changed, so two admins changing
 * different fields at once both keep their change.
 */
export async function upsertSettings(db: Db, row: SettingsRow, changes: SettingsChanges) {
  await db
    .insertInto("location_call_park_settings")
    .values(row)
    .onConflict((oc) =>
      Object.keys(changes).length ? oc.column("location_id").doUpdateSet(changes) : oc.column("location_id").doNothing(),
    )
    .execute();
}
