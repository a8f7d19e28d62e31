import { DEFAULT_MIGRATION_TABLE, sql } from "kysely";
import type { Db } from "@server/db/database";
import { MIGRATIONS } from "@server/db/migrations";

// Readiness for a load balancer or an orchestrator: send traffic only to a server whose
// database answers and carries every migration this build expects. The server migrates
// at start, so a migration missing here means another process (or an older release)
// holds the schema, and this one would fail on the first query that needs it.

export type Readiness =
  | { ready: true }
  | { ready: false; reason: "database unavailable"; error: unknown }
  | { ready: false; reason: "migrations pending"; pending: string[] };

/** The migrations Kysely has recorded as run; none when it has never run (no table yet). */
async function appliedMigrations(db: Db): Promise<Set<string>> {
  try {
    const { rows } = await sql<{ name: string }>`select name from ${sql.table(DEFAULT_MIGRATION_TABLE)}`.execute(db);
    return new Set(rows.map((row) => row.name));
  } catch {
    return new Set();
  }
}

export async function readiness(db: Db): Promise<Readiness> {
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    return { ready: false, reason: "database unavailable", error };
  }
  const applied = await appliedMigrations(db);
  const pending = Object.keys(MIGRATIONS)
    .filter((name) => !applied.has(name))
    .sort();
  return pending.length ? { ready: false, reason: "migrations pending", pending } : { ready: true };
}
