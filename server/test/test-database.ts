import { createHash } from "node:crypto";
import os from "node:os";
import pg from "pg";
import { type Db, openDatabase } from "@server/db/database";
import { seedDemoOrganization } from "@server/db/seed";

// The database a server test runs on: a fresh in-memory SQLite database, or, when
// TEST_DATABASE_URL names a PostgreSQL server (the second leg of `npm test`), a fresh
// PostgreSQL database of its own, cloned from a template this process migrated (and
// seeded) once, and dropped when the test destroys it.

/** The PostgreSQL server the tests run on, or undefined: SQLite. */
export const TEST_DATABASE_URL = /^postgres(ql)?:\/\//i.test(process.env.TEST_DATABASE_URL ?? "") ? process.env.TEST_DATABASE_URL : undefined;

/** The dialect the server tests run on (for a test that is about one of them only). */
export const TEST_DIALECT: "sqlite" | "postgres" = TEST_DATABASE_URL ? "postgres" : "sqlite";

let admin: pg.Pool | undefined;
let counter = 0;
const templates = new Map<string, Promise<string>>();

function adminPool(): pg.Pool {
  admin ??= new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 2 });
  return admin;
}

/** The URL of database `name` on the test server. */
export function testDatabaseUrl(name: string): string {
  const url = new URL(TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

// Names say which machine and process made them: what a process left behind (the copy made
// ahead for a next test that never came, a run cut short) is dropped by the next run here.
const HOST = createHash("sha256").update(os.hostname()).digest("hex").slice(0, 8);
const PREFIX = `cpa_test_${HOST}_`;
const uniqueName = (kind: string) => `${PREFIX}${process.pid}_${kind}_${Date.now().toString(36)}_${++counter}`;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

let swept: Promise<void> | undefined;

/** Drops the test databases of this machine whose process has ended. */
function sweepLeftovers(): Promise<void> {
  swept ??= (async () => {
    const { rows } = await adminPool().query<{ datname: string }>("select datname from pg_database where starts_with(datname, $1)", [PREFIX]);
    for (const { datname } of rows) {
      const pid = Number(datname.slice(PREFIX.length).split("_")[0]);
      if (Number.isInteger(pid) && pid !== process.pid && !alive(pid)) await dropPostgresDatabase(datname).catch(() => undefined);
    }
  })();
  return swept;
}

/**
 * A new PostgreSQL database (collation C, as the server asks): empty, from template0, or a copy
 * of `template`, file by file (for a database this small, 3× faster than PostgreSQL 15's default
 * of copying through the write-ahead log).
 */
export async function createPostgresDatabase(template = "template0"): Promise<string> {
  const name = uniqueName("db");
  const options = template === "template0" ? " locale 'C' encoding 'UTF8'" : " strategy file_copy";
  await adminPool().query(`create database "${name}" template "${template}"${options}`);
  return name;
}

export async function dropPostgresDatabase(name: string): Promise<void> {
  await adminPool().query(`drop database if exists "${name}" with (force)`);
}

/** A template, migrated and (when `seeded`) seeded once per process: cloning it is much faster than migrating. */
function template(seeded: boolean): Promise<string> {
  const key = seeded ? "seeded" : "migrated";
  let found = templates.get(key);
  if (!found) {
    found = (async () => {
      await sweepLeftovers();
      const name = await createPostgresDatabase();
      const db = await openDatabase(testDatabaseUrl(name));
      if (seeded) await seedDemoOrganization(db);
      // A template is copied only while nobody is connected to it.
      await db.destroy();
      return name;
    })();
    templates.set(key, found);
  }
  return found;
}

// The next test's copy of each template, made while this test runs: most tests take a fresh one.
const ready = new Map<boolean, Promise<string>>();

async function clone(seeded: boolean): Promise<string> {
  const made = ready.get(seeded) ?? createPostgresDatabase(await template(seeded));
  const next = made.then(async () => createPostgresDatabase(await template(seeded)));
  // A copy nobody takes is left to the throwaway cluster's removal; its failure surfaces when taken.
  next.catch(() => undefined);
  ready.set(seeded, next);
  return made;
}

/**
 * A fresh, migrated database for one test (`seeded`: with the demo organisation), on the
 * dialect under test. Its `destroy()` also drops it (PostgreSQL).
 */
export async function openTestDatabase({ seeded = false } = {}): Promise<Db> {
  if (!TEST_DATABASE_URL) {
    const db = await openDatabase("sqlite::memory:");
    if (seeded) await seedDemoOrganization(db);
    return db;
  }
  const name = await clone(seeded);
  const db = await openDatabase(testDatabaseUrl(name));
  const destroy = db.destroy.bind(db);
  Object.assign(db, {
    async destroy() {
      await destroy();
      await dropPostgresDatabase(name);
    },
  });
  return db;
}
