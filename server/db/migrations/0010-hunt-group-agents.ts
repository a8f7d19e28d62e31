import { type Kysely, sql } from "kysely";

// How many agents each hunt group has (the health check's "hunt group without agents").
// Null: not known — a database made before this migration, or a hunt group the Webex mirror
// names (Webex's call park API says which hunt group a recall goes to, not who answers it).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("hunt_groups")
    .addColumn("agent_count", "integer", (c) => c.check(sql`"agent_count" >= 0`))
    .execute();
}
