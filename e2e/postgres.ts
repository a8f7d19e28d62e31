// The "postgres" project (playwright.config.ts): the seed's main flows against the same
// compiled server, on PostgreSQL. Each worker creates a fresh database on the PostgreSQL
// TEST_DATABASE_URL points at (`npm test` passes the one it runs the server tests on), the
// server migrates and seeds it at start as it does a SQLite file, and the worker drops it when
// it ends. Without TEST_DATABASE_URL the project's tests are skipped (e2e/fixtures.ts).
import { createPostgresDatabase, dropPostgresDatabase, TEST_DATABASE_URL, testDatabaseUrl } from "@server/test/test-database";

/** Why a "postgres" test was skipped (scripts/e2e.mjs says it once before the run). */
export const POSTGRES_SKIPPED = "no PostgreSQL: TEST_DATABASE_URL is not set";

/** Whether the "postgres" project can run: TEST_DATABASE_URL names a PostgreSQL. */
export const hasPostgres = TEST_DATABASE_URL !== undefined;

/** A fresh, empty database (collation C, as the server asks) for one worker's server, and how to drop it. */
export async function workerDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = await createPostgresDatabase();
  return { url: testDatabaseUrl(name), drop: () => dropPostgresDatabase(name) };
}
