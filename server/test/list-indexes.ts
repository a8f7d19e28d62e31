import { type Kysely, sql } from "kysely";
import { expect } from "vitest";
import { dialectOf } from "@server/db/dialect";
import { ftsPhrase, trigramSearchable } from "@server/db/search";

/**
 * What migration 0008 derives, checked against what it derives from: each call park
 * extension's copy of its location's name and search key, the distinct names with their
 * counts, and the trigram index of those names (FTS5's own integrity check, against its
 * content table, and every name found through it; SQLite's: PostgreSQL's pg_trgm index is
 * read by the LIKE itself).
 */
export async function expectListIndexesInStep<DB>(db: Kysely<DB>) {
  const postgres = dialectOf(db) === "postgres";
  const differs = sql.raw(postgres ? "is distinct from" : "is not");
  const stale = await sql<{ id: string }>`select c.id from call_park_extensions c join locations l on l.id = c.location_id
    where c.location_name_key ${differs} l.name_key or c.location_name ${differs} l.name`.execute(db);
  expect(stale.rows, "call park extensions with another location name than their location's").toEqual([]);

  const names = await sql<{ name_key: string; extensions: number }>`select name_key, extensions from call_park_extension_names order by name_key`.execute(db);
  const counted = await sql<{ name_key: string; extensions: number }>`select name_key, count(*) as extensions from call_park_extensions group by name_key order by name_key`.execute(db);
  expect(names.rows, "the distinct names and their counts").toEqual(counted.rows);
  if (postgres) return;

  await sql`insert into call_park_extension_names_search (call_park_extension_names_search, rank) values ('integrity-check', 1)`.execute(db);
  for (const { name_key } of counted.rows.filter((r) => trigramSearchable(r.name_key))) {
    const found = await sql<{ name_key: string }>`select n.name_key from call_park_extension_names n
      where n.id in (select rowid from call_park_extension_names_search where call_park_extension_names_search match ${ftsPhrase(name_key)})`.execute(db);
    expect(found.rows.map((r) => r.name_key), `"${name_key}" through the trigram index`).toContain(name_key);
  }
}
