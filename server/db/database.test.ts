import BetterSqlite3 from "better-sqlite3";
import { sql } from "kysely";
import { afterEach, describe, expect, it, vi } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { changeVersionOf, type Db, duringBulkWrites, isMigrated, openDatabase, withStatementCache } from "./database";
import { MIGRATIONS } from "./migrations";
import { buildOrganization, DEMO_LOCATIONS, insertOrganization } from "./seed";
import { openTestDatabase, TEST_DIALECT } from "@server/test/test-database";

// Kysely's SqliteDriver prepares every query on every call; the database it is given keeps
// each prepared statement by its SQL text instead, bounded, and never hands out one that
// is still being iterated.

const opened: { close(): void }[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  vi.restoreAllMocks();
});

function cached(size?: number) {
  const sqlite = new BetterSqlite3(":memory:");
  sqlite.exec("create table t (id integer primary key, name text)");
  const database = withStatementCache(sqlite, size);
  opened.push(database);
  return database;
}

describe("the statement cache", () => {
  it("hands out the same statement for the same SQL, another for other SQL", () => {
    const database = cached();
    const select = database.prepare("select * from t");
    expect(database.prepare("select * from t")).toBe(select);
    expect(database.prepare("select id from t")).not.toBe(select);
  });

  it("keeps at most its size, the least recently used going first", () => {
    const database = cached(2);
    const a = database.prepare("select 1");
    const b = database.prepare("select 2");
    expect(database.prepare("select 1")).toBe(a);
    database.prepare("select 3");
    expect(database.prepare("select 1")).toBe(a);
    expect(database.prepare("select 2")).not.toBe(b);
  });

  it("never hands out a statement while it is being iterated", () => {
    const database = cached();
    database.prepare("insert into t (name) values (?)").run(["a"]);
    database.prepare("insert into t (name) values (?)").run(["b"]);
    const select = database.prepare("select name from t order by id");
    const rows = select.iterate([]);
    expect(rows.next().value).toEqual({ name: "a" });
    const meanwhile = database.prepare("select name from t order by id");
    expect(meanwhile).not.toBe(select);
    expect(meanwhile.all([])).toEqual([{ name: "a" }, { name: "b" }]);
    expect([...rows]).toEqual([{ name: "b" }]);
    expect(database.prepare("select name from t order by id")).toBe(select);
  });
});

describe("the database Kysely is given", () => {
  let db: Db;
  afterEach(() => db?.destroy());

  it("prepares a query run again only once", async () => {
    db = await openDatabase("sqlite::memory:");
    const prepare = vi.spyOn(BetterSqlite3.prototype, "prepare");
    for (let i = 0; i < 3; i++) await db.selectFrom("organizations").select("id").where("id", "=", `org-${i}`).execute();
    expect(prepare.mock.calls.filter(([text]) => String(text).includes('from "organizations"'))).toHaveLength(1);
  });

  it("keeps transactions working: commits, rollbacks and savepoints, again and again", async () => {
    db = await openDatabase("sqlite::memory:");
    const org = (id: string) => ({ id, display_name: id, created_at: "2026-01-05T09:00:00.000Z" });
    const ids = async () => (await db.selectFrom("organizations").select("id").orderBy("id").execute()).map((r) => r.id);
    for (const round of [1, 2]) {
      await db.transaction().execute((trx) => trx.insertInto("organizations").values(org(`kept-${round}`)).execute());
      await expect(
        db.transaction().execute(async (trx) => {
          await trx.insertInto("organizations").values(org(`undone-${round}`)).execute();
          throw new Error("undo");
        }),
      ).rejects.toThrow("undo");
      const trx = await db.startTransaction().execute();
      await trx.insertInto("organizations").values(org(`before-savepoint-${round}`)).execute();
      const savepoint = await trx.savepoint("row").execute();
      await savepoint.insertInto("organizations").values(org(`in-savepoint-${round}`)).execute();
      await savepoint.rollbackToSavepoint("row").execute();
      await trx.commit().execute();
    }
    expect(await ids()).toEqual(["before-savepoint-1", "before-savepoint-2", "kept-1", "kept-2"]);
  });

  it("answers reads and writes of one statement each time, and a changed table's new columns", async () => {
    db = await openDatabase("sqlite::memory:");
    await sql`create table notes (id integer primary key, body text)`.execute(db);
    const insert = (body: string) => sql`insert into notes (body) values (${body})`.execute(db);
    const all = async () => (await sql`select * from notes order by id`.execute(db)).rows;
    expect((await insert("a")).numAffectedRows).toBe(1n);
    expect((await insert("b")).insertId).toBe(2n);
    expect(await all()).toEqual([{ id: 1, body: "a" }, { id: 2, body: "b" }]);
    await sql`alter table notes add column author text`.execute(db);
    expect(await all()).toEqual([{ id: 1, body: "a", author: null }, { id: 2, body: "b", author: null }]);
  });
});

