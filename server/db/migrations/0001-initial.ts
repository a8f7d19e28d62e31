import { type Kysely, sql } from "kysely";

// Shipped: never edit (see index.ts). Values are literals, never domain constants.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("organizations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("locations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_key", "text", (c) => c.notNull())
    .addColumn("address1", "text", (c) => c.notNull())
    .addColumn("address2", "text")
    .addColumn("city", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("postal_code", "text", (c) => c.notNull())
    .addColumn("country", "text", (c) => c.notNull())
    .addColumn("time_zone", "text", (c) => c.notNull())
    .addColumn("preferred_language", "text", (c) => c.notNull())
    .addColumn("announcement_language", "text", (c) => c.notNull())
    .addColumn("latitude", "text")
    .addColumn("longitude", "text")
    .addColumn("notes", "text")
    .addColumn("routing_prefix", "text")
    .addColumn("call_park_extension_count", "integer", (c) => c.notNull().defaultTo(0))
    // 100: MAX_CALL_PARK_EXTENSIONS_PER_LOCATION when this shipped.
    .addCheckConstraint(
      "call_park_extension_cap",
      sql`call_park_extension_count >= 0 and call_park_extension_count <= 100`,
    )
    .addUniqueConstraint("locations_org_name_unique", ["org_id", "name"])
    .execute();
  await db.schema.createIndex("locations_name_key").on("locations").column("name_key").execute();

  await db.schema
    .createTable("members")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("location_id", "text", (c) => c.notNull().references("locations.id").onDelete("cascade"))
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("first_name", "text", (c) => c.notNull())
    .addColumn("last_name", "text", (c) => c.notNull())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("email", "text")
    .addColumn("phone_number", "text")
    .addColumn("extension", "text")
    .addCheckConstraint("members_type", sql`type in ('PEOPLE', 'PLACE', 'VIRTUAL_LINE')`)
    .execute();
  await db.schema.createIndex("members_location").on("members").column("location_id").execute();

  await db.schema
    .createTable("hunt_groups")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("location_id", "text", (c) => c.notNull().references("locations.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("phone_number", "text")
    .addColumn("extension", "text")
    .execute();
  await db.schema.createIndex("hunt_groups_location").on("hunt_groups").column("location_id").execute();

  await db.schema
    .createTable("call_park_extensions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("location_id", "text", (c) => c.notNull().references("locations.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_key", "text", (c) => c.notNull())
    .addColumn("extension", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("call_park_extensions_location_extension", ["location_id", "extension"])
    .execute();
  await db.schema
    .createIndex("call_park_extensions_location_name")
    .on("call_park_extensions")
    .columns(["location_id", "name_key"])
    .execute();
  await db.schema
    .createIndex("call_park_extensions_name_key")
    .on("call_park_extensions")
    .column("name_key")
    .execute();

  await db.schema
    .createTable("location_numbers")
    .addColumn("location_id", "text", (c) => c.notNull().references("locations.id").onDelete("cascade"))
    .addColumn("extension", "text", (c) => c.notNull())
    .addColumn("owner_type", "text", (c) => c.notNull())
    .addColumn("owner_id", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("location_numbers_pk", ["location_id", "extension"])
    .addUniqueConstraint("location_numbers_owner", ["owner_type", "owner_id"])
    .execute();
}
