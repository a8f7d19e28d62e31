import { type Kysely, PostgresAdapter, type RawBuilder, sql } from "kysely";

// What differs between SQLite and PostgreSQL, in one place. Everything else (the queries,
// the migrations but 0008's search index, the services) is written once for both.

export type DialectName = "sqlite" | "postgres";

/** Whether a DATABASE_URL names a PostgreSQL database (`postgres://` or `postgresql://`). */
export function isPostgresUrl(databaseUrl: string): boolean {
  return /^postgres(ql)?:\/\//i.test(databaseUrl);
}

/** The dialect a Kysely instance or transaction speaks. */
export function dialectOf(db: Kysely<never> | Kysely<unknown> | { getExecutor(): { adapter: unknown } }): DialectName {
  return (db as { getExecutor(): { adapter: unknown } }).getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

/**
 * The next value of a table's `seq` (the order of the audit log and of tasks). PostgreSQL: a
 * sequence (migration 0009), so that concurrent transactions never take the same number.
 * SQLite: one more than the largest, read inside the write transaction — SQLite runs one
 * writer at a time, so nobody else can take it in between.
 */
export function nextSeq(db: { getExecutor(): { adapter: unknown } }, table: "audit_events" | "import_jobs"): RawBuilder<number> {
  return dialectOf(db) === "postgres"
    ? sql<number>`nextval(${`${table}_seq_values`})`
    : sql<number>`(select coalesce(max(seq), 0) + 1 from ${sql.table(table)})`;
}

/**
 * A condition the query planner should not read through an index (it reads the other one
 * first): SQLite's unary `+` on the column; PostgreSQL plans by its statistics and has no
 * such hint (and no unary + on text), so the column as it is.
 */
export function withoutIndex(db: { getExecutor(): { adapter: unknown } }, column: string): RawBuilder<unknown> {
  return dialectOf(db) === "postgres" ? sql`${sql.ref(column)}` : sql`+${sql.ref(column)}`;
}