describe("a start on a database already migrated", () => {
  it("finds every migration run with one read, and sends a database missing one, or with one unknown, to the migrator", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cpa-migrated-"));
    try {
      const file = path.join(dir, "db.sqlite");
      const fresh = new BetterSqlite3(file);
      expect(isMigrated(fresh)).toBe(false);
      fresh.close();
      const db = await openDatabase(`sqlite:${file}`);
      await db.destroy();
      const sqlite = new BetterSqlite3(file);
      opened.push(sqlite);
      const names = Object.keys(MIGRATIONS).sort();
      expect(isMigrated(sqlite)).toBe(true);
      expect(isMigrated(sqlite, [...names, "9999-not-yet-run"])).toBe(false);
      expect(isMigrated(sqlite, names.slice(0, -1))).toBe(false);
      // The migrator is not run again: it would take its lock (a row in its lock table) first.
      const migrate = vi.spyOn(await import("./migrations"), "migrateToLatest");
      const again = await openDatabase(`sqlite:${file}`);
      await again.destroy();
      expect(migrate).not.toHaveBeenCalled();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the database's change version", () => {
  it("changes with every write, a rolled-back one too, and not with reads", async () => {
    const db = await openDatabase("sqlite::memory:");
    try {
      const version = changeVersionOf(db)!;
      const before = version();
      await db.selectFrom("organizations").selectAll().execute();
      expect(version()).toBe(before);
      await db.insertInto("organizations").values({ id: "org", display_name: "Org", created_at: "2026-01-01T00:00:00.000Z" }).execute();
      const written = version();
      expect(written).not.toBe(before);
      await db
        .transaction()
        .execute(async (trx) => {
          await trx.updateTable("organizations").set({ display_name: "Other" }).execute();
          throw new Error("roll back");
        })
        .catch(() => undefined);
      expect(version()).not.toBe(written);
    } finally {
      await db.destroy();
    }
  });
});

describe("bulk writes (a Webex synchronisation)", () => {
  it("copy the write-ahead log into the database less often while they run, then once, whoever else is writing", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cpa-bulk-"));
    const file = path.join(dir, "bulk.sqlite");
    const db = await openDatabase(`sqlite:${file}`);
    try {
      const pace = async () => (await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db)).rows[0].wal_autocheckpoint;
      expect(await pace()).toBe(1000);
      let releaseFirst!: () => void;
      const first = duringBulkWrites(db, async () => {
        expect(await pace()).toBe(20_000);
        await new Promise<void>((resolve) => (releaseFirst = resolve));
      });
      // A second bulk write overlapping the first: the pace is restored only when both are done.
      await duringBulkWrites(db, async () => {
        await db.insertInto("organizations").values({ id: "org", display_name: "Org", created_at: "2026-01-01T00:00:00.000Z" }).execute();
      });
      expect(await pace()).toBe(20_000);
      releaseFirst();
      await first;
      expect(await pace()).toBe(1000);
      // Copied: the log holds no frame the database lacks.
      const [checkpoint] = (await sql<{ log: number; checkpointed: number }>`pragma wal_checkpoint(PASSIVE)`.execute(db)).rows;
      expect(checkpoint.log).toBe(checkpoint.checkpointed);
      // A failing bulk write restores the pace too.
      await expect(duringBulkWrites(db, () => Promise.reject(new Error("upstream down")))).rejects.toThrow("upstream down");
      expect(await pace()).toBe(1000);
    } finally {
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(TEST_DIALECT !== "postgres")("bulk writes on PostgreSQL (a synchronisation, an organisation seeded)", () => {
  it("leave the tables analysed and vacuumed: statistics for the plans, a visibility map for index-only reads", async () => {
    const db = await openTestDatabase();
    try {
      const state = async () =>
        (await sql<{ tuples: number; visible: number }>`select reltuples as tuples, relallvisible as visible from pg_class where relname = 'call_park_extensions'`.execute(db)).rows[0];
      // Never vacuumed nor analysed: PostgreSQL knows nothing of the table yet.
      expect(Number((await state()).tuples)).toBe(-1);
      await insertOrganization(db, buildOrganization({ locations: DEMO_LOCATIONS, peoplePerLocation: 1, callParkExtensionsPerLocation: 100 }));
      const after = await state();
      expect(Number(after.tuples)).toBe(DEMO_LOCATIONS.length * 100);
      expect(Number(after.visible)).toBeGreaterThan(0);
    } finally {
      await db.destroy();
    }
  });
});
