import { type Kysely, PostgresAdapter, sql } from "kysely";

// Several server processes on one database (issue 16). Values are literals.
export async function up(db: Kysely<unknown>): Promise<void> {
  // PostgreSQL runs transactions side by side: the audit log's and the tasks' order numbers
  // come from sequences, starting after the largest taken. (SQLite runs one writer at a time
  // and takes one more than the largest, inside the write.)
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (const table of ["audit_events", "import_jobs"]) {
      await sql`create sequence ${sql.raw(`${table}_seq_values`)}`.execute(db);
      await sql`select setval(${`${table}_seq_values`}, coalesce((select max(seq) from ${sql.table(table)}), 0) + 1, false)`.execute(db);
    }
  }

  // Work that one instance at a time may do (an import job, the Webex synchronisation):
  // the instance holding a lease until it expires (milliseconds since 1970), renewed as it works.
  await db.schema
    .createTable("leases")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("owner", "text", (c) => c.notNull())
    .addColumn("expires_at", "bigint", (c) => c.notNull())
    .execute();

  // Sign-in attempts counted by the limiter, shared by every instance: one row per attempt
  // let through (milliseconds since 1970), removed when it succeeds or leaves the window.
  await db.schema
    .createTable("sign_in_attempts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("account", "text", (c) => c.notNull())
    .addColumn("client", "text", (c) => c.notNull())
    .addColumn("at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sign_in_attempts_account").on("sign_in_attempts").columns(["account", "at"]).execute();
  await db.schema.createIndex("sign_in_attempts_client").on("sign_in_attempts").columns(["client", "at"]).execute();
}
