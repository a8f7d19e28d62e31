import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from "kysely";
import { MAX_CALL_PARK_EXTENSIONS_PER_LOCATION } from "@domain/rules/limits";
import {
  DEFAULT_CALL_PARK_SETTINGS,
  RECALL_OPTIONS,
  RECALL_TIME_MAX,
  RECALL_TIME_MIN,
  RING_PATTERNS,
} from "@domain/rules/recall";
import { ADMIN_ROLES } from "@domain/rules/access";
import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES } from "@domain/schemas/audit-event";

const inList = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));
const seconds = (column: string) =>
  sql`${sql.ref(column)} >= ${sql.lit(RECALL_TIME_MIN)} and ${sql.ref(column)} <= ${sql.lit(RECALL_TIME_MAX)}`;

// Migrations are code, listed in order; Kysely records which have run.
// Written with Kysely's schema builder so that they also run on PostgreSQL.
const migrations: Record<string, Migration> = {
  "0001-initial": {
    async up(db: Kysely<unknown>) {
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
        .addCheckConstraint(
          "call_park_extension_cap",
          sql`call_park_extension_count >= 0 and call_park_extension_count <= ${sql.lit(MAX_CALL_PARK_EXTENSIONS_PER_LOCATION)}`,
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
    },
  },
  "0002-call-park-groups-and-settings": {
    async up(db: Kysely<unknown>) {
      // A location's Call Park Settings; a location without a row has the defaults.
      await db.schema
        .createTable("location_call_park_settings")
        .addColumn("location_id", "text", (c) => c.primaryKey().references("locations.id").onDelete("cascade"))
        .addColumn("recall_option", "text", (c) => c.notNull().defaultTo(DEFAULT_CALL_PARK_SETTINGS.recallOption))
        .addColumn("recall_hunt_group_id", "text", (c) => c.references("hunt_groups.id").onDelete("set null"))
        .addColumn("ring_pattern", "text", (c) => c.notNull().defaultTo(DEFAULT_CALL_PARK_SETTINGS.ringPattern))
        .addColumn("recall_time", "integer", (c) => c.notNull().defaultTo(DEFAULT_CALL_PARK_SETTINGS.recallTime))
        .addColumn("hunt_wait_time", "integer", (c) => c.notNull().defaultTo(DEFAULT_CALL_PARK_SETTINGS.huntWaitTime))
        .addCheckConstraint("settings_recall_option", sql`recall_option in (${inList(RECALL_OPTIONS)})`)
        .addCheckConstraint("settings_ring_pattern", sql`ring_pattern in (${inList(RING_PATTERNS)})`)
        .addCheckConstraint("settings_recall_time", seconds("recall_time"))
        .addCheckConstraint("settings_hunt_wait_time", seconds("hunt_wait_time"))
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
        .addCheckConstraint("call_parks_recall_option", sql`recall_option in (${inList(RECALL_OPTIONS)})`)
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
    },
  },
  "0003-import-jobs": {
    async up(db: Kysely<unknown>) {
      // A bulk import of call park extensions and its progress, stored so that a job
      // survives a restart: the runner marks rows done in the transaction that applies them.
      await db.schema
        .createTable("import_jobs")
        .addColumn("id", "text", (c) => c.primaryKey())
        // Orders the list newest first, even for jobs created in the same millisecond.
        .addColumn("seq", "integer", (c) => c.notNull().unique())
        .addColumn("file_name", "text", (c) => c.notNull())
        .addColumn("mode", "text", (c) => c.notNull())
        .addColumn("created_by", "text", (c) => c.notNull())
        .addColumn("tracking_id", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addColumn("finished_at", "text")
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("exit_code", "text", (c) => c.notNull())
        .addColumn("total", "integer", (c) => c.notNull())
        .addColumn("processed", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("created", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("updated", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("deleted", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("unchanged", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("failed", "integer", (c) => c.notNull().defaultTo(0))
        .addCheckConstraint("import_jobs_mode", sql`mode in ('partial', 'atomic')`)
        .addCheckConstraint("import_jobs_status", sql`status in ('STARTED', 'COMPLETED', 'FAILED')`)
        .addCheckConstraint(
          "import_jobs_exit_code",
          sql`exit_code in ('UNKNOWN', 'COMPLETED', 'COMPLETED_WITH_ERRORS', 'FAILED')`,
        )
        .addCheckConstraint("import_jobs_progress", sql`processed >= 0 and processed <= total`)
        .execute();
      await db.schema.createIndex("import_jobs_status").on("import_jobs").columns(["status", "seq"]).execute();

      await db.schema
        .createTable("import_job_rows")
        .addColumn("job_id", "text", (c) => c.notNull().references("import_jobs.id").onDelete("cascade"))
        .addColumn("item_number", "integer", (c) => c.notNull())
        .addColumn("row_values", "text", (c) => c.notNull())
        .addColumn("state", "text", (c) => c.notNull().defaultTo("pending"))
        .addColumn("outcome", "text")
        .addColumn("issues", "text")
        .addCheckConstraint("import_job_rows_state", sql`state in ('pending', 'done')`)
        .addCheckConstraint(
          "import_job_rows_outcome",
          sql`outcome is null or outcome in ('CREATE', 'UPDATE', 'DELETE', 'UNCHANGED', 'ERROR')`,
        )
        .addPrimaryKeyConstraint("import_job_rows_pk", ["job_id", "item_number"])
        .execute();
    },
  },
  "0004-administrators-and-audit": {
    async up(db: Kysely<unknown>) {
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
        .addCheckConstraint("admins_role", sql`role in (${inList(ADMIN_ROLES)})`)
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
        .addCheckConstraint("audit_events_action", sql`action in (${inList(AUDIT_ACTIONS)})`)
        .addCheckConstraint("audit_events_object_type", sql`object_type in (${inList(AUDIT_OBJECT_TYPES)})`)
        .execute();
      await db.schema.createIndex("audit_events_object").on("audit_events").columns(["object_type", "seq"]).execute();
      await db.schema.createIndex("audit_events_object_id").on("audit_events").columns(["object_id", "seq"]).execute();
      await db.schema.createIndex("audit_events_actor").on("audit_events").columns(["actor_id", "seq"]).execute();
      await db.schema.createIndex("audit_events_location").on("audit_events").columns(["location_id", "seq"]).execute();
      await db.schema.createIndex("audit_events_time").on("audit_events").column("occurred_at").execute();

      // Who started an import, and which locations its rows may touch (null: all).
      await db.schema.alterTable("import_jobs").addColumn("created_by_id", "text").execute();
      await db.schema.alterTable("import_jobs").addColumn("location_scope", "text").execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    throw new Error(`database migration ${failed?.migrationName ?? ""} failed: ${String(error)}`);
  }
}
