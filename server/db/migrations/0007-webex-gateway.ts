import { type Kysely, sql } from "kysely";

// Webex mode (the server as a gateway to the Webex API).
export async function up(db: Kysely<unknown>): Promise<void> {
  // What the gateway keeps between starts: the newest OAuth refresh token, the last
  // synchronisation, the scopes Webex refused. One row per key, JSON or text values.
  await db.schema
    .createTable("gateway_state")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  // An audit entry made in this app, or found by a synchronisation: a change made
  // outside Call Park Admin (in Control Hub, by another tool).
  await db.schema
    .alterTable("audit_events")
    .addColumn("origin", "text", (c) => c.notNull().defaultTo("app").check(sql`origin in ('app', 'upstream')`))
    .execute();

  // An import row applied upstream: when its call was sent (set, and committed, before
  // sending) and the id Webex gave the object. A row with a start but no outcome was in
  // flight when the server stopped: it is looked for upstream before being sent again.
  await db.schema.alterTable("import_job_rows").addColumn("upstream_started_at", "text").execute();
  await db.schema.alterTable("import_job_rows").addColumn("upstream_id", "text").execute();
}
