import { type Kysely, PostgresAdapter, sql } from "kysely";

// Shipped: never edit (see index.ts). Values are literals, never domain constants.
// How many times call park extensions have been written, kept by triggers whoever writes
// (any instance, any process, a location renamed through its trigger, a cascade): the sum of
// `changes` grows with every write and with nothing else. A list's kept checkpoints hold while
// it stands still. SQLite runs one writer at a time: one row, counted up by each row written.
// PostgreSQL runs writers side by side: each statement adds a row of its own (no writer waits
// on another for it), and readers fold them together now and then, keeping the sum.
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable("call_park_extension_changes")
    .addColumn("id", "integer", (c) => (postgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey()))
    .addColumn("changes", "bigint", (c) => c.notNull())
    .execute();
  await sql`insert into call_park_extension_changes (changes) values (0)`.execute(db);
  if (postgres) {
    await sql`create function call_park_extension_changes_count() returns trigger language plpgsql as $$
      begin
        insert into call_park_extension_changes (changes) values (1);
        return null;
      end $$`.execute(db);
    await sql`create trigger call_park_extension_changes_count
      after insert or update or delete or truncate on call_park_extensions
      for each statement execute function call_park_extension_changes_count()`.execute(db);
    return;
  }
  for (const event of ["insert", "update", "delete"]) {
    await sql`create trigger ${sql.raw(`call_park_extension_changes_${event}`)} after ${sql.raw(event)} on call_park_extensions
      begin
        update call_park_extension_changes set changes = changes + 1;
      end`.execute(db);
  }
}
