import type { Kysely } from "kysely";

// One object's history. This index was once added inside 0004 after 0004 had shipped,
// so databases made before that lack it; "if not exists" brings both kinds to one schema.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex("audit_events_object_id")
    .ifNotExists()
    .on("audit_events")
    .columns(["object_id", "seq"])
    .execute();
}
