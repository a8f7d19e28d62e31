import { sql } from "kysely";
import type { LocationScope } from "@domain/rules/access";
import type { Db } from "@server/db/database";
import { withinScope } from "@server/db/search";

// The whole organisation's call park configuration in three reads, whatever its size (a
// location's settings, its groups with their counts, its call park extensions in no group):
// never a query per location or per group. The same tables hold the mirror in Webex mode.

export interface HealthFilter {
  scope: LocationScope;
  locationId?: string;
}

/** Each location with its Call Park Settings (none stored: the defaults apply) and the hunt group its recall names. */
export async function locationsWithSettings(db: Db, filter: HealthFilter) {
  let query = db
    .selectFrom("locations as l")
    .leftJoin("location_call_park_settings as s", "s.location_id", "l.id")
    .leftJoin("hunt_groups as h", "h.id", "s.recall_hunt_group_id")
    .select([
      "l.id",
      "l.name",
      "l.call_park_extension_count",
      "s.recall_option",
      "s.recall_hunt_group_id",
      "s.hunt_wait_time",
      "h.id as hunt_group_id",
      "h.name as hunt_group_name",
      "h.location_id as hunt_group_location_id",
      "h.agent_count as hunt_group_agent_count",
    ]);
  if (filter.locationId !== undefined) query = query.where("l.id", "=", filter.locationId);
  return withinScope(query, "l.id", filter.scope).execute();
}

/** Every call park group with how many members and call park extensions it has, and the hunt group its recall names. */
export async function callParksWithCounts(db: Db, filter: HealthFilter) {
  let query = db
    .selectFrom("call_parks as g")
    .leftJoin("hunt_groups as h", "h.id", "g.recall_hunt_group_id")
    .select((eb) => [
      "g.id",
      "g.name",
      "g.location_id",
      "g.recall_option",
      "g.recall_hunt_group_id",
      "g.park_on_agents_enabled",
      "h.id as hunt_group_id",
      "h.name as hunt_group_name",
      "h.location_id as hunt_group_location_id",
      "h.agent_count as hunt_group_agent_count",
      eb
        .selectFrom("call_park_agents as a")
        .whereRef("a.call_park_id", "=", "g.id")
        .select((sub) => sub.fn.countAll<number>().as("n"))
        .as("members"),
      eb
        .selectFrom("call_park_destinations as d")
        .whereRef("d.call_park_id", "=", "g.id")
        .select((sub) => sub.fn.countAll<number>().as("n"))
        .as("destinations"),
    ]);
  if (filter.locationId !== undefined) query = query.where("g.location_id", "=", filter.locationId);
  return withinScope(query, "g.location_id", filter.scope).execute();
}

/** The call park extensions no group parks on. */
export async function extensionsInNoGroup(db: Db, filter: HealthFilter) {
  let query = db
    .selectFrom("call_park_extensions as c")
    .select(["c.id", "c.name", "c.extension", "c.location_id"])
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom("call_park_destinations as d").whereRef("d.call_park_extension_id", "=", "c.id").select(sql<number>`1`.as("one")))),
    );
  if (filter.locationId !== undefined) query = query.where("c.location_id", "=", filter.locationId);
  return withinScope(query, "c.location_id", filter.scope).execute();
}
