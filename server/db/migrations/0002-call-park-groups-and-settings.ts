import { type Kysely, sql } from "kysely";

// Shipped: never edit (see index.ts). Values are literals, never domain constants:
// RECALL_OPTIONS, RING_PATTERNS, RECALL_TIME_MIN/MAX and DEFAULT_CALL_PARK_SETTINGS as they stood.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A location's Call Park Settings; a location without a row has the defaults.
  await db.schema
    .createTable("location_call_park_settings")
    .addColumn("location_id", "text", (c) => c.primaryKey().references("locations.id").onDelete("cascade"))
    .addColumn("recall_option", "text", (c) => c.notNull().defaultTo("ALERT_PARKING_USER_ONLY"))
    .addColumn("recall_hunt_group_id", "text", (c) => c.references("hunt_groups.id").onDelete("set null"))
    .addColumn("ring_pattern", "text", (c) => c.notNull().defaultTo("NORMAL"))
    .addColumn("recall_time", "integer", (c) => c.notNull().defaultTo(45))
    .addColumn("hunt_wait_time", "integer", (c) => c.notNull().defaultTo(45))
    .addCheckConstraint(
      "settings_recall_option",
      sql`recall_option in ('ALERT_PARKING_USER_ONLY', 'ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP', 'ALERT_HUNT_GROUP_ONLY')`,
    )
    .addCheckConstraint(
      "settings_ring_pattern",
      sql`ring_pattern in ('NORMAL', 'LONG_LONG', 'SHORT_SHORT_LONG', 'SHORT_LONG_SHORT')`,
    )
    .addCheckConstraint("settings_recall_time", sql`"recall_time" >= 30 and "recall_time" <= 600`)
    .addCheckConstraint("settings_hunt_wait_time", sql`"hunt_wait_time" >= 30 and "hunt_wait_time" <= 600`)
    .execute();

  await db.schema
    .createTable("call_parks")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("location_id", "text", (c) => c.notNull().references("locations.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_key", "text", (c) => c.notNull())
    .addColumn("recall_option", "text", (c) => c.notNull())
    .addColumn("recall_hunt_group_id", "text", (c) => c.references("hunt_groups.id"))
    .addColumn("park_on_agents_enabled", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addCheckConstraint(
      "call_parks_recall_option",
      sql`recall_option in ('ALERT_PARKING_USER_ONLY', 'ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP', 'ALERT_HUNT_GROUP_ONLY')`,
    )
    .addUniqueConstraint("call_parks_location_name", ["location_id", "name_key"])
    .execute();

  // Members (people, workspaces, virtual lines): each in at most one call park group.
  await db.schema
    .createTable("call_park_agents")
    .addColumn("call_park_id", "text", (c) => c.notNull().references("call_parks.id").onDelete("cascade"))
    .addColumn("member_id", "text", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("call_park_agents_pk", ["call_park_id", "member_id"])
    .addUniqueConstraint("call_park_agents_one_group", ["member_id"])
    .execute();

  // Park destinations, in hunting order: each call park extension in at most one group.
  // Deleting a call park extension takes it out of its group's list.
  await db.schema
    .createTable("call_park_destinations")
    .addColumn("call_park_id", "text", (c) => c.notNull().references("call_parks.id").onDelete("cascade"))
    .addColumn("call_park_extension_id", "text", (c) =>
      c.notNull().references("call_park_extensions.id").onDelete("cascade"),
    )
    .addColumn("position", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("call_park_destinations_pk", ["call_park_id", "call_park_extension_id"])
    .addUniqueConstraint("call_park_destinations_one_group", ["call_park_extension_id"])
    .execute();
  await db.schema.createIndex("call_parks_location").on("call_parks").column("location_id").execute();
}
