import { type Kysely, sql } from "kysely";

// A call park group's id changes when it is renamed, as Webex's does. Its members and
// destinations follow the new id (ON UPDATE CASCADE), and the audit log keeps one
// object's history across its ids: `history_id` is the id the object had in its first
// entry, the same on every later entry. Written for SQLite and PostgreSQL alike: the
// two lists are copied aside, recreated with the new foreign keys and refilled.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("audit_events").addColumn("history_id", "text").execute();
  await sql`update audit_events set history_id = object_id`.execute(db);
  await db.schema.createIndex("audit_events_history_id").on("audit_events").columns(["history_id", "seq"]).execute();

  await sql`create table call_park_agents_copy as select call_park_id, member_id, position from call_park_agents`.execute(db);
  await db.schema.dropTable("call_park_agents").execute();
  await db.schema
    .createTable("call_park_agents")
    .addColumn("call_park_id", "text", (c) =>
      c.notNull().references("call_parks.id").onDelete("cascade").onUpdate("cascade"),
    )
    .addColumn("member_id", "text", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("call_park_agents_pk", ["call_park_id", "member_id"])
    .addUniqueConstraint("call_park_agents_one_group", ["member_id"])
    .execute();
  await sql`insert into call_park_agents (call_park_id, member_id, position) select call_park_id, member_id, position from call_park_agents_copy`.execute(db);
  await db.schema.dropTable("call_park_agents_copy").execute();

  await sql`create table call_park_destinations_copy as select call_park_id, call_park_extension_id, position from call_park_destinations`.execute(db);
  await db.schema.dropTable("call_park_destinations").execute();
  await db.schema
    .createTable("call_park_destinations")
    .addColumn("call_park_id", "text", (c) =>
      c.notNull().references("call_parks.id").onDelete("cascade").onUpdate("cascade"),
    )
    .addColumn("call_park_extension_id", "text", (c) =>
      c.notNull().references("call_park_extensions.id").onDelete("cascade"),
    )
    .addColumn("position", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("call_park_destinations_pk", ["call_park_id", "call_park_extension_id"])
    .addUniqueConstraint("call_park_destinations_one_group", ["call_park_extension_id"])
    .execute();
  await sql`insert into call_park_destinations (call_park_id, call_park_extension_id, position) select call_park_id, call_park_extension_id, position from call_park_destinations_copy`.execute(db);
  await db.schema.dropTable("call_park_destinations_copy").execute();
}
