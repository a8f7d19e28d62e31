import { type Kysely, sql } from "kysely";

// Shipped: never edit (see index.ts). Values are literals, never domain constants.
// Import jobs of two kinds: call park extensions (every job made before this migration)
// and call park groups. Each kind's list is its own (…/jobs/callParkExtensions and
// …/jobs/callParks), newest first.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("import_jobs")
    .addColumn("kind", "text", (c) =>
      c.notNull().defaultTo("callParkExtensions").check(sql`"kind" in ('callParkExtensions', 'callParks')`),
    )
    .execute();
  await db.schema.createIndex("import_jobs_kind").on("import_jobs").columns(["kind", "seq"]).execute();
  await db.schema.createIndex("import_jobs_kind_status").on("import_jobs").columns(["kind", "status", "seq"]).execute();
}
