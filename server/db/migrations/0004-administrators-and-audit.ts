import { type Kysely, sql } from "kysely";

// Shipped: never edit (see index.ts). Values are literals, never domain constants:
// ADMIN_ROLES, AUDIT_ACTIONS and AUDIT_OBJECT_TYPES as they stood. As first shipped:
// the index audit_events_object_id, added here later, is 0005's.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("admins")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id"))
    // Stored lower-cased: an address signs in however it is typed.
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addCheckConstraint("admins_role", sql`role in ('FULL_ADMIN', 'READ_ONLY_ADMIN', 'LOCATION_ADMIN')`)
    .execute();

  await db.schema
    .createTable("admin_locations")
    .addColumn("admin_id", "text", (c) => c.notNull().references("admins.id").onDelete("cascade"))
    .addColumn("location_id", "text", (c) => c.notNull().references("locations.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("admin_locations_pk", ["admin_id", "location_id"])
    .execute();

  // Sessions and tokens are stored as SHA-256 of the secret: a copy of the
  // database does not sign anybody in.
  await db.schema
    .createTable("sessions")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("admin_id", "text", (c) => c.notNull().references("admins.id").onDelete("cascade"))
    .addColumn("csrf_token", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("source_ip", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_admin").on("sessions").column("admin_id").execute();

  await db.schema
    .createTable("access_tokens")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("admin_id", "text", (c) => c.notNull().references("admins.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("hint", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_used_at", "text")
    .execute();
  await db.schema.createIndex("access_tokens_admin").on("access_tokens").column("admin_id").execute();

  await db.schema
    .createTable("audit_events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("seq", "integer", (c) => c.notNull().unique())
    .addColumn("occurred_at", "text", (c) => c.notNull())
    // Who, as they were named then: the entry outlives a renamed or removed account.
    .addColumn("actor_id", "text", (c) => c.notNull())
    .addColumn("actor_name", "text", (c) => c.notNull())
    .addColumn("actor_email", "text", (c) => c.notNull())
    .addColumn("source_ip", "text", (c) => c.notNull())
    .addColumn("user_agent", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("object_type", "text", (c) => c.notNull())
    .addColumn("object_id", "text", (c) => c.notNull())
    .addColumn("object_name", "text", (c) => c.notNull())
    .addColumn("location_id", "text")
    .addColumn("location_name", "text")
    .addColumn("before_values", "text")
    .addColumn("after_values", "text")
    .addColumn("task_id", "text")
    .addColumn("tracking_id", "text", (c) => c.notNull())
    .addCheckConstraint("audit_events_action", sql`action in ('CREATE', 'UPDATE', 'DELETE', 'IMPORT')`)
    .addCheckConstraint(
      "audit_events_object_type",
      sql`object_type in ('callParkExtension', 'callPark', 'callParkSettings', 'importJob', 'accessToken')`,
    )
    .execute();
  await db.schema.createIndex("audit_events_object").on("audit_events").columns(["object_type", "seq"]).execute();
  await db.schema.createIndex("audit_events_actor").on("audit_events").columns(["actor_id", "seq"]).execute();
  await db.schema.createIndex("audit_events_location").on("audit_events").columns(["location_id", "seq"]).execute();
  await db.schema.createIndex("audit_events_time").on("audit_events").column("occurred_at").execute();

  // Who started an import, and which locations its rows may touch (null: all).
  await db.schema.alterTable("import_jobs").addColumn("created_by_id", "text").execute();
  await db.schema.alterTable("import_jobs").addColumn("location_scope", "text").execute();
}
