import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { ALL_LOCATIONS } from "@domain/rules/access";
import { type Db, openDatabase } from "@server/db/database";
import { migrateToLatest, migrationsFor } from "@server/db/migrations";
import { recordAudit } from "@server/features/audit-events/audit-events.repository";
import { insertJob } from "@server/features/import-jobs/import-jobs.repository";
import { createPostgresDatabase, dropPostgresDatabase, TEST_DATABASE_URL, testDatabaseUrl } from "@server/test/test-database";
import { TEST_ACTOR } from "@server/test/test-server";
import { insertSamples, SAMPLES } from "./migrations-samples";

// The migrations on PostgreSQL (the leg of npm test that has one): the same list by the same
// names, leaving the same tables and columns as on SQLite, and an upgrade from 0008 with data
// continuing the audit log's and the tasks' order where it stood (0009's sequences).

const NAMES = Object.keys(migrationsFor("postgres"));
const made: { name: string; db?: Db }[] = [];
afterEach(async () => {
  for (const { name, db } of made.splice(0)) {
    await db?.destroy();
    await dropPostgresDatabase(name);
  }
});

async function emptyDatabase() {
  const name = await createPostgresDatabase();
  const entry: { name: string; db?: Db } = { name };
  made.push(entry);
  return entry;
}

const upTo = (last: string) => Object.fromEntries(NAMES.slice(0, NAMES.indexOf(last) + 1).map((n) => [n, migrationsFor("postgres")[n]]));

async function columnsOf(db: Kysely<unknown>): Promise<Record<string, string[]>> {
  const { rows } = await sql<{ table_name: string; column_name: string }>`select table_name, column_name from information_schema.columns
    where table_schema = 'public' and table_name not like 'kysely_%' order by table_name, column_name`.execute(db);
  const tables: Record<string, string[]> = {};
  for (const row of rows) (tables[row.table_name] ??= []).push(row.column_name);
  return tables;
}

/**
 * A database built by hand to `last`, as a server of that version left it, with its rows;
 * then opened as this server opens it (which runs the migrations after it).
 */
async function upgradedFrom(last: string): Promise<{ name: string; db: Db }> {
  const target = await emptyDatabase();
  const raw = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: testDatabaseUrl(target.name), max: 1 }) }) });
  try {
    for (const name of NAMES.slice(0, NAMES.indexOf(last) + 1)) {
      await migrateToLatest(raw, upTo(name));
      await insertSamples(raw, SAMPLES[name]);
    }
  } finally {
    await raw.destroy();
  }
  target.db = await openDatabase(testDatabaseUrl(target.name));
  return { name: target.name, db: target.db };
}

describe.skipIf(!TEST_DATABASE_URL)("the migrations on PostgreSQL (TEST_DATABASE_URL)", () => {
  it("leave the tables and columns they leave on SQLite", async () => {
    const target = await emptyDatabase();
    target.db = await openDatabase(testDatabaseUrl(target.name));
    const sqlite = await openDatabase("sqlite::memory:");
    try {
      const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'table'
        and name not like 'kysely_%' and name not like 'sqlite_%' and name not like 'call_park_extension_names_search%' order by name`.execute(sqlite);
      const expected: Record<string, string[]> = {};
      for (const { name } of rows) {
        const columns = await sql<{ name: string }>`select name from pragma_table_info(${name}) order by name`.execute(sqlite);
        expected[name] = columns.rows.map((c) => c.name);
      }
      expect(await columnsOf(target.db as Kysely<unknown>)).toEqual(expected);
    } finally {
      await sqlite.destroy();
    }
  });

  it("upgrade a database from 0008 with data: the audit log's and the tasks' order go on after the largest taken", async () => {
    const target = await upgradedFrom("0008-lists-at-scale");
    const ran = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(target.db);
    expect(ran.rows.map((r) => r.name)).toEqual(NAMES);

    await target.db.transaction().execute((trx) =>
      recordAudit(trx, TEST_ACTOR, { action: "CREATE", objectType: "callParkExtension", objectId: "cpe-new", objectName: "New", after: { name: "New" } }),
    );
    await insertJob(target.db, { id: "job-new", fileName: "next.csv", mode: "partial", createdBy: "Morgan Reyes", createdById: "adm-full", scope: ALL_LOCATIONS, trackingId: "CPA_next", total: 0, now: "2026-01-06T09:00:00.000Z" });
    const audit = await target.db.selectFrom("audit_events").select("seq").where("object_id", "=", "cpe-new").executeTakeFirstOrThrow();
    const job = await target.db.selectFrom("import_jobs").select("seq").where("id", "=", "job-new").executeTakeFirstOrThrow();
    expect(audit.seq).toBe(6);
    expect(job.seq).toBe(4);
  });

  it("upgrade a database from 0011 with data: 0012 counts each later write statement on call park extensions, whoever makes it", async () => {
    const { db } = await upgradedFrom("0011-call-park-import-jobs");
    const changes = async () => Number((await sql<{ n: number }>`select sum(changes) as n from call_park_extension_changes`.execute(db)).rows[0].n);
    expect(await changes()).toBe(0);
    await sql`insert into call_park_extensions (id, location_id, name, name_key, extension, created_at) values ('cpe-9', 'loc-sj', 'Dock 9', 'dock 9', '1009', '2026-01-05T09:00:00.000Z')`.execute(db);
    expect(await changes()).toBe(1);
    // A location renamed: its trigger writes its call park extensions, in one statement.
    await sql`update locations set name = 'San Jose', name_key = 'san jose' where id = 'loc-sj'`.execute(db);
    expect(await changes()).toBe(2);
    await sql`delete from call_park_extensions where id = 'cpe-9'`.execute(db);
    expect(await changes()).toBe(3);
    await sql`update locations set routing_prefix = '8002' where id = 'loc-sj'`.execute(db);
    await sql`update import_jobs set status = status`.execute(db);
    expect(await changes()).toBe(3);
  });
});
