import BetterSqlite3 from "better-sqlite3";
import { Kysely, type Migration, sql, SqliteDialect } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { FIRST_RELEASE, MIGRATIONS, migrateToLatest } from "@server/db/migrations";
import { integrityProblems, rowsOf, schemaOf } from "./migrations-schema";
import { expectListIndexesInStep } from "@server/test/list-indexes";
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

  it("from 0007 with data, 0008 derives each list's sort keys, names and counts, kept in step by later writes", async () => {
    const db = await databaseAt("0007-webex-gateway");
    await migrateToLatest(db);
    await expectListIndexesInStep(db);
    const located = await sql<{ id: string; location_name_key: string; location_name: string }>`select id, location_name_key, location_name from call_park_extensions order by id`.execute(db);
    expect(located.rows).toEqual([
      { id: "cpe-1", location_name_key: "san jose hq", location_name: "San Jose HQ" },
      { id: "cpe-2", location_name_key: "san jose hq", location_name: "San Jose HQ" },
      { id: "cpe-3", location_name_key: "sao paulo", location_name: "São Paulo" },
    ]);
    const names = await sql`select name_key, extensions from call_park_extension_names order by name_key`.execute(db);
    expect(names.rows).toEqual([
      { name_key: "doca cao", extensions: 1 },
      { name_key: "dock 1", extensions: 1 },
      { name_key: "dock 2", extensions: 1 },
    ]);

    // Written afterwards the way every writer does (the API, imports, the Webex mirror, a seed).
    await insertSamples(db, SAMPLES["0008-lists-at-scale"]);
    await sql`insert into call_park_extensions (id, location_id, name, name_key, extension, created_at) values ('cpe-6', 'loc-sp', 'Dock 1', 'dock 1', '2002', '2026-01-06T00:00:00.000Z')`.execute(db);
    await sql`update locations set name = 'San José HQ', name_key = 'san jose hq' where id = 'loc-sj'`.execute(db);
    await sql`update call_park_extensions set name = 'Dock 9', name_key = 'dock 9' where id = 'cpe-2'`.execute(db);
    await sql`delete from call_park_extensions where id = 'cpe-1'`.execute(db);
    await expectListIndexesInStep(db);
    const after = await sql`select name_key, extensions from call_park_extension_names order by name_key`.execute(db);
    expect(after.rows).toEqual([
      { name_key: "50% doca_1", extensions: 1 },
      { name_key: "doca cao", extensions: 2 },
      { name_key: "dock 1", extensions: 1 },
      { name_key: "dock 9", extensions: 1 },
    ]);
    // A location removed (as the Webex mirror removes one) takes its call park extensions' names along.
    await sql`delete from locations where id = 'loc-fl'`.execute(db);
    await expectListIndexesInStep(db);
    const gone = await sql`select name_key, extensions from call_park_extension_names order by name_key`.execute(db);
    expect(gone.rows).toEqual([
      { name_key: "doca cao", extensions: 1 },
      { name_key: "dock 1", extensions: 1 },
      { name_key: "dock 9", extensions: 1 },
    ]);
    const cpe6 = await sql`select location_name_key, location_name from call_park_extensions where id = 'cpe-6'`.execute(db);
    expect(cpe6.rows).toEqual([{ location_name_key: "sao paulo", location_name: "São Paulo" }]);
  });

  it("from 0010 with data, 0011 makes every earlier import job a call park extensions job, and refuses an unknown kind", async () => {
    const db = await databaseAt("0010-hunt-group-agents");
    await migrateToLatest(db);
    const kinds = await sql`select id, kind from import_jobs order by id`.execute(db);
    expect(kinds.rows).toEqual([
      { id: "job-1", kind: "callParkExtensions" },
      { id: "job-2", kind: "callParkExtensions" },
      { id: "job-3", kind: "callParkExtensions" },
    ]);
    await expect(sql`update import_jobs set kind = 'people' where id = 'job-1'`.execute(db)).rejects.toThrow(/CHECK/i);
  });

  it("from 0011 with data, 0012 counts each later write to call park extensions, whoever makes it, and nothing else", async () => {
    const db = await databaseAt("0011-call-park-import-jobs");
    await migrateToLatest(db);
    const changes = async () => Number((await sql<{ n: number }>`select sum(changes) as n from call_park_extension_changes`.execute(db)).rows[0].n);
    let last = await changes();
    expect(last).toBe(0);
    /** The count after `write`: higher than before when `counted`, else the same. */
    const expectCounted = async (write: ReturnType<typeof sql>, counted = true) => {
      await write.execute(db);
      const now = await changes();
      if (counted) expect(now).toBeGreaterThan(last);
      else expect(now).toBe(last);
      last = now;
    };
    await expectCounted(sql`insert into call_park_extensions (id, location_id, name, name_key, extension, created_at) values ('cpe-9', 'loc-sj', 'Dock 9', 'dock 9', '1009', '2026-01-05T09:00:00.000Z')`);
    await expectCounted(sql`update call_park_extensions set name = 'Dock Nine', name_key = 'dock nine' where id = 'cpe-9'`);
    // A location renamed: its trigger writes each of its call park extensions.
    await expectCounted(sql`update locations set name = 'San Jose', name_key = 'san jose' where id = 'loc-sj'`);
    await expectCounted(sql`delete from call_park_extensions where id = 'cpe-9'`);
    // Other tables' writes: a location's routing prefix, a task.
    await expectCounted(sql`update locations set routing_prefix = '8002' where id = 'loc-sj'`, false);
    await expectCounted(sql`update import_jobs set status = status`, false);
  });

  it("from 0004 as it was changed after shipping (with audit_events_object_id), to the same schema", async () => {
    // 0004 once created this index itself; databases made then have it before 0005 runs.
    const db = await databaseAt("0004-administrators-and-audit");
    await sql`CREATE INDEX "audit_events_object_id" on "audit_events" ("object_id", "seq")`.execute(db);
    await migrateToLatest(db);
    expect(await schemaOf(db)).toEqual(await freshSchema());
  });
});
