import { type Kysely, sql } from "kysely";

// Shipped: never edit (see index.ts). Values are literals, never domain constants.
export async function up(db: Kysely<unknown>): Promise<void> {
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
}
