import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocationScope } from "@domain/rules/access";
import { type Db, FOLD_EVERY_TRANSACTIONS, foldChangeCounts, openDatabase } from "@server/db/database";
import { buildOrganization, DEMO_LOCATIONS, insertOrganization } from "@server/db/seed";
import { createPostgresDatabase, dropPostgresDatabase, TEST_DIALECT, testDatabaseUrl } from "@server/test/test-database";
import { listCallParkExtensions } from "./call-park-extensions.repository";

// PostgreSQL, where several instances write side by side: a deep page's kept checkpoints hold
// only while call park extensions stand still, whichever instance writes and whenever its
// write commits (migration 0012 counts each write statement in a row of its own; deep reads
// and every so many transactions fold them into one, keeping the sum). Each deep page is checked against a plain OFFSET read.

const ALL: LocationScope = { all: true };
let name: string;
let one: Db;
let two: Db;

beforeAll(async () => {
  if (TEST_DIALECT !== "postgres") return;
  name = await createPostgresDatabase();
  one = await openDatabase(testDatabaseUrl(name));
  two = await openDatabase(testDatabaseUrl(name));
  const locations = DEMO_LOCATIONS.map((l, i) => ({ ...l, name: `${l.name} ${i}` }));
  await insertOrganization(one, buildOrganization({ locations, peoplePerLocation: 1, callParkExtensionsPerLocation: 100 }));
});
afterAll(async () => {
  await one?.destroy();
  await two?.destroy();
  if (name) await dropPostgresDatabase(name);
});

/** The ids of a page read plainly: every row in the list's order, skipped to `start`. */
async function plainPage(db: Db, start: number, max: number) {
  const rows = await db
    .selectFrom("call_park_extensions")
    .select("id")
    .orderBy("name_key")
    .orderBy("name")
    .orderBy("location_name_key")
    .orderBy("location_name")
    .orderBy("extension")
    .orderBy("id")
    .limit(max)
    .offset(start)
    .execute();
  return rows.map((r) => r.id);
}

async function expectDeepPagesAsPlain(db: Db) {
  for (const start of [256, 300, 480]) {
    const page = await listCallParkExtensions(db, { scope: ALL }, undefined, start, 25);
    expect(page.items.map((i) => i.id), `start=${start}`).toEqual(await plainPage(db, start, 25));
  }
}

const sumOfChanges = async (db: Db) =>
  Number((await sql<{ n: number }>`select coalesce(sum(changes), 0) as n from call_park_extension_changes`.execute(db)).rows[0].n);
const rowsOfChanges = async (db: Db) =>
  Number((await sql<{ n: number }>`select count(*) as n from call_park_extension_changes`.execute(db)).rows[0].n);

/** Renames the extension at `position` of the list so that it sorts first: every deep page moves by one. */
const renameToFirst = (db: Db, position: number, to: string) =>
  sql`update call_park_extensions set name = ${to}, name_key = ${to.toLowerCase()}
    where id = (select id from call_park_extensions order by name_key, name, location_name_key, location_name, extension, id limit 1 offset ${position})`.execute(db);

describe.skipIf(TEST_DIALECT !== "postgres")("deep pages on PostgreSQL with two instances writing", () => {
  it("follow a write the other instance made", async () => {
    await expectDeepPagesAsPlain(one);
    await renameToFirst(two, 400, "Aaa by two");
    await expectDeepPagesAsPlain(one);
  });

  it("follow a write that was still open while a deep page was read, once it commits", async () => {
    await expectDeepPagesAsPlain(one);
    const writer = await two.startTransaction().execute();
    try {
      await renameToFirst(writer, 420, "Aaa uncommitted");
      // Read while the write is open: not seen, and the checkpoints found now are kept.
      await expectDeepPagesAsPlain(one);
      await writer.commit().execute();
    } catch (error) {
      await writer.rollback().execute();
      throw error;
    }
    await expectDeepPagesAsPlain(one);
  });

  it("fold the counted writes into one row, the sum kept, even with folds and writes side by side", async () => {
    const before = await sumOfChanges(one);
    const writes = 90;
    // One statement each (+1), while both instances fold again and again.
    const writing = (async () => {
      for (let i = 0; i < writes; i++) await sql`update call_park_extensions set name = name where false`.execute(i % 2 ? one : two);
    })();
    const folding = Promise.all([one, two].map(async (db) => {
      for (let i = 0; i < 30; i++) await foldChangeCounts(db);
    }));
    await Promise.all([writing, folding]);
    expect(await sumOfChanges(one)).toBe(before + writes);

    // Past 64 rows, a deep page's read folds them.
    for (let i = 0; i < 70; i++) await sql`update call_park_extensions set name = name where false`.execute(two);
    expect(await rowsOfChanges(one)).toBeGreaterThan(64);
    await expectDeepPagesAsPlain(one);
    expect(await rowsOfChanges(one)).toBe(1);
    expect(await sumOfChanges(one)).toBe(before + writes + 70);

    // And a write after the fold is followed still.
    await renameToFirst(two, 450, "Aaa after the fold");
    await expectDeepPagesAsPlain(one);
  });

  it("stay a few rows however long nobody lists deep: folded after every so many transactions", async () => {
    const before = await sumOfChanges(one);
    const count = 2 * FOLD_EVERY_TRANSACTIONS + 5;
    for (let i = 0; i < count; i++) await one.transaction().execute((trx) => sql`update call_park_extensions set name = name where false`.execute(trx));
    expect(await rowsOfChanges(one)).toBeLessThanOrEqual(FOLD_EVERY_TRANSACTIONS);
    expect(await sumOfChanges(one)).toBe(before + count);
  });
});
