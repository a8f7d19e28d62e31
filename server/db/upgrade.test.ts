import BetterSqlite3 from "better-sqlite3";
import { Kysely, type Migration, sql, SqliteDialect } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { FIRST_RELEASE, MIGRATIONS, migrateToLatest } from "@server/db/migrations";
import { integrityProblems, rowsOf, schemaOf } from "./migrations-schema";
import { insertSamples, SAMPLES, samplesUpTo } from "./migrations-samples";

// Every migration is a starting point: a database left there (by a release, or by a
// build between releases) and filled with data must migrate to exactly a fresh
// database's schema with its data intact. A new migration is checked by this loop as
// soon as index.ts lists it; give it an entry in SAMPLES if it adds or changes a table.
const NAMES = Object.keys(MIGRATIONS);
const open: Kysely<unknown>[] = [];

function memoryDatabase(): Kysely<unknown> {
  const sqlite = new BetterSqlite3(":memory:");
  sqlite.pragma("foreign_keys = ON");
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  open.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.destroy()));
});

const upTo = (name: string): Record<string, Migration> =>
  Object.fromEntries(NAMES.slice(0, NAMES.indexOf(name) + 1).map((n) => [n, MIGRATIONS[n]]));

/** A database as a version whose last migration was `last` left it, with that version's data. */
async function databaseAt(last: string): Promise<Kysely<unknown>> {
  const db = memoryDatabase();
  for (const name of NAMES.slice(0, NAMES.indexOf(last) + 1)) {
    await migrateToLatest(db, upTo(name));
    await insertSamples(db, SAMPLES[name]);
  }
  return db;
}

async function freshSchema() {
  const db = memoryDatabase();
  await migrateToLatest(db);
  return schemaOf(db);
}

async function expectIntact(db: Kysely<unknown>, names: readonly string[]) {
  for (const [table, rows] of Object.entries(samplesUpTo(names))) {
    const found = await rowsOf(db, table);
    expect(found, `${table}: every row kept, none added`).toHaveLength(rows.length);
    expect(found, `${table}: each row's values kept`).toEqual(expect.arrayContaining(rows.map((row) => expect.objectContaining(row))));
  }
  expect(await integrityProblems(db)).toEqual([]);
}

describe("upgrading a database from each migration to the latest", () => {
  it("starts from the first release", () => {
    expect(NAMES.indexOf(FIRST_RELEASE)).toBeGreaterThanOrEqual(0);
  });

  it.each(NAMES)("from %s: the schema of a fresh database, the data intact", async (start) => {
    const db = await databaseAt(start);
    await migrateToLatest(db);

    expect(await schemaOf(db)).toEqual(await freshSchema());
    const ran = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
    expect(ran.rows.map((r) => r.name)).toEqual(NAMES);
    await expectIntact(db, NAMES.slice(0, NAMES.indexOf(start) + 1));

    // The upgraded database takes what a database made since then holds.
    for (const name of NAMES.slice(NAMES.indexOf(start) + 1)) await insertSamples(db, SAMPLES[name]);
    await expectIntact(db, NAMES);
  });

  it("builds the first release's database as it was: import jobs, no administrators yet", async () => {
    const db = await databaseAt(FIRST_RELEASE);
    const tables = (await schemaOf(db)).tables;
    expect(Object.keys(tables)).toContain("import_jobs");
    expect(Object.keys(tables)).not.toContain("admins");
  });

  it("from 0004 as it was changed after shipping (with audit_events_object_id), to the same schema", async () => {
    // 0004 once created this index itself; databases made then have it before 0005 runs.
    const db = await databaseAt("0004-administrators-and-audit");
    await sql`CREATE INDEX "audit_events_object_id" on "audit_events" ("object_id", "seq")`.execute(db);
    await migrateToLatest(db);
    expect(await schemaOf(db)).toEqual(await freshSchema());
  });
});
